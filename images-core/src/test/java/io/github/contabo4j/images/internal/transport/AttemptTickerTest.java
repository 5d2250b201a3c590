package io.github.contabo4j.images.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ticker that runs both transports' attempt deadlines. Real time is unavoidable here (it is a
 * thread that ticks); every wait is bounded by a 300 ms budget and the ticks are 2 ms.
 */
class AttemptTickerTest {
  private static final long BUDGET_MILLIS = 300;
  private static final Duration TICK = Duration.ofMillis(2);

  private AttemptTicker ticker;

  @AfterEach
  void close() {
    if (ticker != null) {
      ticker.close();
    }
  }

  @Test
  void checksEveryWatchedAttemptWithTheTimeOfTheTick() throws InterruptedException {
    ticker = new AttemptTicker("ticker-test", TICK, Duration.ofMillis(50));
    CountDownLatch checkedTwice = new CountDownLatch(2);
    AtomicLong lastNow = new AtomicLong();
    long before = System.nanoTime();
    ticker.watch(now -> {
      lastNow.set(now);
      checkedTwice.countDown();
    });

    assertThat(checkedTwice.await(BUDGET_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    assertThat(lastNow.get() - before).isPositive();
    assertThat(ticker.inFlight()).isEqualTo(1);
  }

  @Test
  void anUnwatchedAttemptIsNoLongerChecked() throws InterruptedException {
    ticker = new AttemptTicker("ticker-test", TICK, Duration.ofMillis(50));
    AtomicInteger checks = new AtomicInteger();
    AttemptTicker.Watched attempt = now -> checks.incrementAndGet();
    ticker.watch(attempt);
    awaitTicks(2);
    ticker.unwatch(attempt);
    awaitTicks(1); // a check that was running when unwatch returned is over after this tick
    int after = checks.get();

    awaitTicks(3);

    assertThat(after).isPositive();
    assertThat(checks.get()).isEqualTo(after);
    assertThat(ticker.inFlight()).isZero();
  }

  @Test
  void oneFailingCheckDoesNotStopTheOthers() throws InterruptedException {
    ticker = new AttemptTicker("ticker-test", TICK, Duration.ofMillis(50));
    CountDownLatch checked = new CountDownLatch(3);
    ticker.watch(now -> {
      throw new IllegalStateException("boom");
    });
    ticker.watch(now -> checked.countDown());

    assertThat(checked.await(BUDGET_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    assertThat(ticker.thread().isAlive()).isTrue();
  }

  @Test
  void startsParkedAndParksAgainAfterTheLinger() throws InterruptedException {
    ticker = new AttemptTicker("ticker-test", TICK, Duration.ofMillis(20));
    awaitState(Thread.State.WAITING); // parked without a timeout: not ticking
    int ticksWhileIdle = ticker.ticks();
    assertThat(ticksWhileIdle).isZero();

    AttemptTicker.Watched attempt = now -> { };
    ticker.watch(attempt);
    awaitTicks(1);
    ticker.unwatch(attempt);

    awaitState(Thread.State.WAITING);
    assertThat(ticker.unparks()).isEqualTo(1);
  }

  @Test
  void callsOneAfterAnotherNeverWakeTheThreadWhileItTicks() throws InterruptedException {
    ticker = new AttemptTicker("ticker-test", TICK, Duration.ofSeconds(10));
    awaitState(Thread.State.WAITING);
    AttemptTicker.Watched first = now -> { };
    ticker.watch(first);
    ticker.unwatch(first);
    long unparksAfterTheFirst = ticker.unparks();
    awaitTicks(1);

    for (int call = 0; call < 10_000; call++) {
      AttemptTicker.Watched attempt = now -> { };
      ticker.watch(attempt);
      ticker.unwatch(attempt);
    }

    assertThat(unparksAfterTheFirst).isEqualTo(1);
    assertThat(ticker.unparks()).isEqualTo(1);
  }

  @Test
  void closeStopsTheThreadAndRefusesNewAttempts() throws InterruptedException {
    ticker = new AttemptTicker("ticker-test", TICK, Duration.ofMillis(50));
    ticker.watch(now -> { });

    ticker.close();
    ticker.thread().join(BUDGET_MILLIS);

    assertThat(ticker.thread().isAlive()).isFalse();
    assertThat(ticker.isClosed()).isTrue();
    assertThat(ticker.toString()).contains("closed");
    assertThatThrownBy(() -> ticker.watch(now -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void theThreadIsADaemonWithTheGivenName() {
    ticker = new AttemptTicker("contabo4j-images-test-1");

    assertThat(ticker.thread().isDaemon()).isTrue();
    assertThat(ticker.thread().getName()).isEqualTo("contabo4j-images-test-1");
    assertThat(AttemptTicker.TICK).isEqualTo(Duration.ofMillis(10));
  }

  private void awaitTicks(int n) throws InterruptedException {
    int target = ticker.ticks() + n;
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS);
    while (ticker.ticks() < target) {
      assertThat(System.nanoTime()).as("%d more ticks within %d ms", n, BUDGET_MILLIS).isLessThan(end);
      Thread.onSpinWait();
    }
  }

  private void awaitState(Thread.State state) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS);
    while (ticker.thread().getState() != state) {
      assertThat(System.nanoTime()).as("thread %s within %d ms", state, BUDGET_MILLIS).isLessThan(end);
      Thread.onSpinWait();
    }
  }
}
