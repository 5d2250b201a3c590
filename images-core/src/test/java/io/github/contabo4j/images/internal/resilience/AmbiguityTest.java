package io.github.contabo4j.images.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures leave open whether the service applied the request. */
class AmbiguityTest {

  @ParameterizedTest(name = "{0} {1}: ambiguous={2}")
  @CsvSource({
      "TIMEOUT, MAYBE_PROCESSED, true",
      "CONNECTION_CLOSED, MAYBE_PROCESSED, true",
      "EMPTY_RESPONSE, MAYBE_PROCESSED, true",
      "MALFORMED_RESPONSE, MAYBE_PROCESSED, true",
      "IO_ERROR, MAYBE_PROCESSED, true",
      "INTERRUPTED, MAYBE_PROCESSED, false",
      "CONNECT_FAILED, NOT_SENT, false",
      "TIMEOUT, NOT_SENT, false",
      "MALFORMED_RESPONSE, ANSWERED, false"})
  void transportFailures(Failure failure, Delivery delivery, boolean ambiguous) {
    ImagesTransportException e = new ImagesTransportException(ImagesOperation.CREATE_CUSTOM_IMAGE, failure, delivery,
        "x", null, List.of(), null);

    assertThat(RetryRules.ambiguous(e)).isEqualTo(ambiguous);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404, 409, 415, 422, 429, 500, 501, 502, 503, 504, 599, 600})
  void serviceAnswers(int status) {
    ImagesServiceException e = ImagesServiceException.forStatus(ImagesOperation.DELETE_IMAGE, status, "x", null,
        List.of(), null);

    assertThat(RetryRules.ambiguous(e)).isEqualTo(status >= 500 && status <= 599);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bad input", "bug"})
  void otherExceptionsAreNot(String kind) {
    RuntimeException e = kind.equals("bug") ? new IllegalStateException() : new InvalidRequestException("f", "r");

    assertThat(RetryRules.ambiguous(e)).isFalse();
  }
}
