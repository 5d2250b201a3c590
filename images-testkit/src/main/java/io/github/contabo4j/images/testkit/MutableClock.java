package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand: virtual time for the fake's downloads, audit timestamps and
 * anything else that reads a clock. Thread-safe; {@link #withZone} views share the same instant.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));
 * FakeImages fake = FakeImages.builder().clock(clock).build();
 * String id = fake.createCustomImage(request).imageId();
 * clock.advance(FakeImages.DEFAULT_DOWNLOAD_DURATION);   // the download is now complete
 * }</pre>
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at {@code start}, in UTC.
   *
   * @param start the first instant it reads
   * @return the clock
   * @throws NullPointerException if {@code start} is null
   */
  public static MutableClock at(Instant start) {
    if (start == null) {
      throw new NullPointerException("start == null");
    }
    return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * A view in another zone that shares this clock's instant: advancing one advances both.
   *
   * @param newZone the zone
   * @return the view
   */
  @Override
  public MutableClock withZone(ZoneId newZone) {
    if (newZone == null) {
      throw new NullPointerException("zone == null");
    }
    return new MutableClock(now, newZone);
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far; zero is allowed
   * @return the new instant
   * @throws IllegalArgumentException if {@code duration} is negative (use {@link #set} to go back)
   */
  public Instant advance(Duration duration) {
    if (duration == null) {
      throw new NullPointerException("duration == null");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  /**
   * Sets the clock to an instant, forwards or backwards.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    if (instant == null) {
      throw new NullPointerException("instant == null");
    }
    now.set(instant);
  }

  /**
   * A {@link Sleeper} that never blocks: each wait advances this clock by its duration (a negative
   * or zero wait does nothing). Gives code under test virtual time.
   *
   * @return the sleeper
   */
  public Sleeper sleeper() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        advance(duration);
      }
    };
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
