package io.github.contabo4j.images.internal.resilience;

import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The limiter every attempt of one decorator passes: at most {@code permitsPerPeriod} attempts start
 * in each fixed period, plus a shared "not before" time that a 429 raises. It never waits itself; it
 * tells the caller how long to wait, and the caller waits through its {@code Sleeper}.
 *
 * <p><b>The algorithm</b> is Resilience4j's {@code AtomicRateLimiter}: time is cut into periods
 * counted from this limiter's creation; each period refills the permits to {@code permitsPerPeriod}
 * (never more); a reservation takes one permit, and when none is left it takes one of a later period
 * and returns the wait until that period starts. Reservations made ahead push the permit count below
 * zero, so later callers are queued behind them in order.
 *
 * <p><b>Lock-free, and why not Resilience4j itself.</b> The state (period, permits) is one immutable
 * value swapped by compare-and-set. Resilience4j reserves only within one timeout set for the whole
 * limiter; a caller here has its own remaining time, so every reservation had to change that setting
 * and reserve under one lock. With 16 threads sharing a client on one CPU, that lock was where they
 * queued (JFR: every contended monitor of the Feign transport's 16-thread run, see {@code
 * docs/PERFORMANCE.md}). Here the bound is part of the compare-and-set: a caller that cannot wait long
 * enough changes nothing, so callers given up on never push later callers back.
 *
 * <p><b>Time.</b> The injected {@link Clock}'s nanoseconds since this limiter was made, so tests on a
 * virtual clock see exact periods. The "not before" time uses the same clock.
 */
public final class AttemptLimiter {
  /**
   * How far ahead a permit may be reserved by {@link #reservePermit()}. Reaching it would need a queue
   * of one year's worth of permits.
   */
  private static final Duration RESERVATION_HORIZON = Duration.ofDays(365);

  /** Where the permit count stood in which period; swapped by identity, never compared by value. */
  private record Window(long period, long permits) {}

  private final boolean limited;
  private final long periodNanos;
  private final long permitsPerPeriod;
  private final AtomicReference<Window> window;
  private final Clock clock;
  private final Instant origin;
  private final AtomicLong notBeforeNanos = new AtomicLong(Long.MIN_VALUE);

  /**
   * Creates the limiter.
   *
   * @param policy its {@code permitsPerPeriod} and {@code ratePeriod}; no limiting and no "not
   *     before" time when the policy is not {@link ResiliencePolicy#rateLimited()}
   * @param clock the time source
   */
  public AttemptLimiter(ResiliencePolicy policy, Clock clock) {
    this.clock = clock;
    this.origin = clock.instant();
    this.limited = policy.rateLimited();
    this.periodNanos = limited ? Math.max(1, policy.ratePeriod().toNanos()) : 1;
    this.permitsPerPeriod = limited ? policy.permitsPerPeriod() : 1;
    this.window = new AtomicReference<>(new Window(0, permitsPerPeriod));
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
    if (!limited) {
      return Duration.ZERO;
    }
    long maxWaitNanos = maxWait.isNegative() ? 0 : saturatedNanos(maxWait);
    while (true) {
      Window current = window.get();
      long now = nowNanos();
      long period = now / periodNanos;
      long permits = current.permits();
      if (period > current.period()) { // refilled, never above one period's worth
        long elapsed = period - current.period();
        long room = permitsPerPeriod - permits; // how many a refill may add, at least 0
        permits = elapsed >= room / permitsPerPeriod + 1 ? permitsPerPeriod : permits + elapsed * permitsPerPeriod;
      } else {
        period = current.period(); // a clock read before another caller's: stay in the newest period
      }
      long wait = permits >= 1 ? 0 : waitForPermit(permits, now, period);
      if (wait > maxWaitNanos) {
        return null;
      }
      if (window.compareAndSet(current, new Window(period, permits - 1))) {
        return Duration.ofNanos(wait);
      }
    }
  }

  /** The wait until the period whose permits cover one more reservation, with {@code permits <= 0} left. */
  private long waitForPermit(long permits, long now, long period) {
    long untilNextPeriod = (period + 1) * periodNanos - now;
    long owedAfterNextPeriod = 1 - (permits + permitsPerPeriod); // permits still missing once it refills
    long morePeriods = owedAfterNextPeriod <= 0 ? 0 : (owedAfterNextPeriod + permitsPerPeriod - 1) / permitsPerPeriod;
    return morePeriods * periodNanos + Math.max(0, untilNextPeriod);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
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
    if (!limited) {
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
