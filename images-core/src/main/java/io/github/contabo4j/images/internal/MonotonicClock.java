package io.github.contabo4j.images.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that never goes backwards: the wall-clock time when it was made, advanced by {@link
 * System#nanoTime()}. The resilience decorator measures waits and rate-limit periods with it by
 * default, so a wall-clock adjustment cannot stall or burst the limiter.
 */
public final class MonotonicClock extends Clock {
  private final Instant origin;
  private final long originNanos;
  private final ZoneId zone;

  /** A clock in UTC anchored at the current wall-clock time. */
  public MonotonicClock() {
    this(Instant.now(), System.nanoTime(), ZoneOffset.UTC);
  }

  private MonotonicClock(Instant origin, long originNanos, ZoneId zone) {
    this.origin = origin;
    this.originNanos = originNanos;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MonotonicClock(origin, originNanos, newZone);
  }

  @Override
  public Instant instant() {
    return origin.plusNanos(System.nanoTime() - originNanos);
  }
}
