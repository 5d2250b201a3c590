package io.github.contabo4j.images.transport.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog on its own, with stand-in requests (the fault matrix drives it over real sockets).
 * Real time: the watchdog polls every 10 ms; each test waits at most a few polls.
 */
class AttemptWatchdogTest {
  private final AttemptWatchdog watchdog = new AttemptWatchdog();

  @AfterEach
  void close() {
    watchdog.close();
  }

  @Test
  void cancelsTheRequestOfAnAttemptPastItsTimeout() throws InterruptedException {
    CountDownLatch cancelled = new CountDownLatch(1);
    long start = System.nanoTime();
    try (AttemptWatchdog.Watch watch = watchdog.watch(Duration.ofMillis(30))) {
      assertThat(watchdog.current()).isSameAs(watch);
      watch.attach(() -> {
        cancelled.countDown();
        return true;
      });

      assertThat(cancelled.await(1, TimeUnit.SECONDS)).as("cancelled").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
      assertThat(watch.cut()).isEqualTo(AttemptWatchdog.Cut.TIMEOUT);
    }
    assertThat(watchdog.current()).as("the watch ends with the attempt").isNull();
  }

  @Test
  void cancelsTheRequestWhenTheThreadIsInterruptedAndLeavesTheFlag() throws InterruptedException {
    AtomicReference<AttemptWatchdog.Cut> cut = new AtomicReference<>();
    AtomicBoolean flag = new AtomicBoolean();
    Semaphore released = new Semaphore(0);
    Thread caller = new Thread(() -> {
      try (AttemptWatchdog.Watch watch = watchdog.watch(Duration.ofSeconds(30))) {
        watch.attach(() -> {
          released.release();
          return true;
        });
        Thread.currentThread().interrupt();
        while (!released.tryAcquire()) {
          // Like a blocked socket read: deaf to the interrupt, whose flag stays set. (Blocking
          // primitives that ignore interrupts, such as acquireUninterruptibly, clear the flag
          // while they wait, which a socket read does not.)
          Thread.onSpinWait();
        }
        cut.set(watch.cut());
        flag.set(Thread.currentThread().isInterrupted());
      }
    }, "watchdog-test-caller");
    caller.setDaemon(true);
    caller.start();
    caller.join(2_000);

    assertThat(caller.isAlive()).as("the blocked caller was released").isFalse();
    assertThat(cut.get()).isEqualTo(AttemptWatchdog.Cut.INTERRUPT);
    assertThat(flag.get()).as("interrupt flag").isTrue();
  }

  @Test
  void aRequestAttachedAfterTheCutIsCancelledAtOnce() throws InterruptedException {
    CountDownLatch first = new CountDownLatch(1);
    AtomicInteger second = new AtomicInteger();
    try (AttemptWatchdog.Watch watch = watchdog.watch(Duration.ofMillis(1))) {
      watch.attach(() -> {
        first.countDown();
        return true;
      });
      assertThat(first.await(1, TimeUnit.SECONDS)).isTrue();

      watch.attach(() -> second.incrementAndGet() > 0);

      assertThat(second.get()).isEqualTo(1);
    }
  }

  @Test
  void anAttemptThatEndsInTimeIsNotCut() {
    AtomicInteger cancels = new AtomicInteger();
    AttemptWatchdog.Watch watch = watchdog.watch(Duration.ofSeconds(30));
    watch.attach(() -> cancels.incrementAndGet() > 0);
    watch.close();

    assertThat(watch.cut()).isNull();
    assertThat(cancels.get()).isZero();
  }

  @Test
  void aClosedWatchdogWatchesNothing() {
    watchdog.close();

    assertThatThrownBy(() -> watchdog.watch(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FeignImagesClient is closed");
  }
}
