package io.github.contabo4j.images;

import java.time.Duration;

/**
 * Waits. Every wait in this library (retry backoff, {@code Retry-After}, polling, the fake's
 * latency) goes through a {@code Sleeper}, so tests inject one that records the wait and advances a
 * virtual clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the duration.
   *
   * @param duration how long; zero or negative returns at once
   * @throws InterruptedException if the thread is interrupted while waiting; the flag is cleared as
   *     with {@link Thread#sleep}
   */
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: {@link Thread#sleep}. */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
      }
    };
  }
}
