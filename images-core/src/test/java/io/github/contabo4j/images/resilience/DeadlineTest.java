package io.github.contabo4j.images.resilience;

import io.github.contabo4j.images.internal.AttemptTimeouts;
import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The call deadline wins over every retry schedule and reaches the transport through the context. */
class DeadlineTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);

  private ResilientImagesPort resilient(ResiliencePolicy policy, Sleeper sleeper) {
    return ResilientImagesPort.builder().delegate(port).policy(policy).sleeper(sleeper).clock(time)
        .random(new Random(9)).build();
  }

  private ResilientImagesPort resilient(ResiliencePolicy policy) {
    return resilient(policy, time.sleeper());
  }

  private static ResiliencePolicy.Builder tenSeconds() {
    return ResiliencePolicy.builder().callTimeout(Duration.ofSeconds(10)).maxAttempts(10);
  }

  private List<Instant> attemptTimes() {
    return port.attempts().stream().map(ScriptedPort.Attempt::at).toList();
  }

  @Test
  void theDeadlineCutsALongRetryAfterScheduleShort() {
    port.times(10, status(503, Duration.ofSeconds(4)));

    ServerErrorException e = catchThrowableOfType(ServerErrorException.class,
        () -> resilient(tenSeconds().noRateLimit().build()).retrieveImage("img-1"));

    // Attempts at 0, 4 and 8 s; a third wait would end at 12 s, after the deadline, so it never starts.
    assertThat(attemptTimes()).containsExactly(VirtualTime.START, VirtualTime.START.plusSeconds(4),
        VirtualTime.START.plusSeconds(8));
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertThat(time.elapsed()).isLessThan(Duration.ofSeconds(10));
    assertThat(e.requestIds()).hasSize(3);
    assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(TimeoutException.class,
        t -> assertThat(t.getMessage()).contains("PT10S"));
  }

  @Test
  void theDeadlineCutsALongBackoffScheduleShortWithTheRateLimiterOn() {
    port.times(10, status(503));
    ResiliencePolicy policy = tenSeconds().backoffBase(Duration.ofSeconds(3)).backoffCap(Duration.ofSeconds(3))
        .backoffMultiplier(1.0).build();

    assertThat(catchThrowableOfType(ServerErrorException.class, () -> resilient(policy).retrieveImage("img-1")))
        .isNotNull();

    assertThat(port.attemptCount()).isBetween(2, 10);
    assertThat(time.waits().stream().reduce(Duration.ZERO, Duration::plus)).isLessThan(Duration.ofSeconds(10));
    assertThat(time.elapsed()).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aWaitThatWouldEndExactlyAtTheDeadlineIsNotStarted() {
    port.times(10, status(429, Duration.ofSeconds(5)));

    assertThat(catchThrowableOfType(RateLimitedException.class,
        () -> resilient(tenSeconds().noRateLimit().build()).retrieveImage("img-1"))).isNotNull();

    assertThat(attemptTimes()).containsExactly(VirtualTime.START, VirtualTime.START.plusSeconds(5));
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(5)); // a second 5 s wait would leave no time
  }

  @Test
  void aRetryAfterLongerThanTheTimeLeftFailsAtOnce() {
    port.then(status(429, Duration.ofSeconds(30)));

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
        () -> resilient(tenSeconds().build()).retrieveImage("img-1"));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(port.attemptCount()).isEqualTo(1);
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void theNotBeforeGateIsBoundedByTheDeadlineToo() {
    ResilientImagesPort resilient = resilient(tenSeconds().build());
    port.then(status(429, Duration.ofSeconds(30))); // raises the shared gate to 30 s
    assertThat(catchThrowableOfType(RateLimitedException.class, () -> resilient.retrieveImage("img-1"))).isNotNull();

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> resilient.retrieveCustomImagesStats());

    assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
    assertThat(e.delivery()).isEqualTo(Delivery.NOT_SENT);
    assertThat(e.requestIds()).isEmpty();
    assertThat(port.attemptCount()).isEqualTo(1);
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void aPermitBeyondTheDeadlineFailsAtOnceWithoutBeingReserved() {
    ResilientImagesPort resilient = resilient(tenSeconds().rateLimit(1, Duration.ofMinutes(1)).build());
    resilient.retrieveImage("img-1"); // takes this minute's only permit

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> resilient.retrieveImage("img-1"));

    assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
    assertThat(e.delivery()).isEqualTo(Delivery.NOT_SENT);
    assertThat(e.operation()).isEqualTo(ImagesOperation.RETRIEVE_IMAGE);
    assertThat(e.getMessage()).contains("call deadline (PT10S)", "first attempt");
    assertThat(time.waits()).isEmpty();
    time.advance(Duration.ofMinutes(1));
    resilient.retrieveImage("img-1"); // the failed call left the next minute's permit free
    assertThat(time.waits()).isEmpty();
    assertThat(port.attemptCount()).isEqualTo(2);
  }

  @Test
  void aSleeperThatOverslepsLeavesNoTimeAndNoAttemptIsStartedAfterTheDeadline() {
    port.then(status(429, Duration.ofSeconds(6)));
    Sleeper oversleeping = d -> time.advance(d.multipliedBy(2)); // 12 s instead of 6 s

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
        () -> resilient(tenSeconds().noRateLimit().build(), oversleeping).retrieveImage("img-1"));

    assertThat(port.attemptCount()).isEqualTo(1);
    assertThat(e.getSuppressed()).hasOnlyElementsOfType(TimeoutException.class);
  }

  @Test
  void eachAttemptIsToldTheSmallerOfTheAttemptTimeoutAndTheTimeLeft() {
    port.then(status(503, Duration.ofSeconds(20)), status(503, Duration.ofSeconds(20)));
    ResiliencePolicy policy = ResiliencePolicy.builder().noRateLimit().attemptTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(45)).build();
    CallContext context = CallContext.create();

    resilient(policy).retrieveImage("img-1", context);

    // at 0 s: 30 s; at 20 s: 25 s left; at 40 s: 5 s left
    assertThat(port.attempts()).extracting(ScriptedPort.Attempt::attemptTimeout)
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(25), Duration.ofSeconds(5));
    assertThat(AttemptTimeouts.of(context)).contains(Duration.ofSeconds(5));
  }

  @Test
  void aSlowAttemptCountsAgainstTheDeadline() {
    // The first attempt takes 25 s before timing out (the transport cut it at the attempt timeout).
    port.then((op, ids, trace) -> {
      time.advance(Duration.ofSeconds(25));
      return new ImagesTransportException(op, Failure.TIMEOUT, Delivery.MAYBE_PROCESSED, "slow", null, ids, trace);
    });
    ResiliencePolicy policy = ResiliencePolicy.builder().noRateLimit().backoffBase(Duration.ZERO)
        .backoffCap(Duration.ZERO).attemptTimeout(Duration.ofSeconds(25)).callTimeout(Duration.ofSeconds(30)).build();

    resilient(policy).retrieveImage("img-1");

    assertThat(port.attempts()).extracting(ScriptedPort.Attempt::attemptTimeout)
        .containsExactly(Duration.ofSeconds(25), Duration.ofSeconds(5));
  }

  @Test
  void aContextNobodyLimitedHasNoAttemptTimeout() {
    assertThat(AttemptTimeouts.of(CallContext.create())).isEmpty();
  }

  @Test
  void limitAttemptRejectsWhatIsNotPositive() {
    CallContext context = CallContext.create();

    assertThatThrownBy(() -> AttemptTimeouts.limit(context, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("timeout == null");
    assertThatThrownBy(() -> AttemptTimeouts.limit(context, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive");
    assertThatThrownBy(() -> AttemptTimeouts.limit(context, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(AttemptTimeouts.of(context)).isEmpty();
  }
}
