package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shared limiter and the 429 "not before" time, on virtual time. */
class RateLimitTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);
  private volatile Thread firstThread;
  private final CountDownLatch firstWaiting = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);
  private final List<Duration> secondWaits = new ArrayList<>();

  private ResilientImagesPort resilient(ResiliencePolicy policy, Sleeper sleeper) {
    return ResilientImagesPort.builder().delegate(port).policy(policy).sleeper(sleeper).clock(time)
        .random(new Random(1)).build();
  }

  private static ResiliencePolicy.Builder noBackoff() {
    return ResiliencePolicy.builder().backoffBase(Duration.ZERO).backoffCap(Duration.ZERO);
  }

  /** Attempts per whole period since the start of virtual time (the limiter's periods start there). */
  private Map<Long, Long> attemptsPerPeriod(Duration period) {
    return port.attempts().stream().collect(Collectors.groupingBy(
        a -> Duration.between(VirtualTime.START, a.at()).toNanos() / period.toNanos(), TreeMap::new,
        Collectors.counting()));
  }

  @Test
  void attemptsPerPeriodNeverExceedThePermitsRetriesIncluded() {
    ResilientImagesPort resilient = resilient(noBackoff().rateLimit(5, Duration.ofSeconds(1)).build(), time.sleeper());
    port.times(6, status(503)); // call 1: four 503s; call 2: two 503s, then success

    assertThatThrownBy(() -> resilient.retrieveImage("img-1")).isInstanceOf(ServerErrorException.class);
    for (int i = 0; i < 11; i++) {
      resilient.retrieveImage("img-1");
    }

    assertThat(port.attemptCount()).isEqualTo(17);
    assertThat(attemptsPerPeriod(Duration.ofSeconds(1))).containsExactly(
        Map.entry(0L, 5L), Map.entry(1L, 5L), Map.entry(2L, 5L), Map.entry(3L, 2L));
  }

  @Test
  void sixteenConcurrentCallersGetAtMostThePermitsPerPeriod() throws Exception {
    // The clock stands still; each caller's own waits place its attempt on the virtual time line.
    Map<Thread, Duration> waited = new ConcurrentHashMap<>();
    Sleeper perThread = d -> waited.merge(Thread.currentThread(), d, Duration::plus);
    ResilientImagesPort resilient = resilient(noBackoff().rateLimit(4, Duration.ofSeconds(1)).build(), perThread);
    CyclicBarrier start = new CyclicBarrier(16);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Duration>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> {
          start.await(5, TimeUnit.SECONDS);
          resilient.retrieveImage("img-1");
          return waited.getOrDefault(Thread.currentThread(), Duration.ZERO);
        }));
      }
      List<Duration> startTimes = new ArrayList<>();
      for (Future<Duration> f : futures) {
        startTimes.add(f.get(10, TimeUnit.SECONDS));
      }

      Map<Long, Long> perPeriod = startTimes.stream().collect(
          Collectors.groupingBy(Duration::toSeconds, TreeMap::new, Collectors.counting()));
      assertThat(perPeriod).containsExactly(
          Map.entry(0L, 4L), Map.entry(1L, 4L), Map.entry(2L, 4L), Map.entry(3L, 4L));
      assertThat(startTimes).allSatisfy(d -> assertThat(d.toNanos() % 1_000_000_000L).isZero());
      assertThat(port.attemptCount()).isEqualTo(16);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a429MakesAConcurrentCallerWaitUntilTheNotBeforeTime() throws Exception {
    ResilientImagesPort resilient = resilient(ResiliencePolicy.defaults(), sleeperFor429Test());
    port.then(status(429, Duration.ofSeconds(10)));

    Thread first = new Thread(() -> resilient.retrieveImage("img-1"), "first");
    firstThread = first;
    first.start();
    assertThat(firstWaiting.await(5, TimeUnit.SECONDS)).isTrue();

    resilient.retrieveImageList(ImageListQuery.all()); // the second caller, on this thread

    assertThat(secondWaits).containsExactly(Duration.ofSeconds(10));
    assertThat(port.attempts().get(1).at()).isEqualTo(VirtualTime.START.plusSeconds(10));
    releaseFirst.countDown();
    first.join(5_000);
    assertThat(first.isAlive()).isFalse();
    assertThat(port.attemptCount()).isEqualTo(3);
    assertThat(port.attempts().get(2).at()).isAfterOrEqualTo(VirtualTime.START.plusSeconds(10));
  }

  /** The first caller blocks in its wait (virtual time stands still); everyone else advances the clock. */
  private Sleeper sleeperFor429Test() {
    return d -> {
      if (Thread.currentThread() == firstThread) {
        firstWaiting.countDown();
        releaseFirst.await();
      } else {
        synchronized (secondWaits) {
          secondWaits.add(d);
        }
        time.advance(d);
      }
    };
  }

  @Test
  void aRetryAfterAboveTheMaximumDoesNotHoldOffOtherCallers() {
    ResilientImagesPort resilient = resilient(ResiliencePolicy.defaults(), time.sleeper());
    port.then(status(429, Duration.ofMinutes(2)));

    assertThatThrownBy(() -> resilient.retrieveImage("img-1")).isInstanceOf(RateLimitedException.class);
    resilient.retrieveImage("img-1");

    assertThat(time.waits()).isEmpty();
    assertThat(port.attempts().get(1).at()).isEqualTo(VirtualTime.START);
  }

  @Test
  void withoutARateLimitNothingWaitsForPermits() {
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder().noRateLimit().build(), time.sleeper());

    for (int i = 0; i < 50; i++) {
      resilient.retrieveCustomImagesStats();
    }

    assertThat(time.waits()).isEmpty();
    assertThat(port.attemptCount()).isEqualTo(50);
  }
}
