package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.ServerErrorException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pins the order of the layers written down in {@link ResilientImagesPort}'s description:
 * reconciliation, the deadline, retry, the "not before" gate, the rate limiter, the delegate. (That
 * reconciliation sits outside the create's deadline is pinned by {@code
 * SafeCreateTest.theLookupIsNotCutShortByTheCreatesDeadline}.)
 */
class LayerOrderTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);

  private ResilientImagesPort resilient(ResiliencePolicy policy) {
    return ResilientImagesPort.builder().delegate(port).policy(policy).sleeper(time.sleeper()).clock(time)
        .random(new Random(1)).build();
  }

  private List<Instant> attemptTimes() {
    return port.attempts().stream().map(ScriptedPort.Attempt::at).toList();
  }

  @Test
  void retryIsOutsideTheLimiterSoEveryAttemptTakesAPermit() {
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder()
        .backoffBase(Duration.ZERO).backoffCap(Duration.ZERO).rateLimit(1, Duration.ofSeconds(1)).build());
    port.times(3, status(503));

    resilient.retrieveImage("img-1");

    // One permit per second: each retry waits for its own permit.
    assertThat(attemptTimes()).containsExactly(VirtualTime.START, VirtualTime.START.plusSeconds(1),
        VirtualTime.START.plusSeconds(2), VirtualTime.START.plusSeconds(3));
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void aCallsRetriesUsePermitsTheNextCallThenWaitsFor() {
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder()
        .backoffBase(Duration.ZERO).backoffCap(Duration.ZERO).rateLimit(1, Duration.ofSeconds(1)).build());
    port.times(2, status(502));

    resilient.retrieveImage("img-1"); // three attempts: seconds 0, 1, 2
    resilient.retrieveCustomImagesStats(); // had the limiter wrapped the whole call, this would start at 1 s

    assertThat(port.attempts().get(3).at()).isEqualTo(VirtualTime.START.plusSeconds(3));
  }

  @Test
  void theBackoffIsWaitedBeforeThePermitIsTaken() {
    // Backoff up to 300 ms, then the permit of the next period: the retry starts exactly at 1 s.
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder()
        .backoffBase(Duration.ofMillis(300)).backoffCap(Duration.ofMillis(300)).rateLimit(1, Duration.ofSeconds(1))
        .build());
    port.then(status(503));

    resilient.retrieveImage("img-1");

    assertThat(attemptTimes()).containsExactly(VirtualTime.START, VirtualTime.START.plusSeconds(1));
    Duration backoff = time.waits().get(0);
    assertThat(backoff).isBetween(Duration.ZERO, Duration.ofMillis(300));
    assertThat(time.waits()).containsExactly(backoff, Duration.ofSeconds(1).minus(backoff));
  }

  @Test
  void theNotBeforeGateIsInsideTheRetryAndTheRetryStillTakesAPermit() {
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder().rateLimit(1, Duration.ofSeconds(1)).build());
    port.then(status(429, Duration.ofMillis(2500)));

    resilient.retrieveImage("img-1");

    // gate: 2.5 s, then the permit of period 2 is free at 2.5 s, so no further wait.
    assertThat(time.waits()).containsExactly(Duration.ofMillis(2500));
    assertThat(port.attempts().get(1).at()).isEqualTo(VirtualTime.START.plusMillis(2500));
    resilient.retrieveImage("img-1"); // period 2's only permit is gone: waits for period 3
    assertThat(port.attempts().get(2).at()).isEqualTo(VirtualTime.START.plusSeconds(3));
  }

  @Test
  void theDeadlineIsOutsideTheRetrySoItBoundsAllAttemptsTogether() {
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder().maxAttempts(10)
        .callTimeout(Duration.ofSeconds(7)).build());
    port.times(10, status(503, Duration.ofSeconds(3)));

    assertThatThrownBy(() -> resilient.retrieveImage("img-1")).isInstanceOf(ServerErrorException.class);

    // Per attempt, a 7 s deadline would allow all 10 attempts; per call, only those starting by 6 s.
    assertThat(attemptTimes()).containsExactly(VirtualTime.START, VirtualTime.START.plusSeconds(3),
        VirtualTime.START.plusSeconds(6));
  }

  @Test
  void theDelegateIsInnermostSoEachAttemptDrawsItsOwnRequestId() {
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder().noRateLimit().build());
    port.times(2, status(504));

    resilient.retrieveImage("img-1");

    assertThat(port.attempts()).extracting(ScriptedPort.Attempt::requestId).hasSize(3).doesNotHaveDuplicates();
  }
}
