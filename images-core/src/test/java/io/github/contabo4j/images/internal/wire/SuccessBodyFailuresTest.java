package io.github.contabo4j.images.internal.wire;

import static io.github.contabo4j.images.internal.wire.Fixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 2xx answer whose body cannot be used is an {@link ImagesTransportException}: EMPTY_RESPONSE or
 * MALFORMED_RESPONSE, MAYBE_PROCESSED, never a half-parsed object.
 */
class SuccessBodyFailuresTest {
  private static final ImagesWire WIRE = Fixtures.wire();

  static Stream<Arguments> everyOperationWithABody() {
    return Stream.of(
        Arguments.of(WIRE.createCustomImage(CreateCustomImage.of("n", "https://e.com/a.iso", OsType.LINUX, "1"), ctx())),
        Arguments.of(WIRE.retrieveImageList(ImageListQuery.all(), ctx())),
        Arguments.of(WIRE.retrieveImage("img", ctx())),
        Arguments.of(WIRE.updateImage("img", ImageUpdate.rename("x"), ctx())),
        Arguments.of(WIRE.retrieveCustomImagesStats(ctx())),
        Arguments.of(WIRE.retrieveImageAuditsList(AuditQuery.all(), ctx())));
  }

  @ParameterizedTest
  @MethodSource("everyOperationWithABody")
  void emptyBodyIsEmptyResponse(WireRequest request) {
    ImagesTransportException e = decodeFailure(request, 200, "");

    assertThat(e.failure()).isEqualTo(Failure.EMPTY_RESPONSE);
    assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
    assertThat(e.operation()).isEqualTo(request.operation());
    assertThat(e.requestIds()).containsExactly(request.requestId());
  }

  @ParameterizedTest
  @MethodSource("everyOperationWithABody")
  void garbageIsMalformedResponse(WireRequest request) {
    ImagesTransportException e = decodeFailure(request, 200, "<html><body>Bad Gateway</body></html>");

    assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
    assertThat(e.getMessage()).contains(request.operation().operationId()).contains(request.requestId());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"data\":[{\"imageId\":\"a\",\"name\":\"tr",       // truncated
      "null",
      "[]",
      "42",
      "\"text\"",
      "{}",                                                // no data array
      "{\"data\":null}",
      "{\"data\":\"x\"}",
      "{\"data\":{\"imageId\":\"a\"}}",
      "{\"data\":[]}",                                     // a single image needs one element
      "{\"data\":[null]}",
      "{\"data\":[{\"name\":\"no id\"}]}",                 // imageId is what identifies the image
      "{\"data\":[{\"imageId\":\"a\",\"sizeMb\":\"big\"}]}",
      "{\"data\":[{\"imageId\":\"a\",\"creationDate\":\"yesterday\"}]}",
      "{\"data\":[{\"imageId\":\"a\",\"status\":{\"x\":1}}]}",
  })
  void singleImageBodiesThatAreNotTheDocumentedShapeAreMalformed(String body) {
    ImagesTransportException e = decodeFailure(WIRE.retrieveImage("a", ctx()), 200, body);

    assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"data\":[null]}",
      "{\"data\":[{\"imageId\":\"a\"}, null]}",
      "{\"data\":[{\"imageId\":\"a\"}, {\"name\":\"second has no id\"}]}",
      "{\"data\":[{\"imageId\":\"a\"}], \"_pagination\": 7}",
      "{\"data\":[{\"imageId\":\"a\"}], \"_links\": \"nope\"}",
  })
  void listBodiesWithABadPartAreMalformedAsAWhole(String body) {
    ImagesTransportException e = decodeFailure(WIRE.retrieveImageList(ImageListQuery.all(), ctx()), 200, body);

    assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
  }

  @Test
  void createWithAnEmptyDataArrayIsMalformedNotANullId() {
    ImagesTransportException e = decodeFailure(
        WIRE.createCustomImage(CreateCustomImage.of("n", "https://e.com/a.iso", OsType.LINUX, "1"), ctx()),
        201, "{\"data\":[],\"_links\":{\"self\":\"/v1/compute/images\"}}");

    assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    assertThat(e.operation()).isEqualTo(ImagesOperation.CREATE_CUSTOM_IMAGE);
  }

  @Test
  void malformedBodyExceptionCarriesItsFailureForAdaptersWithoutTheRequest() {
    MalformedBodyException empty = catchThrowableOfType(MalformedBodyException.class,
        () -> ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE, new byte[0]));
    MalformedBodyException garbage = catchThrowableOfType(MalformedBodyException.class,
        () -> ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE, Fixtures.utf8("{{{")));

    assertThat(empty.failure()).isEqualTo(Failure.EMPTY_RESPONSE);
    assertThat(garbage.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    assertThat(garbage.getCause()).isNotNull();
  }

  private static ImagesTransportException decodeFailure(WireRequest request, int status, String body) {
    ImagesTransportException e =
        catchThrowableOfType(ImagesTransportException.class, () -> WIRE.decode(request, response(status, body)));
    assertThat(e).as("decoding %s must fail with ImagesTransportException", body).isNotNull();
    return e;
  }

  private static CallContext ctx() {
    return CallContext.create();
  }
}
