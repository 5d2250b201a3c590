package io.github.contabo4j.images.resilience;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.resilience.AttemptLimiter;
import io.github.contabo4j.images.internal.resilience.MonotonicClock;
import io.github.contabo4j.images.internal.resilience.RetryRules;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The resilience decorator of an {@link ImagesPort}: safe retries with backoff, {@code Retry-After},
 * and one rate limiter shared by every call, as a {@link ResiliencePolicy} says. Written once; each
 * transport's builder applies it, and it wraps the testkit's fake just as well.
 *
 * <pre>{@code
 * ImagesPort images = ResilientImagesPort.decorate(transport, ResiliencePolicy.defaults());
 * }</pre>
 *
 * <p><b>Layers</b>, outermost first. This is the one place their order is written down; {@code
 * LayerOrderTest} pins it.
 *
 * <ol>
 *   <li><b>Retry</b> (Resilience4j {@link Retry}): classifies each failure (table below), counts
 *       attempts, picks the wait; the wait itself goes through the {@link Sleeper}.
 *   <li><b>"Not before" gate</b>: after a 429, every attempt of every call through this decorator
 *       holds off until the time the service asked for (or the throttle backoff).
 *   <li><b>Rate limiter</b> (Resilience4j {@code RateLimiter}): every attempt, retries included,
 *       takes one permit; at most {@code permitsPerPeriod} attempts start per {@code ratePeriod}.
 *   <li><b>The delegate</b>, once per attempt, always with the caller's {@link CallContext}: each
 *       attempt draws a fresh {@code x-request-id} from it and keeps its {@code x-trace-id}, so the
 *       final exception lists every id sent. The transport applies the per-attempt timeout.
 * </ol>
 *
 * <p><b>What is retried</b> (the exceptions state facts; this table turns them into decisions):
 *
 * <table>
 *   <caption>Retry decisions</caption>
 *   <tr><th>Failure</th><th>Retried for</th></tr>
 *   <tr><td>bad input ({@link io.github.contabo4j.images.InvalidRequestException})</td><td>never;
 *       nothing was sent</td></tr>
 *   <tr><td>connect failed, nothing sent ({@link Delivery#NOT_SENT})</td><td>every operation, create
 *       included</td></tr>
 *   <tr><td>429</td><td>every operation (the service did not process it); waits {@code Retry-After},
 *       or the throttle backoff when it is missing or unparseable; a {@code Retry-After} above {@code
 *       maxRetryAfter} fails at once</td></tr>
 *   <tr><td>timeout, connection reset or closed, empty or malformed answer, other I/O ({@link
 *       Delivery#MAYBE_PROCESSED})</td><td>every operation except create</td></tr>
 *   <tr><td>502, 503, 504</td><td>every operation except create</td></tr>
 *   <tr><td>500</td><td>read-only operations (list, get, stats, audits) only: Contabo answers 500 to
 *       some bad input, so repeating a write would only delay its error</td></tr>
 *   <tr><td>400, 401, 403, 404, 409, 415, any other status</td><td>never</td></tr>
 *   <tr><td>interrupted</td><td>never</td></tr>
 * </table>
 *
 * <p>A create is never sent again once its bytes may have reached the service. A {@code Retry-After}
 * on a retried 5xx is honoured like one on a 429 (and one above {@code maxRetryAfter} fails at once).
 * When the attempts run out, the last attempt's exception is thrown unchanged; it lists every request
 * id.
 *
 * <p><b>Interruption.</b> An interrupt while waiting (backoff, {@code Retry-After} or a permit) ends
 * the call at once with an {@link ImagesTransportException} of failure {@code INTERRUPTED}, the
 * interrupt flag set, and no further attempt. Its {@code delivery()} is that of the attempt it was
 * waiting to repeat (which is its cause), or {@code NOT_SENT} before the first attempt; an already
 * interrupted thread sends nothing.
 *
 * <p><b>Thread-safety.</b> Thread-safe. One instance should serve the whole application, because the
 * rate limiter and the "not before" time are per instance.
 */
public final class ResilientImagesPort implements ImagesPort {
  private static final String NAME = "contabo-images";

  private final ImagesPort delegate;
  private final ResiliencePolicy policy;
  private final Sleeper sleeper;
  private final @Nullable RandomGenerator random;
  private final Retry retry;
  private final AttemptLimiter limiter;

  private ResilientImagesPort(Builder b, ImagesPort delegate, Clock clock) {
    this.delegate = delegate;
    this.policy = b.policy;
    this.sleeper = b.sleeper;
    this.random = b.random;
    RetryConfig config = RetryConfig.<Object>custom()
        .maxAttempts(policy.maxAttempts())
        .retryOnException(thrown -> RetryRules.retryable(thrown, policy))
        .intervalBiFunction((failed, outcome) -> RetryRules.delayMillis(failed, outcome.getLeft(), policy, this::uniform))
        .failAfterMaxAttempts(false)
        .build();
    this.retry = Retry.of(NAME, config);
    this.limiter = new AttemptLimiter(NAME, policy, clock);
  }

  /**
   * Decorates a port with the real sleeper, a monotonic clock and thread-local randomness.
   *
   * @param delegate the port to protect (a transport or a fake)
   * @param policy the policy
   * @return the decorator
   */
  public static ResilientImagesPort decorate(ImagesPort delegate, ResiliencePolicy policy) {
    return builder().delegate(delegate).policy(policy).build();
  }

  /** A builder; {@link Builder#delegate} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy this decorator applies. */
  public ResiliencePolicy policy() {
    return policy;
  }

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    Objects.requireNonNull(request, "request == null");
    return call(ImagesOperation.CREATE_CUSTOM_IMAGE, context, () -> delegate.createCustomImage(request, context));
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    Objects.requireNonNull(query, "query == null");
    return call(ImagesOperation.RETRIEVE_IMAGE_LIST, context, () -> delegate.retrieveImageList(query, context));
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    Checks.requireImageId("imageId", imageId);
    return call(ImagesOperation.RETRIEVE_IMAGE, context, () -> delegate.retrieveImage(imageId, context));
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    Checks.requireImageId("imageId", imageId);
    Objects.requireNonNull(update, "update == null");
    return call(ImagesOperation.UPDATE_IMAGE, context, () -> delegate.updateImage(imageId, update, context));
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    Checks.requireImageId("imageId", imageId);
    call(ImagesOperation.DELETE_IMAGE, context, () -> {
      delegate.deleteImage(imageId, context);
      return Boolean.TRUE;
    });
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    return call(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, context, () -> delegate.retrieveCustomImagesStats(context));
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    Objects.requireNonNull(query, "query == null");
    return call(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, context, () -> delegate.retrieveImageAuditsList(query, context));
  }

  /** The layers in the order the class description gives. */
  private <T> T call(ImagesOperation operation, CallContext context, Supplier<T> attempt) {
    Objects.requireNonNull(context, "context == null");
    Retry.AsyncContext<T> retryContext = retry.asyncContext();
    @Nullable ImagesException previous = null;
    long delayMillis = 0;
    while (true) {
      try {
        Duration backoff = Duration.ofMillis(delayMillis);
        if (previous != null && RetryRules.throttled(previous) && limiter.holdOff(backoff)) {
          backoff = Duration.ZERO; // the shared gate in awaitTurn waits for it, for every caller
        }
        sleep(backoff);
        awaitTurn();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(operation, context, previous, e);
      }
      T result;
      try {
        result = attempt.get();
      } catch (RuntimeException e) {
        delayMillis = retryContext.onError(e);
        if (delayMillis < 0) {
          throw e;
        }
        previous = (ImagesException) e; // RetryRules retries nothing else
        continue;
      }
      retryContext.onComplete();
      return result;
    }
  }

  /**
   * Gate, then permit. A 429 may raise the gate while the permit is awaited; its period is then over
   * before the gate opens, so the attempt goes back to the gate and takes a new permit instead of
   * starting late on the old one (which would put more attempts than permits into a later period).
   */
  private void awaitTurn() throws InterruptedException {
    while (true) {
      sleep(limiter.untilNotBefore());
      sleep(limiter.reservePermit());
      if (limiter.untilNotBefore().isZero()) {
        return;
      }
    }
  }

  private void sleep(Duration duration) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("interrupted before the attempt");
    }
    if (!duration.isZero()) {
      sleeper.sleep(duration);
    }
  }

  private long uniform(long bound) {
    if (random == null) {
      return ThreadLocalRandom.current().nextLong(bound + 1);
    }
    synchronized (random) {
      return random.nextLong(bound + 1);
    }
  }

  private static ImagesTransportException interrupted(
      ImagesOperation operation, CallContext context, @Nullable ImagesException previous, InterruptedException e) {
    ImagesTransportException ex;
    if (previous == null) {
      ex = new ImagesTransportException(operation, ImagesTransportException.Failure.INTERRUPTED, Delivery.NOT_SENT,
          "interrupted before the first attempt", e, context.requestIds(), context.traceId().orElse(null));
    } else {
      ex = new ImagesTransportException(operation, ImagesTransportException.Failure.INTERRUPTED, previous.delivery(),
          "interrupted while waiting to retry", previous, context.requestIds(), previous.traceId().orElse(null));
      ex.addSuppressed(e);
    }
    return ex;
  }

  @Override
  public String toString() {
    return "ResilientImagesPort{" + policy + ", delegate=" + delegate.getClass().getSimpleName() + "}";
  }

  /** Builds a {@link ResilientImagesPort}. */
  public static final class Builder {
    private @Nullable ImagesPort delegate;
    private ResiliencePolicy policy = ResiliencePolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private @Nullable Clock clock;
    private @Nullable RandomGenerator random;

    private Builder() {}

    /**
     * The port to protect. Required.
     *
     * @param delegate a transport or a fake
     * @return this builder
     */
    public Builder delegate(ImagesPort delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate == null");
      return this;
    }

    /**
     * The policy. Default {@link ResiliencePolicy#defaults()}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(ResiliencePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * How the decorator waits: backoff, {@code Retry-After}, permits. Default {@link
     * Sleeper#system()}.
     *
     * @param sleeper the sleeper; tests pass one that advances a virtual clock
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The time source of the rate limiter's periods and the "not before" time. Only differences
     * between its instants matter. Default: a monotonic clock over {@link System#nanoTime()}.
     *
     * @param clock the clock; tests pass a virtual one
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The source of backoff jitter. Draws are synchronized on it, so a {@link java.util.Random}
     * seeded in a test repeats exactly. Default: {@link ThreadLocalRandom}.
     *
     * @param random the generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Builds the decorator.
     *
     * @return the decorator
     * @throws NullPointerException if no delegate was given
     */
    public ResilientImagesPort build() {
      ImagesPort port = Objects.requireNonNull(delegate, "delegate == null");
      return new ResilientImagesPort(this, port, clock == null ? new MonotonicClock() : clock);
    }
  }
}
