package io.github.contabo4j.images.internal.resilience;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.internal.AttemptTimeouts;
import io.github.contabo4j.images.internal.Deadline;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * What every attempt of the resilience layer waits for before it starts, shared by the retry loop
 * ({@code ResilientImagesPort}) and the audit lookups of a reconciliation ({@link CreateReconciler}):
 * the "not before" gate after a 429, a rate-limit permit, backoffs within the call's deadline, and the
 * attempt timeout handed to the transport. Tells the listener about each wait that is about to start.
 * Thread-safe.
 */
public final class AttemptPacer {
  private final ResiliencePolicy policy;
  private final Sleeper sleeper;
  private final AttemptLimiter limiter;
  private final ImagesListener listener;
  private final @Nullable RandomGenerator random;

  /**
   * Creates the pacer.
   *
   * @param policy the policy
   * @param clock the clock the limiter and deadlines use
   * @param sleeper how waits are waited
   * @param listener told about waits; must not throw (see {@code Listeners.guarded})
   * @param random the jitter source, or null for {@link ThreadLocalRandom}
   */
  public AttemptPacer(ResiliencePolicy policy, Clock clock, Sleeper sleeper, ImagesListener listener,
      @Nullable RandomGenerator random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.limiter = new AttemptLimiter(policy, clock);
    this.listener = listener;
    this.random = random;
  }

  /**
   * Holds every attempt through this pacer off for {@code delay} (after a 429), if a rate limit is
   * configured.
   *
   * @param delay how long
   * @return false if no rate limit is configured: the caller waits itself
   */
  public boolean holdOff(Duration delay) {
    return limiter.holdOff(delay);
  }

  /**
   * Gate, then permit; the gate is checked again in case a 429 raised it while waiting.
   *
   * @param operation the operation about to be attempted, for the listener
   * @param deadline the call's deadline
   * @return false, having waited for nothing more, if a wait would not end before the deadline
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitTurn(ImagesOperation operation, Deadline deadline) throws InterruptedException {
    // Gate, then permit. A 429 may raise the gate while the permit is awaited; that permit's period
    // is then over before the gate opens, so the attempt goes back to the gate and takes a new
    // permit instead of starting late on the old one (which would put more attempts than permits
    // into a later period).
    while (true) {
      Duration gate = limiter.untilNotBefore();
      if (!gate.isZero() && deadline.allows(gate)) {
        listener.onThrottled(operation, gate);
      }
      if (!sleepWithin(gate, deadline)) {
        return false;
      }
      Duration permit = limiter.reservePermit(deadline.remaining().minusNanos(1));
      if (permit == null) {
        return false;
      }
      if (!permit.isZero() && deadline.allows(permit)) {
        listener.onRateLimitWait(operation, permit);
      }
      if (!sleepWithin(permit, deadline)) {
        return false;
      }
      if (limiter.untilNotBefore().isZero()) {
        return true;
      }
    }
  }

  /**
   * Waits, unless the wait would not end before the deadline.
   *
   * @param duration how long
   * @param deadline the call's deadline
   * @return whether it waited
   * @throws InterruptedException if the thread is or gets interrupted
   */
  public boolean sleepWithin(Duration duration, Deadline deadline) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("interrupted before the attempt");
    }
    if (!deadline.allows(duration)) {
      return false;
    }
    if (!duration.isZero()) {
      sleeper.sleep(duration);
    }
    return true;
  }

  /**
   * Tells the transport how long the next attempt may take: the attempt timeout, or less if the
   * deadline is nearer.
   *
   * @param operation the operation
   * @param context the call's context
   * @param previous the previous attempt's failure, or null
   * @param deadline the call's deadline
   * @throws ImagesException as {@link #deadlineReached} when no time is left
   */
  public void limitAttempt(
      ImagesOperation operation, CallContext context, @Nullable ImagesException previous, Deadline deadline) {
    Duration left = deadline.remaining();
    if (left.isZero()) {
      throw deadlineReached(operation, context, previous, deadline);
    }
    AttemptTimeouts.limit(context, left.compareTo(policy.attemptTimeout()) < 0 ? left : policy.attemptTimeout());
  }

  /**
   * A uniform random number for jitter.
   *
   * @param bound the largest value
   * @return a number in {@code [0, bound]}
   */
  public long uniform(long bound) {
    if (random == null) {
      return ThreadLocalRandom.current().nextLong(bound + 1);
    }
    synchronized (random) {
      return random.nextLong(bound + 1);
    }
  }

  /**
   * The failure of a call whose deadline leaves no time for its next attempt.
   *
   * @param operation the operation
   * @param context the call's context
   * @param previous the last attempt's failure, or null if none was made
   * @param deadline the deadline
   * @return {@code previous} with a {@link TimeoutException} suppressed, or a {@code TIMEOUT} that was
   *     never sent
   */
  public static ImagesException deadlineReached(
      ImagesOperation operation, CallContext context, @Nullable ImagesException previous, Deadline deadline) {
    String what = "the call deadline (" + deadline.budget() + ") leaves no time for ";
    if (previous == null) {
      return new ImagesTransportException(operation, ImagesTransportException.Failure.TIMEOUT, Delivery.NOT_SENT,
          what + "the first attempt", null, context.requestIds(), context.traceId().orElse(null));
    }
    previous.addSuppressed(new TimeoutException(what + "another attempt"));
    return previous;
  }
}
