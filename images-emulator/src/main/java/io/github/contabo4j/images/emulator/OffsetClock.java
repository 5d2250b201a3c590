package io.github.contabo4j.images.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: the system's UTC time plus an offset that only grows through the control
 * API ({@code POST /__emulator/clock/advance}) and is kept in the state file. Downloads and audit
 * timestamps run on it; issued tokens run on the plain system clock. Thread-safe.
 */
final class OffsetClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  OffsetClock(Clock base) {
    this.base = base;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the emulator's clock is UTC only");
  }

  Duration offset() {
    return offset.get();
  }

  void offset(Duration value) {
    offset.set(value);
  }

  Duration advance(Duration by) {
    return offset.updateAndGet(o -> o.plus(by));
  }
}
