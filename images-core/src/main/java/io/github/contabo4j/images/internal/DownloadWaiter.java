package io.github.contabo4j.images.internal;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.DownloadTimeoutException;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The loop behind {@link ImagesPort#awaitDownloaded}, written once: polls {@code retrieveImage}
 * through a given port until the image reads {@code downloaded}, on a given clock and sleeper.
 *
 * <p><b>Poll schedule.</b> The first poll goes out at once. The wait before the next starts at the
 * policy's {@code backoffBase} (at least {@link #MIN_INTERVAL}), grows by its {@code
 * backoffMultiplier} after each poll, and is capped at {@link #MAX_INTERVAL}; with the defaults:
 * 200 ms, 400 ms, 800 ms, ... 6.4 s, then 10 s. No jitter: each poll is one call, and the decorator's
 * limiter spaces calls anyway. A wait never reaches past the timeout: the last wait is cut to end on
 * it, and one final poll goes out at the timeout.
 */
public final class DownloadWaiter {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DownloadWaiter.class);
  /** The shortest wait between two polls, so a zero backoff base cannot spin: 100 ms. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
  /** The longest wait between two polls: 10 s. */
  public static final Duration MAX_INTERVAL = Duration.ofSeconds(10);
  /** The default resilience policy's backoff base: the first wait between polls of a plain port. */
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(200);
  /** The default resilience policy's backoff multiplier. */
  public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
  /** The longest timeout accepted: one day. */
  private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration backoffBase;
  private final double backoffMultiplier;

  /**
   * Creates a waiter.
   *
   * @param clock measures the timeout
   * @param sleeper waits between polls
   * @param backoffBase the first wait between polls (the resilience policy's {@code backoffBase})
   * @param backoffMultiplier how each wait grows (the policy's {@code backoffMultiplier}), at least 1
   */
  public DownloadWaiter(Clock clock, Sleeper sleeper, Duration backoffBase, double backoffMultiplier) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.backoffBase = Objects.requireNonNull(backoffBase, "backoffBase == null");
    if (!(backoffMultiplier >= 1.0)) {
      throw new IllegalArgumentException("backoffMultiplier must be at least 1: " + backoffMultiplier);
    }
    this.backoffMultiplier = backoffMultiplier;
  }

  /**
   * A waiter on the system's monotonic time, with the default resilience policy's schedule (200 ms,
   * doubling; {@code DownloadWaiterDefaultsTest} keeps the two equal).
   */
  public static DownloadWaiter system() {
    return new DownloadWaiter(new MonotonicClock(), Sleeper.system(), DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MULTIPLIER);
  }

  /**
   * Polls until the image is downloaded, as {@link ImagesPort#awaitDownloaded} describes.
   *
   * @param port the port each poll goes through (one {@code retrieveImage} call, fresh context)
   * @param imageId the image
   * @param timeout how long to wait in all
   * @return the image, status {@code downloaded}
   * @throws InvalidRequestException for a bad id or a negative or too long timeout, before any poll
   * @throws ImageDownloadFailedException when the image reads {@code error}
   * @throws DownloadTimeoutException ({@code TIMEOUT}, {@code ANSWERED}) when the time is up after
   *     answered polls
   * @throws ImagesTransportException {@code INTERRUPTED} when interrupted between polls
   */
  public Image await(ImagesPort port, String imageId, Duration timeout) {
    return await(port, imageId, timeout, null);
  }

  /**
   * Told about every poll of {@link #await(ImagesPort, String, Duration, PollObserver)}, right after
   * the poll's answer and before the waiter acts on it.
   */
  @FunctionalInterface
  public interface PollObserver {
    /**
     * One poll was answered.
     *
     * @param image the image as the poll read it
     * @param elapsed the time since the wait began, on the waiter's clock
     * @param polls how many polls so far, this one included
     */
    void polled(Image image, Duration elapsed, int polls);
  }

  /**
   * As {@link #await(ImagesPort, String, Duration)}, telling {@code observer} about each poll. An
   * exception the observer throws is contained: logged (its type only, at WARN, without its message,
   * which could hold anything) and the wait goes on.
   *
   * @param port the port each poll goes through
   * @param imageId the image
   * @param timeout how long to wait in all
   * @param observer told about each poll; null for none
   * @return the image, status {@code downloaded}
   */
  public Image await(ImagesPort port, String imageId, Duration timeout, @Nullable PollObserver observer) {
    Checks.requireImageId("imageId", imageId);
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative()) {
      throw new InvalidRequestException("timeout", "must not be negative");
    }
    if (timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new InvalidRequestException("timeout", "must be at most one day");
    }
    Deadline deadline = Deadline.after(clock, timeout);
    java.time.Instant started = clock.instant();
    Duration interval = clamp(backoffBase);
    for (int polls = 1; ; polls++) {
      CallContext context = CallContext.create();
      Image image = port.retrieveImage(imageId, context);
      if (observer != null) {
        observe(observer, image, Duration.between(started, clock.instant()), polls);
      }
      if (image.isDownloaded()) {
        return image;
      }
      if (image.isFailed()) {
        throw new ImageDownloadFailedException(imageId, image.errorMessage(), context.requestIds(), null);
      }
      Duration left = deadline.remaining();
      if (left.isZero()) {
        throw new DownloadTimeoutException(imageId, String.valueOf(image.status()), timeout, polls,
            context.requestIds(), context.traceId().orElse(null));
      }
      try {
        sleeper.sleep(interval.compareTo(left) < 0 ? interval : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(ImagesTransportException.Failure.INTERRUPTED,
            "interrupted while waiting for image " + imageId + " to download", e, context);
      }
      interval = next(interval, backoffMultiplier);
    }
  }

  private static void observe(PollObserver observer, Image image, Duration elapsed, int polls) {
    try {
      observer.polled(image, elapsed, polls);
    } catch (RuntimeException e) {
      LOG.warn("download progress callback for image {} threw {}; the wait goes on", image.imageId(),
          e.getClass().getName());
    }
  }

  /** The wait after the next poll. */
  static Duration next(Duration interval, double backoffMultiplier) {
    double millis = interval.toMillis() * backoffMultiplier;
    return millis >= MAX_INTERVAL.toMillis() ? MAX_INTERVAL : clamp(Duration.ofMillis((long) millis));
  }

  private static Duration clamp(Duration d) {
    if (d.compareTo(MIN_INTERVAL) < 0) {
      return MIN_INTERVAL;
    }
    return d.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : d;
  }

  private static ImagesTransportException failure(
      ImagesTransportException.Failure failure, String detail, @Nullable Throwable cause, CallContext lastPoll) {
    return new ImagesTransportException(ImagesOperation.RETRIEVE_IMAGE, failure, Delivery.NOT_SENT, detail, cause,
        lastPoll.requestIds(), null);
  }
}
