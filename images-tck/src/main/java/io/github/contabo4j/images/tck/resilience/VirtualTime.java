package io.github.contabo4j.images.tck.resilience;

import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Virtual time for one row of the matrix: a {@link MutableClock} and a {@link Sleeper} that records
 * every wait and never blocks for real.
 *
 * <p>On a thread outside {@link #together}, a wait advances the clock at once. Inside {@link
 * #together}, the callers are simulated as a discrete-event system: a waiting caller blocks until
 * the clock reaches its wake-up time, and the clock advances (to the earliest wake-up) only when
 * every caller is waiting or done. A caller doing I/O therefore holds virtual time still, so every
 * attempt sent at virtual time {@code t} reaches the server before any attempt sent later.
 *
 * <p>Like {@link Thread#sleep}, a wait on an interrupted thread throws {@link InterruptedException}
 * at once and clears the flag. {@link #interruptDuringNextWait()} makes the next wait end that way
 * part-way, as if another thread had interrupted it: the wait is recorded, the clock does not move.
 */
final class VirtualTime {
  /** Where every row's clock starts: a whole second, so HTTP-dates are exact. */
  static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

  private final MutableClock clock = MutableClock.at(START);
  private final Object lock = new Object();
  private final List<Duration> waits = new ArrayList<>(); // guarded by lock
  private final PriorityQueue<Instant> wakeUps = new PriorityQueue<>(); // guarded by lock
  private final Set<Thread> callers = new HashSet<>(); // guarded by lock
  private int running; // callers not yet done; guarded by lock
  private int waiting; // callers blocked in sleep; guarded by lock
  private boolean interruptNextWait; // guarded by lock

  MutableClock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return this::sleep;
  }

  /** Every wait so far, in the order the waits began. */
  List<Duration> waits() {
    synchronized (lock) {
      return List.copyOf(waits);
    }
  }

  /** Makes the next wait, on any thread, end with an {@link InterruptedException} as it begins. */
  void interruptDuringNextWait() {
    synchronized (lock) {
      interruptNextWait = true;
    }
  }

  /** Time since {@link #START}. */
  Duration elapsed() {
    return Duration.between(START, clock.instant());
  }

  private void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before the wait");
    }
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    synchronized (lock) {
      waits.add(duration);
      if (interruptNextWait) {
        interruptNextWait = false;
        throw new InterruptedException("interrupted during a wait of " + duration + " (virtual time)");
      }
      if (!callers.contains(Thread.currentThread())) {
        clock.advance(duration);
        return;
      }
      Instant wakeUp = clock.instant().plus(duration);
      wakeUps.add(wakeUp);
      waiting++;
      try {
        advanceIfAllWait();
        while (clock.instant().isBefore(wakeUp)) {
          lock.wait(); // not a real-time wait: released when virtual time reaches wakeUp
        }
      } finally {
        waiting--;
        wakeUps.remove(wakeUp);
      }
    }
  }

  private void advanceIfAllWait() {
    if (waiting == running && !wakeUps.isEmpty()) {
      Instant next = wakeUps.peek();
      if (next.isAfter(clock.instant())) {
        clock.set(next);
      }
      lock.notifyAll();
    }
  }

  /**
   * Runs callers concurrently on virtual time and returns what each returned or threw.
   *
   * @param tasks the callers
   * @param realTimeout the longest the whole run may take in real time
   * @return per caller, its result or its exception
   * @throws InterruptedException if interrupted while joining
   */
  List<Object> together(List<Callable<?>> tasks, Duration realTimeout) throws InterruptedException {
    Object[] outcomes = new Object[tasks.size()];
    List<Thread> threads = new ArrayList<>();
    synchronized (lock) {
      running += tasks.size();
    }
    for (int i = 0; i < tasks.size(); i++) {
      int index = i;
      Callable<?> task = tasks.get(i);
      Thread thread = new Thread(() -> {
        try {
          outcomes[index] = task.call();
        } catch (Exception | AssertionError e) {
          outcomes[index] = e;
        } finally {
          synchronized (lock) {
            callers.remove(Thread.currentThread());
            running--;
            advanceIfAllWait();
          }
        }
      }, "fault-matrix-caller-" + i);
      thread.setDaemon(true);
      synchronized (lock) {
        callers.add(thread);
      }
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    long deadline = System.nanoTime() + realTimeout.toNanos();
    for (Thread thread : threads) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (thread.isAlive()) {
        threads.forEach(Thread::interrupt);
        throw new AssertionError("callers still running after " + realTimeout + " of real time: " + thread.getName());
      }
    }
    synchronized (lock) {
      return java.util.Arrays.asList(outcomes.clone());
    }
  }
}
