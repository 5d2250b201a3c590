package io.github.contabo4j.images.transport.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.internal.transport.AttemptTicker;
import io.github.contabo4j.images.internal.wire.ResponseLimit;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watch that holds a JDK attempt's deadline by interrupting {@code send}. Real time: the ticker
 * ticks every 10 ms; deadlines are 20 ms and every wait is bounded by 300 ms.
 */
class SendWatchTest {
  private static final long BUDGET_MILLIS = 300;

  private final AttemptTicker ticker = new AttemptTicker("send-watch-test");

  @AfterEach
  void close() {
    Thread.interrupted(); // never leave a flag to the next test, whatever failed
    ticker.close();
  }

  private static DeadlineBodyHandler handler(long deadline) {
    return new DeadlineBodyHandler(deadline, Duration.ofMillis(20), new ResponseLimit(1024), false);
  }

  @Test
  void aThreadStillWaitingAtTheDeadlineIsInterruptedAndEndClearsTheInterrupt() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    SendWatch watch = SendWatch.start(ticker, deadline, handler(deadline), true);

    boolean interrupted = blockUntilInterrupted();

    assertThat(interrupted).as("interrupted within %d ms", BUDGET_MILLIS).isTrue();
    assertThat(watch.end()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).as("the watch's interrupt is cleared").isFalse();
    assertThat(watch.end()).as("idempotent").isTrue();
    assertThat(ticker.inFlight()).isZero();
  }

  @Test
  void anAttemptEndedBeforeItsDeadlineIsNeverInterrupted() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    SendWatch watch = SendWatch.start(ticker, deadline, handler(deadline), true);

    assertThat(watch.end()).isFalse();
    awaitPast(deadline + TimeUnit.MILLISECONDS.toNanos(40)); // several ticks past the deadline

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(ticker.inFlight()).isZero();
  }

  @Test
  void withTheJdkTimerArmedTheWatchCutsTheBodyButNeverInterrupts() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    DeadlineBodyHandler handler = handler(deadline);
    SendWatch watch = SendWatch.start(ticker, deadline, handler, false);
    CountDownLatch subscribed = new CountDownLatch(1);
    var body = handler.apply(new java.net.http.HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public java.net.http.HttpHeaders headers() {
        return java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true);
      }

      @Override
      public java.net.http.HttpClient.Version version() {
        return java.net.http.HttpClient.Version.HTTP_1_1;
      }
    });
    body.onSubscribe(new java.util.concurrent.Flow.Subscription() {
      @Override
      public void request(long n) {
        subscribed.countDown();
      }

      @Override
      public void cancel() {}
    });

    assertThat(body.getBody().toCompletableFuture()).failsWithin(Duration.ofMillis(BUDGET_MILLIS))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(java.net.http.HttpTimeoutException.class);
    assertThat(watch.end()).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(subscribed.getCount()).isZero();
  }

  @Test
  void theCallersOwnInterruptIsLeftToTheCaller() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    SendWatch watch = SendWatch.start(ticker, deadline, handler(deadline), true);
    Thread.currentThread().interrupt();

    assertThat(watch.end()).isFalse();
    assertThat(Thread.interrupted()).as("still set for the caller to handle").isTrue();
  }

  private static boolean blockUntilInterrupted() {
    try {
      // stands for send(): blocked until the watch interrupts it, at most the budget
      new CountDownLatch(1).await(BUDGET_MILLIS, TimeUnit.MILLISECONDS);
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }

  private static void awaitPast(long nanoTime) {
    while (System.nanoTime() - nanoTime < 0) {
      Thread.onSpinWait();
    }
  }
}
