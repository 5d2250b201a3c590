package io.github.contabo4j.images.resilience;

import io.github.contabo4j.images.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A virtual clock and a sleeper that records each wait and advances the clock by it. */
final class VirtualTime extends Clock {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final List<Duration> waits = new ArrayList<>();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Time since {@link #START}. */
  Duration elapsed() {
    return Duration.between(START, now.get());
  }

  void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  /** Records the wait, then advances the clock by it. */
  Sleeper sleeper() {
    return d -> {
      synchronized (waits) {
        waits.add(d);
      }
      advance(d);
    };
  }

  /** Records the wait without advancing the clock (a frozen instant, for concurrent tests). */
  Sleeper recordingOnly() {
    return d -> {
      synchronized (waits) {
        waits.add(d);
      }
    };
  }

  List<Duration> waits() {
    synchronized (waits) {
      return List.copyOf(waits);
    }
  }
}
