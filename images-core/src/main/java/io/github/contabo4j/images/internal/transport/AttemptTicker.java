package io.github.contabo4j.images.internal.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The one daemon thread of a transport client that watches its attempts in flight: every {@link
 * #TICK} it calls {@link Watched#check} on each, which cuts an attempt past its deadline (or, for a
 * blocking transport, one whose thread was interrupted). Both transports' per-attempt deadlines run
 * on it: the JDK transport's body deadline and the Feign transport's watchdog.
 *
 * <p><b>Why a ticker and not a {@code ScheduledThreadPoolExecutor}.</b> Arming a timer on a
 * scheduled executor for each attempt and cancelling it afterwards signals the executor's thread
 * whenever the new timer becomes the head of its queue, which for a caller making one call after
 * another is every call: one more thread hand-off (two context switches) per call, measured in
 * {@code docs/PERFORMANCE.md} ("ctxsw.per.op"), and one contended queue lock shared by every calling
 * thread. Here {@link #watch} and {@link #unwatch} only add to and remove from a concurrent set;
 * neither wakes the thread while it is ticking.
 *
 * <p><b>Precision.</b> A deadline is noticed within one tick (10 ms) after it passes; the attempt
 * timeouts this bounds are seconds long.
 *
 * <p><b>Idle.</b> While attempts are in flight the thread wakes once a tick, however many calls are
 * made. Once none has been in flight for {@link #LINGER}, it parks until the next {@link #watch},
 * which unparks it: an idle client costs no CPU, and a steady caller never wakes it.
 *
 * <p>Not API. Thread-safe.
 */
public final class AttemptTicker implements AutoCloseable {
  /** How often attempts in flight are checked. */
  public static final Duration TICK = Duration.ofMillis(10);

  /** How long the thread keeps ticking after the last attempt left, before it parks. */
  public static final Duration LINGER = Duration.ofSeconds(1);

  /** One attempt in flight, as the ticker sees it. */
  public interface Watched {
    /**
     * Checks the attempt; cuts it if it is past its deadline. Called on the ticker's thread, so it
     * must not block; an exception it throws is dropped and the others are still checked.
     *
     * @param nowNanos {@link System#nanoTime()} at this tick
     */
    void check(long nowNanos);
  }

  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final long tickNanos;
  private final long lingerNanos;
  private final Thread thread;
  private final AtomicLong unparks = new AtomicLong();
  private final AtomicInteger ticks = new AtomicInteger();
  private volatile boolean parked;
  private volatile boolean closed;

  /**
   * Starts the ticker's daemon thread, parked until the first {@link #watch}.
   *
   * @param threadName the thread's name
   */
  public AttemptTicker(String threadName) {
    this(threadName, TICK, LINGER);
  }

  AttemptTicker(String threadName, Duration tick, Duration linger) {
    Objects.requireNonNull(threadName, "threadName == null");
    this.tickNanos = tick.toNanos();
    this.lingerNanos = linger.toNanos();
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts checking an attempt at every tick, until {@link #unwatch}.
   *
   * @param attempt the attempt
   * @throws IllegalStateException if the ticker is closed
   */
  public void watch(Watched attempt) {
    if (closed) {
      throw new IllegalStateException("the client is closed");
    }
    watched.add(attempt);
    if (parked) {
      unparks.incrementAndGet();
      LockSupport.unpark(thread);
    }
    if (closed) { // close() raced this call: nothing would check the attempt
      watched.remove(attempt);
      throw new IllegalStateException("the client is closed");
    }
  }

  /**
   * Stops checking an attempt. A check already running on the ticker's thread may still complete.
   *
   * @param attempt the attempt; nothing happens if it is not watched
   */
  public void unwatch(Watched attempt) {
    watched.remove(attempt);
  }

  /** How many attempts are being watched. */
  public int inFlight() {
    return watched.size();
  }

  /** Stops the thread; attempts still in flight are no longer checked. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "AttemptTicker{inFlight=" + watched.size() + (closed ? ", closed" : "") + "}";
  }

  /** The thread, for tests. */
  Thread thread() {
    return thread;
  }

  /** How often {@link #watch} had to unpark the thread, for tests. */
  long unparks() {
    return unparks.get();
  }

  /** How many ticks have checked attempts, for tests. */
  int ticks() {
    return ticks.get();
  }

  private void run() {
    boolean idle = true;
    long idleSince = System.nanoTime() - lingerNanos; // parked until the first attempt
    while (!closed) {
      if (watched.isEmpty()) {
        long now = System.nanoTime();
        if (!idle) {
          idle = true;
          idleSince = now;
        }
        if (now - idleSince >= lingerNanos) {
          parked = true;
          if (watched.isEmpty() && !closed) { // re-read after publishing `parked`: no lost unpark
            LockSupport.park(this);
          }
          parked = false;
          idle = false;
          continue;
        }
      } else {
        idle = false;
      }
      LockSupport.parkNanos(this, tickNanos);
      long now = System.nanoTime();
      ticks.incrementAndGet();
      for (Watched attempt : watched) {
        try {
          attempt.check(now);
        } catch (RuntimeException e) {
          // one attempt's failure must not stop the others' deadlines
        }
      }
    }
    watched.clear();
  }
}
