package io.github.contabo4j.images.resilience;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesCall;
import io.github.contabo4j.images.ImagesCallHandler;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.OutcomeUnknownException;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.internal.resilience.AttemptPacer;
import io.github.contabo4j.images.internal.resilience.CreateReconciler;
import io.github.contabo4j.images.internal.Deadline;
import io.github.contabo4j.images.internal.DownloadWaiter;
import io.github.contabo4j.images.internal.Listeners;
import io.github.contabo4j.images.internal.MonotonicClock;
import io.github.contabo4j.images.internal.resilience.RetryRules;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The resilience decorator of an {@link ImagesPort}: safe retries with backoff, {@code Retry-After},
 * one rate limiter shared by every call, a deadline per call, and safe creates, as a {@link
 * ResiliencePolicy} says. Written once; each transport's builder applies it, and it wraps the
 * testkit's fake just as well.
 *
 * <pre>{@code
 * ImagesPort images = ResilientImagesPort.decorate(transport, ResiliencePolicy.defaults());
 * }</pre>
 *
 * <p><b>Layers</b>, outermost first. This is the one place their order is written down; {@code
 * LayerOrderTest} pins it.
 *
 * <ol>
 *   <li><b>Reconciliation</b> (create only): when the layers below end a create ambiguously, the
 *       audit log is asked what happened (see "Safe create" below).
 *   <li><b>Deadline</b>: the call's {@code callTimeout}, on the injected clock. It bounds every wait
 *       of the layers below and every attempt.
 *   <li><b>Retry</b> (Resilience4j {@link Retry}): classifies each failure (table below), counts
 *       attempts, picks the wait; the wait itself goes through the {@link Sleeper}.
 *   <li><b>"Not before" gate</b>: after a 429, every attempt of every call through this decorator
 *       holds off until the time the service asked for (or the throttle backoff).
 *   <li><b>Rate limiter</b> (Resilience4j's fixed-period algorithm, lock-free): every attempt,
 *       retries and audit lookups included, takes one permit; at most {@code permitsPerPeriod}
 *       attempts start per {@code ratePeriod}.
 *   <li><b>The delegate</b>, once per attempt, always with the caller's {@link CallContext}: each
 *       attempt draws a fresh {@code x-request-id} from it and keeps its {@code x-trace-id}, so the
 *       final exception lists every id sent. Right before each attempt the context is told how long
 *       the attempt may take; the transport cuts it there.
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
 *   <tr><td>answer larger than the response-size limit ({@code RESPONSE_TOO_LARGE}, {@link
 *       Delivery#MAYBE_PROCESSED})</td><td>never: the same server would send the same body; a create
 *       that ends so is reconciled</td></tr>
 * </table>
 *
 * <p>A create is never sent again once its bytes may have reached the service. A {@code Retry-After}
 * on a retried 5xx is honoured like one on a 429 (and one above {@code maxRetryAfter} fails at once).
 * When the attempts run out, the last attempt's exception is thrown unchanged; it lists every request
 * id.
 *
 * <p><b>Ambiguous</b> means the request may or may not have been applied: a transport failure that
 * may have been processed (a reset after sending, a timeout, an empty or malformed answer; not an
 * interrupt), or any 5xx answer.
 *
 * <p><b>Safe create.</b> Contabo has no idempotency key. When a create ends ambiguously, the
 * decorator asks the delegate's {@code retrieveImageAuditsList} with {@link
 * AuditQuery#byRequestId} for each {@code x-request-id} the create sent, newest first, each query one
 * attempt through the gate and the rate limiter, with a fresh context carrying the same trace id.
 * <ul>
 *   <li>An entry with action {@code CREATED} whose request id matches, ignoring case, settles it: the
 *       create returns that image as a {@link CreatedImage} with {@code reconciled() == true}.
 *   <li>No entry: the audit log may lag, so the lookup is repeated, up to {@code reconcileAttempts}
 *       rounds, {@code reconcileInterval} apart. A lookup that fails in a way the table above retries
 *       (a 503, a reset, a 429) counts as a round without an answer.
 *   <li>Still nothing after the last round, a lookup failing in a way that is not retried, or an
 *       interrupt: {@link OutcomeUnknownException}, carrying the create's request ids, the lookup's
 *       failure as its cause, and the create's failure.
 * </ul>
 * The lookup has a budget of its own, separate from the create's deadline: those rounds, and in all
 * one more {@code callTimeout} counted from its start. With {@code reconcileAttempts} 0 the create's
 * ambiguous failure is thrown unchanged.
 *
 * <p><b>Delete.</b> A retried delete answered 404 after an earlier attempt of the same call ended
 * ambiguously has succeeded: the earlier attempt deleted the image. A 404 on the first attempt, or
 * after only unambiguous failures, is thrown as {@link ImageNotFoundException}.
 *
 * <p><b>Deadline.</b> Each call may take at most {@code callTimeout}, measured on the injected clock
 * from the moment it starts; the deadline wins over every retry schedule. No wait (backoff, {@code
 * Retry-After}, the "not before" gate, a permit) is started unless it ends before the deadline, and a
 * permit that would come too late is not reserved. Instead the call fails at once: with the last
 * attempt's exception (to which a {@link TimeoutException} is added as suppressed), or, if no attempt
 * was made, with an {@link ImagesTransportException} of failure {@code TIMEOUT} and delivery {@code
 * NOT_SENT}. Each attempt may take the smaller of {@code attemptTimeout} and the time left; the
 * decorator puts that into the context, and the transport applies it.
 *
 * <p><b>Interruption.</b> An interrupt while waiting (backoff, {@code Retry-After} or a permit) ends
 * the call at once with an {@link ImagesTransportException} of failure {@code INTERRUPTED}, the
 * interrupt flag set, and no further attempt. Its {@code delivery()} is that of the attempt it was
 * waiting to repeat (which is its cause), or {@code NOT_SENT} before the first attempt; an already
 * interrupted thread sends nothing. An interrupt during a reconciliation (between lookups or waiting
 * for a permit) ends it at once, too, with an {@link OutcomeUnknownException} whose cause is the
 * {@code INTERRUPTED} exception, the flag set, and no further lookup.
 *
 * <p><b>Waiting for a download.</b> {@link #awaitDownloaded} polls through this decorator (each poll an
 * ordinary {@code retrieveImage} call, so retried, rate limited and reported like one) and waits
 * between polls on the injected sleeper and clock, on the schedule {@link
 * ImagesPort#awaitDownloaded} states, shaped by the policy's backoff base and multiplier.
 *
 * <p><b>Events.</b> An {@link ImagesListener} given to the {@linkplain Builder#listener builder}
 * hears, on the calling thread: each retry decided ({@code onRetry}, with the failed attempt's number,
 * its failure and the backoff or {@code Retry-After}); each wait for a rate-limit permit ({@code
 * onRateLimitWait}); each hold-off after a 429, at the shared gate or, without a rate limit, the
 * call's own {@code Retry-After} or throttle backoff ({@code onThrottled}); the end of a
 * reconciliation ({@code onReconciled} or {@code onOutcomeUnknown}); and the end of each call with its
 * latency on the injected clock, the request id of the attempt that got the final answer, and the
 * failure if any ({@code onCompleted}). A listener that throws never breaks a call. Every event is
 * also logged at DEBUG under this class's logger.
 *
 * <p><b>Thread-safety.</b> Thread-safe. One instance should serve the whole application, because the
 * rate limiter and the "not before" time are per instance.
 */
public final class ResilientImagesPort extends ImagesCallHandler {
  private static final String NAME = "contabo-images";

  private final ImagesPort delegate;
  private final ResiliencePolicy policy;
  private final Clock clock;
  private final Retry retry;
  private final AttemptPacer pacer;
  private final CreateReconciler reconciler;
  private final ImagesListener listener;
  private final DownloadWaiter waiter;

  private ResilientImagesPort(Builder b, ImagesPort delegate, Clock clock) {
    this.delegate = delegate;
    this.policy = b.policy;
    this.clock = clock;
    this.listener = Listeners.guarded(b.listener);
    this.pacer = new AttemptPacer(policy, clock, b.sleeper, listener, b.random);
    RetryConfig config = RetryConfig.<Object>custom()
        .maxAttempts(policy.maxAttempts())
        .retryOnException(thrown -> RetryRules.retryable(thrown, policy))
        .intervalBiFunction((failed, outcome) -> RetryRules.delayMillis(failed, outcome.getLeft(), policy, pacer::uniform))
        .failAfterMaxAttempts(false)
        .build();
    this.retry = Retry.of(NAME, config);
    this.reconciler = new CreateReconciler(delegate, policy, clock, pacer, listener);
    this.waiter = new DownloadWaiter(clock, b.sleeper, policy.backoffBase(), policy.backoffMultiplier());
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

  /** Every operation: the retry loop, reported to the listener when it ends; creates reconcile, deletes keep "404 means done". */
  @Override
  protected <R> R handle(ImagesCall<R> call) {
    ImagesOperation operation = call.operation();
    CallContext context = call.context();
    Instant start = clock.instant();
    R result;
    @Nullable String requestId;
    try {
      if (operation.createsResources()) {
        try {
          result = call(operation, context, () -> call.sendTo(delegate));
          requestId = context.lastRequestId().orElse(null);
        } catch (ImagesException e) {
          if (policy.reconcileAttempts() == 0 || !RetryRules.ambiguous(e)) {
            throw e;
          }
          CreateReconciler.Reconciled reconciled = reconciler.reconcile(e, context);
          @SuppressWarnings("unchecked") // a create's result is a CreatedImage
          R image = (R) reconciled.image();
          result = image;
          requestId = reconciled.requestId();
        }
      } else {
        result = call(operation, context,
            operation == ImagesOperation.DELETE_IMAGE ? deleteOnce(call) : () -> call.sendTo(delegate));
        requestId = context.lastRequestId().orElse(null);
      }
    } catch (RuntimeException e) {
      listener.onCompleted(operation, Duration.between(start, clock.instant()), context.lastRequestId().orElse(null), e);
      throw e;
    }
    listener.onCompleted(operation, Duration.between(start, clock.instant()), requestId, null);
    return result;
  }

  /**
   * One attempt of a delete: a 404 after an earlier attempt of the same call ended ambiguously means
   * that attempt deleted the image, which is what was asked.
   */
  private <R> Supplier<R> deleteOnce(ImagesCall<R> call) {
    // Attempts run one after another; this spans them.
    AtomicReference<@Nullable ImagesException> ambiguous = new AtomicReference<>();
    return () -> {
      try {
        return call.sendTo(delegate);
      } catch (ImageNotFoundException e) {
        if (ambiguous.get() == null) {
          throw e;
        }
        return null; // An earlier attempt may have deleted it: the image is gone, which is what was asked.
      } catch (AuthenticationException e) {
        ImagesException earlier = ambiguous.get();
        if (earlier != null) {
          e.addSuppressed(earlier); // so the 401 replay above keeps "404 means done"
        }
        throw e;
      } catch (ImagesException e) {
        if (RetryRules.ambiguous(e)) {
          ambiguous.compareAndSet(null, e);
        }
        throw e;
      }
    };
  }

  /**
   * Polls through this decorator until the image is downloaded, waiting on the injected sleeper and
   * clock; see {@link ImagesPort#awaitDownloaded} for the schedule and the exceptions.
   *
   * @param imageId the image's id
   * @param timeout how long to wait in all, at most one day
   * @return the image, status {@code downloaded}
   * @throws ImageDownloadFailedException if the image reads {@code error}
   * @throws ImageNotFoundException if no such image exists
   * @throws ImagesTransportException {@code TIMEOUT} when the time is up, {@code INTERRUPTED} when
   *     interrupted
   */
  @Override
  public Image awaitDownloaded(String imageId, Duration timeout) {
    return waiter.await(this, imageId, timeout);
  }

  /** Deadline, retry, gate, limiter and delegate, in the order the class description gives. */
  private <T> T call(ImagesOperation operation, CallContext context, Supplier<T> attempt) {
    Deadline deadline = Deadline.after(clock, policy.callTimeout());
    Retry.AsyncContext<T> retryContext = retry.asyncContext();
    @Nullable ImagesException previous = null;
    long delayMillis = 0;
    int attempts = 0;
    while (true) {
      try {
        Duration backoff = Duration.ofMillis(delayMillis);
        if (previous != null) {
          listener.onRetry(operation, attempts, previous, backoff);
          if (RetryRules.throttled(previous) && !backoff.isZero()) {
            if (pacer.holdOff(backoff)) {
              backoff = Duration.ZERO; // the shared gate in awaitTurn waits for it, for every caller
            } else if (deadline.allows(backoff)) {
              listener.onThrottled(operation, backoff); // no gate without a rate limit: this call waits itself
            }
          }
        }
        if (!pacer.sleepWithin(backoff, deadline) || !pacer.awaitTurn(operation, deadline)) {
          throw AttemptPacer.deadlineReached(operation, context, previous, deadline);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(operation, context, previous, e);
      }
      pacer.limitAttempt(operation, context, previous, deadline);
      attempts++;
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
    private ImagesListener listener = ImagesListener.none();

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
     * How the decorator waits: backoff, {@code Retry-After}, permits, the interval between audit
     * lookups. Default {@link
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
     * The time source of the rate limiter's periods, the "not before" time and the call deadlines.
     * Only differences between its instants matter. Default: a monotonic clock over {@link System#nanoTime()}.
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
     * seeded in a test repeats exactly. Default: {@link java.util.concurrent.ThreadLocalRandom}.
     *
     * @param random the generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Who hears about retries, waits, reconciliations and the end of every call (see the class
     * description, "Events"). Default {@link ImagesListener#none()}.
     *
     * @param listener the listener; called on the calling thread, must be thread-safe
     * @return this builder
     */
    public Builder listener(ImagesListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
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
