package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.OutcomeUnknownException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.Sleeper;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An interrupt while waiting (backoff, Retry-After, a permit, between audit lookups) ends the call at
 * once, keeps the flag, and sends nothing more.
 */
class InterruptTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);

  @AfterEach
  void clearFlag() {
    Thread.interrupted();
  }

  private ResilientImagesPort resilient(ResiliencePolicy policy, Sleeper sleeper) {
    return ResilientImagesPort.builder().delegate(port).policy(policy).sleeper(sleeper).clock(time)
        .random(new Random(1)).build();
  }

  /** Like Thread.sleep on interrupt: throws and clears the flag. */
  private static Sleeper interruptedSleeper() {
    return d -> {
      throw new InterruptedException("sleep interrupted");
    };
  }

  @Test
  void interruptDuringBackoffReturnsAtOnceKeepingTheFlagAndSendsNoMore() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED));

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> resilient(ResiliencePolicy.builder().noRateLimit().build(), interruptedSleeper()).retrieveImage("img-1"));

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED);
    assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
    assertThat(e.operation()).isEqualTo(ImagesOperation.RETRIEVE_IMAGE);
    assertThat(e.getCause()).isInstanceOfSatisfying(ImagesTransportException.class,
        c -> assertThat(c.failure()).isEqualTo(Failure.CONNECTION_CLOSED));
    assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class);
    assertThat(e.requestIds()).hasSize(1).isEqualTo(port.attempts().stream().map(ScriptedPort.Attempt::requestId).toList());
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void interruptWhileWaitingOutRetryAfterOnACreateReportsNothingProcessedSoFar() {
    port.then(transport(Failure.CONNECT_FAILED, Delivery.NOT_SENT));

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> ScriptedPort.invoke(resilient(ResiliencePolicy.defaults(), interruptedSleeper()),
            ImagesOperation.CREATE_CUSTOM_IMAGE, CallContext.create()));

    assertThat(e.delivery()).isEqualTo(Delivery.NOT_SENT);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void interruptWhileWaitingForAPermitSendsNothing() {
    ResiliencePolicy policy = ResiliencePolicy.builder().rateLimit(1, Duration.ofSeconds(1)).build();
    ResilientImagesPort resilient = resilient(policy, interruptedSleeper());
    resilient.retrieveImage("img-1"); // takes the only permit of this period, no wait

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class, () -> resilient.retrieveImage("img-1"));

    assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED);
    assertThat(e.delivery()).isEqualTo(Delivery.NOT_SENT);
    assertThat(e.requestIds()).isEmpty();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void anInterruptedThreadSendsNothing() {
    Thread.currentThread().interrupt();

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> resilient(ResiliencePolicy.defaults(), time.sleeper()).retrieveImage("img-1"));

    assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(port.attemptCount()).isZero();
  }

  @Test
  void withTheRealSleeperAnInterruptDuringAnHourLongBackoffReturnsPromptly() {
    ResiliencePolicy policy = ResiliencePolicy.builder().noRateLimit()
        .backoffBase(Duration.ofHours(1)).backoffCap(Duration.ofHours(1)).build();
    port.then((op, ids, trace) -> {
      Thread.currentThread().interrupt(); // arrives while the first attempt is failing
      return ServerErrorException.forStatus(op, 503, "busy", null, ids, trace);
    });
    // seed 1 draws a wait of many minutes from [0, 1 h]; the real sleeper must not serve it
    long start = System.nanoTime();

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> resilient(policy, Sleeper.system()).retrieveImage("img-1"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED);
    assertThat(e.getCause()).isInstanceOf(ServerErrorException.class);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void aRetryAfterWaitOnAnotherThreadEndsWhenThatThreadIsInterrupted() throws Exception {
    ResiliencePolicy policy = ResiliencePolicy.builder().noRateLimit().build();
    port.then(status(429, Duration.ofSeconds(30)));
    CountDownLatch sleeping = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Sleeper sleeper = d -> { // blocks like a long sleep, until interrupted; no real time involved
      sleeping.countDown();
      never.await();
    };
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        resilient(policy, sleeper).retrieveImage("img-1");
      } catch (RuntimeException e) {
        thrown.set(e);
        flagKept.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    assertThat(sleeping.await(5, TimeUnit.SECONDS)).isTrue();

    caller.interrupt();
    caller.join(5_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOfSatisfying(ImagesTransportException.class,
        e -> assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED));
    assertThat(flagKept).isTrue();
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  private static final CreateCustomImage REQUEST =
      CreateCustomImage.of("img", "https://example.com/a.qcow2", OsType.LINUX, "1");

  /** Waits the first {@code n} times, then behaves as an interrupted sleep. */
  private Sleeper interruptedAfter(int n) {
    AtomicInteger calls = new AtomicInteger();
    Sleeper recording = time.sleeper();
    return d -> {
      if (calls.incrementAndGet() > n) {
        throw new InterruptedException("sleep interrupted");
      }
      recording.sleep(d);
    };
  }

  private void assertInterruptedReconciliation(OutcomeUnknownException e) {
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(e.getCause()).isInstanceOfSatisfying(ImagesTransportException.class, c -> {
      assertThat(c.failure()).isEqualTo(Failure.INTERRUPTED);
      assertThat(c.operation()).isEqualTo(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST);
    });
    assertThat(e.requestIds()).hasSize(1);
    assertThat(port.attempts(ImagesOperation.CREATE_CUSTOM_IMAGE)).hasSize(1);
  }

  @Test
  void interruptWhileWaitingBetweenAuditLookupsEndsTheReconciliationWithNoFurtherLookup() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED)); // the first lookup finds nothing

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient(ResiliencePolicy.builder().noRateLimit().build(), interruptedSleeper())
            .createCustomImage(REQUEST, CallContext.create()));

    assertInterruptedReconciliation(e);
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST)).hasSize(1);
  }

  @Test
  void interruptWhileALookupWaitsForItsPermitSendsNoLookup() {
    // One permit per second: the POST takes it, the lookup must wait for the next one.
    port.then(transport(Failure.TIMEOUT, Delivery.MAYBE_PROCESSED));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient(ResiliencePolicy.builder().rateLimit(1, Duration.ofSeconds(1)).build(), interruptedSleeper())
            .createCustomImage(REQUEST, CallContext.create()));

    assertInterruptedReconciliation(e);
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST)).isEmpty();
  }

  @Test
  void interruptInTheSecondRoundStopsAfterTheLookupsAlreadyMade() {
    port.then(transport(Failure.TIMEOUT, Delivery.MAYBE_PROCESSED));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient(ResiliencePolicy.builder().noRateLimit().build(), interruptedAfter(1))
            .createCustomImage(REQUEST, CallContext.create()));

    assertInterruptedReconciliation(e);
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST)).hasSize(2);
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void anInterruptDuringALookupRequestEndsTheReconciliation() {
    port.then(transport(Failure.TIMEOUT, Delivery.MAYBE_PROCESSED), (op, ids, trace) -> {
      Thread.currentThread().interrupt(); // as a transport does when its request is interrupted
      return new ImagesTransportException(op, Failure.INTERRUPTED, Delivery.MAYBE_PROCESSED, "interrupted", null, ids,
          trace);
    });

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient(ResiliencePolicy.defaults(), time.sleeper()).createCustomImage(REQUEST, CallContext.create()));

    assertInterruptedReconciliation(e);
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST)).hasSize(1);
    assertThat(time.waits()).isEmpty();
  }
}
