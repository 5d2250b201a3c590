package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.BadRequestException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ConflictException;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.UnsupportedImageFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retry table, row by row, for every operation: request counts and the exception thrown.
 * Reconciliation is off here, so an ambiguous create's failure arrives as the delegate threw it; what
 * follows such a create by default is {@code SafeCreateTest}'s subject.
 */
class RetryClassificationTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);
  private final ResilientImagesPort resilient = ResilientImagesPort.builder()
      .delegate(port)
      .policy(ResiliencePolicy.builder().noRateLimit().reconcileAttempts(0).build())
      .sleeper(time.sleeper())
      .clock(time)
      .random(new Random(7))
      .build();

  private static Stream<Arguments> statusRows() {
    List<Arguments> rows = new ArrayList<>();
    for (ImagesOperation op : ImagesOperation.values()) {
      rows.add(Arguments.of(op, 500, op.readOnly()));
      for (int status : new int[] {502, 503, 504}) {
        rows.add(Arguments.of(op, status, !op.createsResources()));
      }
      for (int status : new int[] {400, 401, 403, 404, 409, 415, 422, 501}) {
        rows.add(Arguments.of(op, status, false));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} answered {1}: retried={2}")
  @MethodSource("statusRows")
  void statusRow(ImagesOperation op, int status, boolean retried) {
    port.then(status(status));

    if (retried) {
      assertThat(ScriptedPort.invoke(resilient, op, CallContext.create())).isEqualTo(ScriptedPort.expected(op));
      assertThat(port.attemptCount()).isEqualTo(2);
    } else {
      assertThatThrownBy(() -> ScriptedPort.invoke(resilient, op, CallContext.create()))
          .isInstanceOf(ImagesServiceException.class)
          .satisfies(e -> assertThat(((ImagesServiceException) e).statusCode()).isEqualTo(status));
      assertThat(port.attemptCount()).isEqualTo(1);
      assertThat(time.waits()).isEmpty();
    }
  }

  @Test
  void typedClientErrorsReachTheCallerUnchanged() {
    port.then(status(400), status(401), status(403), status(404), status(409), status(415));
    List<Class<?>> types = List.of(BadRequestException.class, AuthenticationException.class,
        PermissionDeniedException.class, ImageNotFoundException.class, ConflictException.class,
        UnsupportedImageFormatException.class);
    for (Class<?> type : types) {
      assertThatThrownBy(() -> resilient.retrieveImage("img-1")).isInstanceOf(type);
    }
    assertThat(port.attemptCount()).isEqualTo(6);
  }

  @ParameterizedTest
  @EnumSource(ImagesOperation.class)
  void rateLimitedIsRetriedForEveryOperationCreateIncluded(ImagesOperation op) {
    port.then(status(429), status(429));

    assertThat(ScriptedPort.invoke(resilient, op, CallContext.create())).isEqualTo(ScriptedPort.expected(op));
    assertThat(port.attemptCount()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(ImagesOperation.class)
  void nothingSentIsRetriedForEveryOperationCreateIncluded(ImagesOperation op) {
    port.then(transport(Failure.CONNECT_FAILED, Delivery.NOT_SENT), transport(Failure.TIMEOUT, Delivery.NOT_SENT));

    assertThat(ScriptedPort.invoke(resilient, op, CallContext.create())).isEqualTo(ScriptedPort.expected(op));
    assertThat(port.attemptCount()).isEqualTo(3);
  }

  private static Stream<Arguments> maybeProcessedRows() {
    List<Arguments> rows = new ArrayList<>();
    for (ImagesOperation op : ImagesOperation.values()) {
      for (Failure f : List.of(Failure.TIMEOUT, Failure.CONNECTION_CLOSED, Failure.EMPTY_RESPONSE,
          Failure.MALFORMED_RESPONSE, Failure.IO_ERROR)) {
        rows.add(Arguments.of(op, f, !op.createsResources()));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} failed {1} (maybe processed): retried={2}")
  @MethodSource("maybeProcessedRows")
  void maybeProcessedIsRetriedExceptForCreate(ImagesOperation op, Failure failure, boolean retried) {
    port.then(transport(failure, Delivery.MAYBE_PROCESSED));

    if (retried) {
      assertThat(ScriptedPort.invoke(resilient, op, CallContext.create())).isEqualTo(ScriptedPort.expected(op));
      assertThat(port.attemptCount()).isEqualTo(2);
    } else {
      assertThatThrownBy(() -> ScriptedPort.invoke(resilient, op, CallContext.create()))
          .isInstanceOfSatisfying(ImagesTransportException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
          });
      assertThat(port.attemptCount()).isEqualTo(1);
    }
  }

  @Test
  void createIsNeverResentAfterMaybeProcessedOr5xxButIsAfterNotSentAnd429() {
    port.then(transport(Failure.CONNECT_FAILED, Delivery.NOT_SENT), status(429), status(503));

    assertThatThrownBy(() -> ScriptedPort.invoke(resilient, ImagesOperation.CREATE_CUSTOM_IMAGE, CallContext.create()))
        .isInstanceOf(ServerErrorException.class);
    assertThat(port.attempts()).extracting(ScriptedPort.Attempt::operation)
        .containsExactly(ImagesOperation.CREATE_CUSTOM_IMAGE, ImagesOperation.CREATE_CUSTOM_IMAGE,
            ImagesOperation.CREATE_CUSTOM_IMAGE);
  }

  @Test
  void interruptedAttemptIsNotRetried() {
    port.then(transport(Failure.INTERRUPTED, Delivery.MAYBE_PROCESSED));

    assertThatThrownBy(() -> resilient.retrieveImage("img-1"))
        .isInstanceOfSatisfying(ImagesTransportException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED));
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void badInputFromTheDelegateIsNotRetried() {
    port.then((op, ids, trace) -> new InvalidRequestException("name", "must not be blank"));

    assertThatThrownBy(() -> resilient.retrieveImage("img-1")).isInstanceOf(InvalidRequestException.class);
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void badImageIdIsRejectedBeforeAnyAttemptOrPermit() {
    assertThatThrownBy(() -> resilient.deleteImage("../x"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("imageId"));
    assertThat(port.attemptCount()).isZero();
  }

  @Test
  void otherRuntimeExceptionsAreNotRetried() {
    port.then((op, ids, trace) -> new IllegalStateException("bug"));

    assertThatThrownBy(() -> resilient.retrieveCustomImagesStats()).isInstanceOf(IllegalStateException.class);
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void whenAttemptsRunOutTheLastExceptionIsThrownUnchanged() {
    port.times(4, status(503));

    assertThatThrownBy(() -> resilient.retrieveImage("img-1"))
        .isInstanceOfSatisfying(ServerErrorException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.requestIds()).hasSize(4);
        });
    assertThat(port.attemptCount()).isEqualTo(4);
    assertThat(time.waits()).hasSize(3);
  }

  @Test
  void policyNoneMakesOneAttempt() {
    ResilientImagesPort raw = ResilientImagesPort.builder().delegate(port).policy(ResiliencePolicy.none())
        .sleeper(time.sleeper()).clock(time).build();
    port.then(status(429), status(503));

    assertThatThrownBy(() -> raw.retrieveImage("img-1")).isInstanceOf(RateLimitedException.class);
    assertThat(port.attemptCount()).isEqualTo(1);
    assertThat(time.waits()).isEmpty();
  }
}
