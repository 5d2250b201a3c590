package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter, the throttle backoff, and Retry-After; all on virtual time. */
class BackoffAndRetryAfterTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);

  private ResilientImagesPort resilient(ResiliencePolicy policy, long seed) {
    return ResilientImagesPort.builder().delegate(port).policy(policy).sleeper(time.sleeper()).clock(time)
        .random(new Random(seed)).build();
  }

  private static ResiliencePolicy.Builder unlimited() {
    return ResiliencePolicy.builder().noRateLimit();
  }

  /** The waits full jitter must produce for a seed: uniform in [0, bound] at millisecond resolution. */
  private static List<Duration> expectedJitter(long seed, long... bounds) {
    Random random = new Random(seed);
    List<Duration> waits = new ArrayList<>();
    for (long bound : bounds) {
      waits.add(Duration.ofMillis(random.nextLong(bound + 1)));
    }
    return waits;
  }

  @Test
  void backoffIsFullJitterUnderAnExponentialBoundWithCap() {
    ResiliencePolicy policy = unlimited().maxAttempts(8).build(); // defaults: 200 ms x2, cap 5 s
    port.times(7, transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED));

    resilient(policy, 42).retrieveImage("img-1");

    long[] bounds = {200, 400, 800, 1600, 3200, 5000, 5000};
    List<Duration> waits = time.waits();
    assertThat(waits).hasSize(7);
    for (int i = 0; i < bounds.length; i++) {
      assertThat(waits.get(i)).isBetween(Duration.ZERO, Duration.ofMillis(bounds[i]));
    }
    assertThat(waits).isEqualTo(expectedJitter(42, bounds));
  }

  @Test
  void theSameSeedGivesTheSameWaits() {
    ResiliencePolicy policy = unlimited().maxAttempts(6).build();
    port.times(5, status(503));
    resilient(policy, 99).retrieveImageList(ImageListQuery.all());
    List<Duration> first = time.waits();

    VirtualTime again = new VirtualTime();
    ScriptedPort port2 = new ScriptedPort(again).times(5, status(503));
    ResilientImagesPort.builder().delegate(port2).policy(policy).sleeper(again.sleeper()).clock(again)
        .random(new Random(99)).build().retrieveImageList(ImageListQuery.all());

    assertThat(again.waits()).hasSize(5).isEqualTo(first);
  }

  @Test
  void customBaseMultiplierAndCapShapeTheBound() {
    ResiliencePolicy policy = unlimited().maxAttempts(5).backoffBase(Duration.ofMillis(100))
        .backoffMultiplier(3.0).backoffCap(Duration.ofMillis(1000)).build();
    port.times(4, status(502));

    resilient(policy, 5).updateImage("img-1", ImageUpdate.rename("n"));

    assertThat(time.waits()).isEqualTo(expectedJitter(5, 100, 300, 900, 1000));
  }

  @Test
  void retryAfterInSecondsIsWaitedExactly() {
    port.then(status(429, Duration.ofSeconds(7)));

    resilient(unlimited().build(), 1).retrieveImage("img-1");

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(7));
    assertThat(port.attempts().get(1).at()).isEqualTo(VirtualTime.START.plusSeconds(7));
  }

  @Test
  void retryAfterEqualToTheMaximumIsHonoured() {
    port.then(status(429, Duration.ofSeconds(60)));

    resilient(unlimited().build(), 1).retrieveCustomImagesStats();

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(60));
    assertThat(port.attemptCount()).isEqualTo(2);
  }

  @Test
  void retryAfterAboveTheMaximumFailsAtOnceExposingRetryAfter() {
    port.then(status(429, Duration.ofSeconds(61)));

    assertThatThrownBy(() -> resilient(unlimited().build(), 1).retrieveImage("img-1"))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(61)));
    assertThat(port.attemptCount()).isEqualTo(1);
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void maxRetryAfterIsASetting() {
    port.then(status(429, Duration.ofSeconds(6)));

    assertThatThrownBy(() -> resilient(unlimited().maxRetryAfter(Duration.ofSeconds(5)).build(), 1)
        .createCustomImage(CreateCustomImage.of("n", "https://example.com/a.iso",
            OsType.LINUX, "1")))
        .isInstanceOf(RateLimitedException.class);
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void missingOrUnparseableRetryAfterFallsBackToTheThrottleBackoff() {
    // A garbage header reaches the decorator as an absent retryAfter(): the transport parses it.
    ResiliencePolicy policy = unlimited().maxAttempts(8).build(); // throttle: 1 s x2, cap 30 s
    port.times(7, status(429));

    resilient(policy, 3).retrieveImage("img-1");

    assertThat(time.waits()).isEqualTo(expectedJitter(3, 1000, 2000, 4000, 8000, 16000, 30000, 30000));
  }

  @Test
  void throttleBaseAndCapAreSettings() {
    ResiliencePolicy policy = unlimited().throttleBackoffBase(Duration.ofSeconds(2))
        .throttleBackoffCap(Duration.ofSeconds(3)).build();
    port.times(3, status(429));

    resilient(policy, 11).retrieveImage("img-1");

    assertThat(time.waits()).isEqualTo(expectedJitter(11, 2000, 3000, 3000));
  }

  @Test
  void retryAfterOnARetried503IsHonoured() {
    port.then(status(503, Duration.ofSeconds(3)));

    resilient(unlimited().build(), 1).deleteImage("img-1");

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAboveTheMaximumOnA503FailsAtOnce() {
    port.then(status(503, Duration.ofMinutes(5)));

    assertThatThrownBy(() -> resilient(unlimited().build(), 1).retrieveImage("img-1"))
        .isInstanceOf(ServerErrorException.class);
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void zeroBackoffRetriesWithoutWaiting() {
    ResiliencePolicy policy = unlimited().backoffBase(Duration.ZERO).backoffCap(Duration.ZERO).build();
    port.times(3, status(504));

    ScriptedPort.invoke(resilient(policy, 1), ImagesOperation.RETRIEVE_IMAGE_LIST, CallContext.create());

    assertThat(port.attemptCount()).isEqualTo(4);
    assertThat(time.waits()).isEmpty();
  }
}
