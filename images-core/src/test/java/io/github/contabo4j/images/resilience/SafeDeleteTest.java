package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A retried delete that finds the image gone after an ambiguous attempt has succeeded. */
class SafeDeleteTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);
  private final ResilientImagesPort resilient = ResilientImagesPort.builder().delegate(port)
      .policy(ResiliencePolicy.builder().noRateLimit().build()).sleeper(time.sleeper()).clock(time)
      .random(new Random(5)).build();

  @ParameterizedTest(name = "{0} (maybe processed), then 404")
  @EnumSource(value = Failure.class, names = {"TIMEOUT", "CONNECTION_CLOSED", "EMPTY_RESPONSE", "MALFORMED_RESPONSE",
      "IO_ERROR"})
  void aRetriedDeleteAnswered404AfterAnAmbiguousAttemptSucceeds(Failure failure) {
    port.then(transport(failure, Delivery.MAYBE_PROCESSED), status(404));
    CallContext context = CallContext.create();

    assertThatCode(() -> resilient.deleteImage("img-1", context)).doesNotThrowAnyException();
    assertThat(port.attemptCount()).isEqualTo(2);
    assertThat(context.requestIds()).hasSize(2);
  }

  @ParameterizedTest(name = "HTTP {0}, then 404")
  @ValueSource(ints = {502, 503, 504})
  void aRetriedDeleteAnswered404AfterA5xxSucceeds(int statusCode) {
    port.then(status(statusCode), status(404));

    assertThatCode(() -> resilient.deleteImage("img-1")).doesNotThrowAnyException();
    assertThat(port.attemptCount()).isEqualTo(2);
  }

  @Test
  void theAmbiguityMayLieSeveralAttemptsBack() {
    port.then(transport(Failure.TIMEOUT, Delivery.MAYBE_PROCESSED), status(429), status(404));

    assertThatCode(() -> resilient.deleteImage("img-1")).doesNotThrowAnyException();
    assertThat(port.attemptCount()).isEqualTo(3);
  }

  @Test
  void a404OnTheFirstAttemptIsNotFound() {
    port.then(status(404));

    ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class, () -> resilient.deleteImage("img-1"));

    assertThat(e.requestIds()).hasSize(1);
    assertThat(port.attemptCount()).isEqualTo(1);
  }

  @Test
  void a404AfterOnlyUnambiguousFailuresIsNotFound() {
    port.then(transport(Failure.CONNECT_FAILED, Delivery.NOT_SENT), status(429), status(404));

    ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class, () -> resilient.deleteImage("img-1"));

    assertThat(e.requestIds()).hasSize(3);
    assertThat(port.attemptCount()).isEqualTo(3);
  }

  @Test
  void onlyDeleteTreatsTheImageBeingGoneAsSuccess() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED), status(404));

    assertThat(catchThrowableOfType(ImageNotFoundException.class, () -> resilient.retrieveImage("img-1"))).isNotNull();
    assertThat(port.attemptCount()).isEqualTo(2);
  }

  @Test
  void eachDeleteCallJudgesItsOwnAttempts() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED));
    resilient.deleteImage("img-1"); // retried, succeeds
    port.then(status(404));

    assertThat(catchThrowableOfType(ImageNotFoundException.class, () -> resilient.deleteImage("img-1"))).isNotNull();
  }
}
