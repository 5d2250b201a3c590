package io.github.contabo4j.images.transport.feign.internal;

import io.github.contabo4j.images.internal.transport.AttemptTicker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.concurrent.Cancellable;
import org.jspecify.annotations.Nullable;

/**
 * Ends an attempt that outlives its timeout, or whose calling thread is interrupted, by cancelling
 * its Apache request. Apache HttpClient's classic (blocking) API does neither by itself: its socket
 * timeout bounds each read, not the whole answer, so a body that trickles in a few bytes at a time
 * never times out; and a thread blocked in a socket read does not notice an interrupt.
 *
 * <p>One daemon thread per client ({@code contabo4j-images-feign-watchdog-N}, core's {@link
 * AttemptTicker}), shut down by {@link #close()}, checks every attempt in flight each tick (10 ms): it
 * cancels the request of an attempt past its timeout, or whose thread is interrupted (an interrupt has
 * no callback, so it is polled; it is noticed within that period). Starting and ending a watch wakes
 * no thread. Cancelling closes the connection, so the blocked read
 * fails at once; the thread's interrupt flag is left as it is.
 *
 * <p>The attempt and its request meet through the calling thread: {@link #watch} starts watching
 * the calling thread's attempt, and {@link Hc5FeignClient} hands the request it executes on
 * that thread to {@link #current()}. The watch spans the whole Feign call, body decoding included.
 *
 * <p>Not API. Thread-safe.
 */
public final class AttemptWatchdog implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final AttemptTicker ticker;
  private final ThreadLocal<Watch> current = new ThreadLocal<>();

  /** Starts the watchdog's thread. */
  public AttemptWatchdog() {
    ticker = new AttemptTicker("contabo4j-images-feign-watchdog-" + THREADS.incrementAndGet());
  }

  /** Why an attempt was cut. */
  enum Cut {
    /** It outlived its timeout. */
    TIMEOUT,
    /** Its thread was interrupted. */
    INTERRUPT
  }

  /**
   * Starts watching the calling thread's attempt; close the watch when the attempt is over.
   *
   * @param timeout how long the attempt may take, body included
   * @return the watch
   * @throws IllegalStateException if the watchdog is closed
   */
  Watch watch(Duration timeout) {
    Watch watch = new Watch(Thread.currentThread(), timeout);
    try {
      ticker.watch(watch);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("FeignImagesClient is closed", e);
    }
    current.set(watch);
    return watch;
  }

  /** The attempt the calling thread is making, or null outside one. */
  @Nullable Watch current() {
    return current.get();
  }

  /** Stops the watchdog's thread; attempts still in flight are no longer watched. */
  @Override
  public void close() {
    ticker.close();
  }

  @Override
  public String toString() {
    return "AttemptWatchdog{inFlight=" + ticker.inFlight() + (ticker.isClosed() ? ", closed" : "") + "}";
  }

  /** One attempt being watched. */
  final class Watch implements AutoCloseable, AttemptTicker.Watched {
    private final Thread thread;
    private final Duration timeout;
    private final long deadline;
    private final AtomicReference<@Nullable Cancellable> request = new AtomicReference<>();
    private volatile @Nullable Cut cut;

    private Watch(Thread thread, Duration timeout) {
      this.thread = thread;
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /** How long the attempt may take in all. */
    Duration timeout() {
      return timeout;
    }

    /**
     * The request this attempt executes; cancelled at once if the attempt was already cut.
     *
     * @param cancellable the request
     */
    void attach(Cancellable cancellable) {
      request.set(cancellable);
      if (cut != null) {
        cancellable.cancel();
      }
    }

    /**
     * Closes the attempt's connection by cancelling its request, without cutting the attempt: for a
     * body left unread, which must be neither drained nor pooled.
     */
    void discardConnection() {
      Cancellable cancellable = request.get();
      if (cancellable != null) {
        cancellable.cancel();
      }
    }

    /** Why the attempt was cut, or null if it was not. */
    @Nullable Cut cut() {
      return cut;
    }

    @Override
    public void check(long nowNanos) {
      if (cut != null) {
        return;
      }
      if (thread.isInterrupted()) {
        fire(Cut.INTERRUPT);
      } else if (nowNanos - deadline >= 0) {
        fire(Cut.TIMEOUT);
      }
    }

    private void fire(Cut why) {
      cut = why;
      Cancellable cancellable = request.get();
      if (cancellable != null) {
        cancellable.cancel();
      }
      stop();
    }

    private void stop() {
      ticker.unwatch(this);
    }

    /** Ends the watch: the attempt is over. */
    @Override
    public void close() {
      stop();
      current.remove();
    }
  }
}
