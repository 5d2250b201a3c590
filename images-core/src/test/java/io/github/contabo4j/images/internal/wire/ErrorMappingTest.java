package io.github.contabo4j.images.internal.wire;

import static io.github.contabo4j.images.internal.wire.Fixtures.REQUEST_ID;
import static io.github.contabo4j.images.internal.wire.Fixtures.TOKEN;
import static io.github.contabo4j.images.internal.wire.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.BadRequestException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ConflictException;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.UnsupportedImageFormatException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A non-2xx answer becomes the typed service exception for its status line, with the call's ids. */
class ErrorMappingTest {
  private final ImagesWire wire = Fixtures.wire();

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, ImageNotFoundException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(415, UnsupportedImageFormatException.class),
        Arguments.of(429, RateLimitedException.class),
        Arguments.of(500, ServerErrorException.class),
        Arguments.of(502, ServerErrorException.class),
        Arguments.of(503, ServerErrorException.class),
        Arguments.of(599, ServerErrorException.class),
        Arguments.of(302, ImagesServiceException.class),
        Arguments.of(405, ImagesServiceException.class),
        Arguments.of(418, ImagesServiceException.class),
        Arguments.of(422, ImagesServiceException.class),
        Arguments.of(600, ImagesServiceException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void eachStatusMapsToItsTypedException(int status, Class<? extends ImagesServiceException> type) {
    CallContext context = CallContext.create().withRequestId(REQUEST_ID).withTraceId("trace-1");
    WireRequest request = wire.retrieveImage("img-1", context);

    ImagesServiceException e = decodeError(request, new WireResponse(status, null, utf8("{\"statusCode\":" + status + ",\"message\":\"boom\"}")));

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.serviceMessage()).isEqualTo("boom");
    assertThat(e.delivery()).isEqualTo(Delivery.ANSWERED);
    assertThat(e.operation()).isEqualTo(ImagesOperation.RETRIEVE_IMAGE);
    assertThat(e.requestIds()).containsExactly(REQUEST_ID);
    assertThat(e.lastRequestId()).contains(REQUEST_ID);
    assertThat(e.traceId()).contains("trace-1");
    assertThat(e.getMessage())
        .isEqualTo("retrieveImage failed: HTTP " + status + ": boom [x-request-id=" + REQUEST_ID + "; x-trace-id=trace-1]");
  }

  @Test
  void statusComesFromTheStatusLineEvenWhenTheBodySaysOtherwise() {
    WireRequest request = wire.retrieveImage("img-1", CallContext.create());

    ImagesServiceException e = decodeError(request, new WireResponse(404, null, utf8("{\"statusCode\":200,\"message\":\"Not Found\"}")));

    assertThat(e).isInstanceOf(ImageNotFoundException.class);
    assertThat(e.statusCode()).isEqualTo(404);
  }

  @Test
  void everyRequestIdOfTheCallIsReportedInOrder() {
    CallContext context = CallContext.create().withRequestId(REQUEST_ID);
    wire.retrieveCustomImagesStats(context); // a first attempt, e.g. one that timed out
    WireRequest second = wire.retrieveCustomImagesStats(context);

    ImagesServiceException e = decodeError(second, new WireResponse(500, null, new byte[0]));

    assertThat(e.requestIds()).containsExactly(REQUEST_ID, second.requestId());
    assertThat(e.lastRequestId()).contains(second.requestId());
    assertThat(e.traceId()).isEmpty();
    assertThat(e.serviceMessage()).isEqualTo("HTTP 500 with an empty body");
  }

