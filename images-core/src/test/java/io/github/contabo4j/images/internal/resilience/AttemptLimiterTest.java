package io.github.contabo4j.images.internal.resilience;

import io.github.contabo4j.images.internal.MonotonicClock;
import io.github.contabo4j.images.internal.Deadline;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final HandClock clock = new HandClock();

  @Test
  void permitsFollowTheInjectedClockNotTheSystemOne() {
    AttemptLimiter limiter = new AttemptLimiter(ResiliencePolicy.builder().rateLimit(2, Duration.ofSeconds(10)).build(), clock);

    assertThat(limiter.reservePermit()).isZero();
    assertThat(limiter.reservePermit()).isZero();
    assertThat(limiter.reservePermit()).isEqualTo(Duration.ofSeconds(10));
    clock.now = clock.now.plusSeconds(4);
    assertThat(limiter.reservePermit()).isEqualTo(Duration.ofSeconds(6)); // the period's second permit
    assertThat(limiter.reservePermit()).isEqualTo(Duration.ofSeconds(16));
    clock.now = clock.now.plusSeconds(26); // 30 s: periods 1 and 2 are over, period 3 is fresh
    assertThat(limiter.reservePermit()).isZero();
  }

  @Test
  void aBoundedReservationBeyondItsLimitReservesNothing() {
    AttemptLimiter limiter = new AttemptLimiter(ResiliencePolicy.builder().rateLimit(1, Duration.ofSeconds(10)).build(), clock);
    assertThat(limiter.reservePermit(Duration.ZERO)).isZero();

    assertThat(limiter.reservePermit(Duration.ofSeconds(9))).isNull();
    assertThat(limiter.reservePermit(Duration.ZERO)).isNull();
    assertThat(limiter.reservePermit(Duration.ofSeconds(-1))).isNull();
    // None of those took the next period's permit:
    assertThat(limiter.reservePermit(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
    assertThat(limiter.reservePermit(Duration.ofSeconds(19))).isNull();
    assertThat(limiter.reservePermit()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void concurrentReservationsEachGetTheirOwnSlotInTheQueue() throws Exception {
    AttemptLimiter limiter = new AttemptLimiter(ResiliencePolicy.builder().rateLimit(2, Duration.ofSeconds(10)).build(), clock);
    int threads = 8;
    int each = 250;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<java.util.List<Duration>>> results = new java.util.ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          start.await();
          java.util.List<Duration> waits = new java.util.ArrayList<>();
          for (int i = 0; i < each; i++) {
            waits.add(limiter.reservePermit());
          }
          return waits;
        }));
      }
      start.countDown();
      java.util.Map<Duration, Integer> perWait = new java.util.TreeMap<>();
      for (java.util.concurrent.Future<java.util.List<Duration>> r : results) {
        for (Duration wait : r.get(10, java.util.concurrent.TimeUnit.SECONDS)) {
          perWait.merge(wait, 1, Integer::sum);
        }
      }

      // 2,000 permits at 2 per 10 s on a stopped clock: exactly two per period, none lost, none twice.
      assertThat(perWait).hasSize(threads * each / 2);
      assertThat(perWait.values()).containsOnly(2);
      assertThat(perWait.keySet()).first().isEqualTo(Duration.ZERO);
      assertThat(((java.util.TreeMap<Duration, Integer>) perWait).lastKey()).isEqualTo(Duration.ofSeconds(10L * (threads * each / 2 - 1)));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aQueueReservedFarAheadIsServedInOrderAsPeriodsPassNeverRefilledBeyondOnePeriod() {
    AttemptLimiter limiter = new AttemptLimiter(ResiliencePolicy.builder().rateLimit(3, Duration.ofSeconds(1)).build(), clock);
    for (int i = 0; i < 30; i++) { // 10 periods' worth: the 30th permit is in period 9
      limiter.reservePermit();
    }
    clock.now = clock.now.plusSeconds(5); // periods 1-5 passed: the queue still reaches period 9
    assertThat(limiter.reservePermit()).isEqualTo(Duration.ofSeconds(5));

    clock.now = clock.now.plusSeconds(1000); // long idle: one period's worth, not a thousand
    assertThat(limiter.reservePermit()).isZero();
    assertThat(limiter.reservePermit()).isZero();
    assertThat(limiter.reservePermit()).isZero();
    assertThat(limiter.reservePermit()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void withoutARateLimitABoundedReservationIsAlwaysImmediate() {
    AttemptLimiter limiter = new AttemptLimiter(ResiliencePolicy.none(), clock);

    assertThat(limiter.reservePermit(Duration.ZERO)).isZero();
  }

  @Test
  void aDeadlineAllowsOnlyWaitsThatEndBeforeIt() {
    Deadline deadline = Deadline.after(clock, Duration.ofSeconds(10));
    assertThat(deadline.budget()).isEqualTo(Duration.ofSeconds(10));
    assertThat(deadline.allows(Duration.ofMillis(9999))).isTrue();
    assertThat(deadline.allows(Duration.ofSeconds(10))).isFalse();

    clock.now = clock.now.plusSeconds(4);
    assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(6));
    assertThat(deadline.allows(Duration.ZERO)).isTrue();
    clock.now = clock.now.plusSeconds(7);
    assertThat(deadline.remaining()).isZero();
    assertThat(deadline.allows(Duration.ZERO)).isFalse();
  }

  @Test
  void theNotBeforeTimeOnlyMovesLater() {
    AttemptLimiter limiter = new AttemptLimiter(ResiliencePolicy.defaults(), clock);
    assertThat(limiter.untilNotBefore()).isZero();

    assertThat(limiter.holdOff(Duration.ofSeconds(10))).isTrue();
    limiter.holdOff(Duration.ofSeconds(3));
    assertThat(limiter.untilNotBefore()).isEqualTo(Duration.ofSeconds(10));
    clock.now = clock.now.plusSeconds(4);
    assertThat(limiter.untilNotBefore()).isEqualTo(Duration.ofSeconds(6));
    clock.now = clock.now.plusSeconds(7);
    assertThat(limiter.untilNotBefore()).isZero();
  }

  @Test
  void withoutARateLimitThereIsNoPermitWaitAndNoGate() {
    AttemptLimiter limiter = new AttemptLimiter(ResiliencePolicy.none(), clock);

    for (int i = 0; i < 100; i++) {
      assertThat(limiter.reservePermit()).isZero();
    }
    assertThat(limiter.holdOff(Duration.ofSeconds(5))).isFalse();
    assertThat(limiter.untilNotBefore()).isZero();
  }

  @Test
  void theMonotonicClockNeverGoesBackwards() {
    MonotonicClock monotonic = new MonotonicClock();
    Instant previous = monotonic.instant();
    for (int i = 0; i < 1000; i++) {
      Instant next = monotonic.instant();
      assertThat(next).isAfterOrEqualTo(previous);
      previous = next;
    }
    assertThat(monotonic.withZone(ZoneId.of("Europe/Berlin")).getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }
}
