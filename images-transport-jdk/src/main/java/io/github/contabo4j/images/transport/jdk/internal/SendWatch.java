package io.github.contabo4j.images.transport.jdk.internal;

import io.github.contabo4j.images.internal.transport.AttemptTicker;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds one attempt's deadline while its thread is blocked in {@code HttpClient.send}, on the
 * client's {@link AttemptTicker}. At the first tick past the deadline it expires the {@link
 * DeadlineBodyHandler} (a body being read is cut, one still to come is cut when it subscribes) and,
 * when the attempt arms no {@code HttpRequest.timeout()}, interrupts the thread: {@code send} then
 * cancels the exchange, which closes its connection, and throws {@code InterruptedException}, which
 * the transport turns into the timeout it is (after {@link #end()} has cleared the interrupt it sent).
 *
 * <p><b>Why an interrupt rather than {@code HttpRequest.timeout()}.</b> The JDK client registers that
 * timeout with its selector and wakes the selector thread for it on every request: a hand-off per
 * call, measured in {@code docs/PERFORMANCE.md}. The interrupt costs nothing until the deadline.
 * The JDK's timer is still armed where only it can tell a connect that was cut (never sent) from a
 * request that may have been sent: when the client's connect timeout could outlast the attempt.
 *
 * <p><b>No stray interrupt.</b> The interrupt is sent only while the attempt is being watched, and
 * {@link #end()} waits for one being sent to land and clears it, so the thread leaves the attempt with
 * its interrupt flag as the caller left it, except for an interrupt of the caller's own that arrives
 * at the very moment of the deadline, which then reads as the timeout.
 *
 * <p>Not API. Thread-safe.
 */
public final class SendWatch implements AttemptTicker.Watched {
  private static final int WATCHING = 0;
  private static final int INTERRUPTING = 1;
  private static final int INTERRUPTED = 2;
  private static final int ENDED = 3;
  private static final int ENDED_INTERRUPTED = 4;

  private final AttemptTicker ticker;
  private final Thread thread;
  private final long deadlineNanos;
  private final DeadlineBodyHandler body;
  private final boolean interrupts;
  private final AtomicInteger state = new AtomicInteger(WATCHING);

  private SendWatch(AttemptTicker ticker, long deadlineNanos, DeadlineBodyHandler body, boolean interrupts) {
    this.ticker = ticker;
    this.thread = Thread.currentThread();
    this.deadlineNanos = deadlineNanos;
    this.body = Objects.requireNonNull(body, "body == null");
    this.interrupts = interrupts;
  }

  /**
   * Starts watching the calling thread's attempt; call {@link #end()} when {@code send} has returned
   * or thrown.
   *
   * @param ticker the client's ticker
   * @param deadlineNanos the attempt's deadline on {@link System#nanoTime()}
   * @param body the attempt's body handler
   * @param interrupts whether to interrupt the thread at the deadline (no JDK request timer armed)
   * @return the watch
   * @throws IllegalStateException if the ticker is closed
   */
  public static SendWatch start(AttemptTicker ticker, long deadlineNanos, DeadlineBodyHandler body, boolean interrupts) {
    SendWatch watch = new SendWatch(ticker, deadlineNanos, body, interrupts);
    ticker.watch(watch);
    return watch;
  }

  @Override
  public void check(long nowNanos) {
    if (nowNanos - deadlineNanos < 0) {
      return;
    }
    body.expire();
    if (interrupts && state.compareAndSet(WATCHING, INTERRUPTING)) {
      thread.interrupt();
      state.set(INTERRUPTED);
    }
  }

  /**
   * Ends the watch, on the attempt's thread. Idempotent.
   *
   * @return whether this watch interrupted the thread (its interrupt flag is cleared again), i.e.
   *     whether the attempt ran out of time while the thread waited
   */
  public boolean end() {
    ticker.unwatch(this);
    if (state.compareAndSet(WATCHING, ENDED)) {
      return false;
    }
    int s;
    while ((s = state.get()) == INTERRUPTING) {
      Thread.onSpinWait(); // the ticker is between deciding to interrupt and doing it
    }
    if (s == INTERRUPTED && state.compareAndSet(INTERRUPTED, ENDED_INTERRUPTED)) {
      Thread.interrupted(); // the interrupt was ours, not the caller's
      return true;
    }
    return state.get() == ENDED_INTERRUPTED;
  }
}
