package io.github.contabo4j.images.internal.resilience;

import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The limiter every attempt of one decorator passes: a Resilience4j {@link RateLimiter} plus a shared
 * "not before" time that a 429 raises. It never waits itself; it tells the caller how long to wait,
 * and the caller waits through its {@code Sleeper}.
 *
 * <p><b>Time.</b> Resilience4j's {@code AtomicRateLimiter} takes a nano-time source ({@link
 * RateLimiter#of(String, RateLimiterConfig, java.util.function.Supplier)}); this class feeds it the
 * injected {@link Clock}'s nanoseconds since this limiter was made, so tests on a virtual clock see
 * exact periods. Permits are taken with {@link RateLimiter#reservePermission()}, which reserves a
 * permit and returns the wait instead of parking the thread. (Its compare-and-set loop backs off for
 * 1 ns under contention: not a wait in any sense that matters.) The "not before" time uses the same
 * clock.
 *
 * <p><b>Bounded waits.</b> A caller with a deadline asks for a permit only if it comes within its
 * remaining time. Resilience4j reserves nothing when the wait would exceed the limiter's timeout, but
 * that timeout is one setting for the whole limiter; so each reservation sets it and reserves under
 * one lock. A caller that cannot wait long enough thus leaves the queue as it was, and callers given
 * up on never push later callers back.
 */
public final class AttemptLimiter {
  /**
   * How far ahead a permit may be reserved. Reaching it would need a queue of one year's worth of
   * permits; it exists because Resilience4j needs some bound.
   */
  private static final Duration RESERVATION_HORIZON = Duration.ofDays(365);

  private final @Nullable RateLimiter limiter;
  private final Clock clock;
  private final Instant origin;
  private final AtomicLong notBeforeNanos = new AtomicLong(Long.MIN_VALUE);

  /**
   * Creates the limiter.
   *
   * @param name the Resilience4j name
   * @param policy its {@code permitsPerPeriod} and {@code ratePeriod}; no limiting and no "not
   *     before" time when the policy is not {@link ResiliencePolicy#rateLimited()}
   * @param clock the time source
   */
  public AttemptLimiter(String name, ResiliencePolicy policy, Clock clock) {
    this.clock = clock;
    this.origin = clock.instant();
    if (policy.rateLimited()) {
      RateLimiterConfig config = RateLimiterConfig.custom()
          .limitForPeriod(policy.permitsPerPeriod())
          .limitRefreshPeriod(policy.ratePeriod())
          .timeoutDuration(RESERVATION_HORIZON)
          .build();
      this.limiter = RateLimiter.of(name, config, this::nowNanos);
    } else {
      this.limiter = null;
    }
  }

  /**
   * Reserves one permit for an attempt.
   *
   * @return how long to wait before starting the attempt; zero if at once
   */
  public Duration reservePermit() {
    Duration wait = reservePermit(RESERVATION_HORIZON);
    if (wait == null) {
      throw new IllegalStateException("rate limiter queue is longer than " + RESERVATION_HORIZON);
    }
    return wait;
  }

  /**
   * Reserves one permit for an attempt if it comes within {@code maxWait}.
   *
   * @param maxWait the longest wait acceptable
   * @return how long to wait before starting the attempt (zero if at once), or {@code null} if no
   *     permit comes within {@code maxWait}; then nothing was reserved
   */
  public @Nullable Duration reservePermit(Duration maxWait) {
    if (limiter == null) {
      return Duration.ZERO;
    }
    long nanos;
    synchronized (limiter) {
      limiter.changeTimeoutDuration(maxWait.isNegative() ? Duration.ZERO : maxWait);
      nanos = limiter.reservePermission();
    }
    return nanos < 0 ? null : Duration.ofNanos(nanos);
  }

  /**
   * How long until the shared "not before" time.
   *
   * @return the remaining time; zero if it has passed or was never set
   */
  public Duration untilNotBefore() {
    long notBefore = notBeforeNanos.get();
    if (notBefore == Long.MIN_VALUE) {
      return Duration.ZERO;
    }
    long remaining = notBefore - nowNanos();
    return remaining > 0 ? Duration.ofNanos(remaining) : Duration.ZERO;
  }

  /**
   * Moves the shared "not before" time to {@code now + delay} unless it is already later. Does nothing
   * without a rate limit.
   *
   * @param delay how long every attempt through this limiter should hold off
   * @return whether the time was set, i.e. whether there is a rate limit
   */
  public boolean holdOff(Duration delay) {
    if (limiter == null) {
      return false;
    }
    long until = nowNanos() + delay.toNanos();
    notBeforeNanos.accumulateAndGet(until, Math::max);
    return true;
  }

  private long nowNanos() {
    return Duration.between(origin, clock.instant()).toNanos();
  }
}