  @Test
  void rateLimitedCarriesRetryAfterInSeconds() {
    ImagesServiceException e = decodeError(statsRequest(), new WireResponse(429, "30", utf8("{\"message\":\"Too Many Requests\"}")));

    assertThat(e).isInstanceOf(RateLimitedException.class);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void rateLimitedCarriesRetryAfterAsHttpDate() {
    ImagesServiceException e = decodeError(statsRequest(), new WireResponse(429, "Wed, 01 May 2024 12:02:00 GMT", new byte[0]));

    assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
  }

  @Test
  void theServicesOwnRetryAfterIsKeptBesideTheCappedDelayApplied() {
    ImagesServiceException capped = decodeError(statsRequest(), new WireResponse(429, "99999999", new byte[0]));
    ImagesServiceException asctime = decodeError(statsRequest(), new WireResponse(503, "Wed May  1 12:02:00 2024", new byte[0]));
    ImagesServiceException garbage = decodeError(statsRequest(), new WireResponse(429, "later\u0007please", new byte[0]));

    assertThat(capped.retryAfter()).contains(RetryAfter.CAP);
    assertThat(capped.retryAfterHeader()).contains("99999999");
    assertThat(asctime.retryAfter()).contains(Duration.ofMinutes(2));
    assertThat(asctime.retryAfterHeader()).contains("Wed May  1 12:02:00 2024");
    assertThat(garbage.retryAfter()).isEmpty();
    assertThat(garbage.retryAfterHeader()).contains("later please");
    assertThat(decodeError(statsRequest(), new WireResponse(429, null, new byte[0])).retryAfterHeader()).isEmpty();
  }

  @Test
  void garbageOrMissingRetryAfterIsEmpty() {
    assertThat(decodeError(statsRequest(), new WireResponse(429, "later please", new byte[0])).retryAfter()).isEmpty();
    assertThat(decodeError(statsRequest(), new WireResponse(429, null, new byte[0])).retryAfter()).isEmpty();
  }

  @Test
  void serverErrorsKeepRetryAfterClientErrorsDoNot() {
    assertThat(decodeError(statsRequest(), new WireResponse(503, "5", new byte[0])).retryAfter()).contains(Duration.ofSeconds(5));
    assertThat(decodeError(statsRequest(), new WireResponse(400, "5", new byte[0])).retryAfter()).isEmpty();
  }

  @Test
  void messageArrayHtmlAndHugeBodiesAreDecodedShortly() {
    ImagesServiceException array = decodeError(statsRequest(), new WireResponse(400, null, utf8("{\"message\":[\"a\",\"b\"]}")));
    ImagesServiceException html = decodeError(statsRequest(), new WireResponse(502, null, utf8("<html><b>Bad Gateway</b></html>")));
    ImagesServiceException huge = decodeError(statsRequest(), new WireResponse(500, null, utf8("E".repeat(2_000_000))));

    assertThat(array.serviceMessage()).isEqualTo("a; b");
    assertThat(html.serviceMessage()).contains("non-JSON body").contains("<b>Bad Gateway</b>");
    assertThat(huge.getMessage()).hasSizeLessThan(400);
  }

  @Test
  void aBodyEchoingTheTokenNeverPutsItInTheException() {
    WireRequest request = statsRequest();

    ImagesServiceException e = decodeError(
        request, new WireResponse(401, null, utf8("{\"message\":\"token " + TOKEN + " expired\"}")));

    assertThat(e.getMessage()).doesNotContain(TOKEN).contains("token <redacted> expired");
    assertThat(e.toString()).doesNotContain(TOKEN);
  }

  @Test
  void errorForBuildsWithoutThrowing() {
    WireRequest request = statsRequest();

    ImagesServiceException e = wire.errorFor(request, 409, null, utf8("{\"message\":\"quota\"}"));

    assertThat(e).isInstanceOf(ConflictException.class);
    assertThat(e.operation()).isEqualTo(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS);
  }

  private WireRequest statsRequest() {
    return wire.retrieveCustomImagesStats(CallContext.create());
  }

  private ImagesServiceException decodeError(WireRequest request, WireResponse response) {
    ImagesServiceException e = catchThrowableOfType(ImagesServiceException.class, () -> wire.decode(request, response));
    assertThat(e).as("status %s must raise ImagesServiceException", response.statusCode()).isNotNull();
    return e;
  }
}
