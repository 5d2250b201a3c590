package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.internal.AttemptTimeouts;
import static io.github.contabo4j.images.internal.wire.Fixtures.REQUEST_ID;
import static io.github.contabo4j.images.internal.wire.Fixtures.TOKEN;
import static io.github.contabo4j.images.internal.wire.Fixtures.USER_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.internal.Checks;
import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Request encoding for every operation: method, path, query and headers. */
class ImagesWireRequestTest {
  private final ImagesWire wire = Fixtures.wire();

  @Test
  void createIsAPostToTheCollectionWithAJsonBody() {
    WireRequest request = wire.createCustomImage(
        CreateCustomImage.of("n", "https://e.com/a.iso", OsType.LINUX, "1"), CallContext.create().withRequestId(REQUEST_ID));

    assertThat(request.operation()).isEqualTo(ImagesOperation.CREATE_CUSTOM_IMAGE);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/compute/images");
    assertThat(request.query()).isEmpty();
    assertThat(request.headers()).containsExactly(
        entry("Authorization", "Bearer " + TOKEN),
        entry("x-request-id", REQUEST_ID),
        entry("Accept", "application/json"),
        entry("Content-Type", "application/json"),
        entry("User-Agent", USER_AGENT));
    assertThat(request.requestId()).isEqualTo(REQUEST_ID);
    assertThat(request.traceId()).isNull();
  }

  @Test
  void listIsAGetWithoutBodyOrContentType() {
    WireRequest request = wire.retrieveImageList(ImageListQuery.all(), CallContext.create());

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/compute/images");
    assertThat(request.query()).isEmpty();
    assertThat(request.body()).isNull();
    assertThat(request.headers()).doesNotContainKey("Content-Type").containsKeys("Accept", "User-Agent", "Authorization");
    assertThat(request.uri("https://api.contabo.com/")).isEqualTo(URI.create("https://api.contabo.com/v1/compute/images"));
  }

  @Test
  void listQueryEncodesEveryParameterRepeatsOrderByAndEscapesSpecialCharacters() {
    ImageListQuery query = ImageListQuery.builder()
        .page(2)
        .size(25)
        .orderBy(SortOrder.asc("name"), SortOrder.parse("creationDate:DESC"))
        .name("a&b#c d")
        .standardImage(false)
        .search("windows or Debian+ü")
        .build();

    WireRequest request = wire.retrieveImageList(query, CallContext.create());

    assertThat(request.query()).isEqualTo(
        "page=2&size=25&orderBy=name%3Aasc&orderBy=creationDate%3Adesc&name=a%26b%23c%20d"
            + "&standardImage=false&search=windows%20or%20Debian%2B%C3%BC");
    assertThat(request.uri("http://127.0.0.1:8080/prefix").toString())
        .isEqualTo("http://127.0.0.1:8080/prefix/v1/compute/images?" + request.query());
    assertThat(request.toString()).contains("GET /v1/compute/images?page=2").doesNotContain(TOKEN);
  }

  @Test
  void retrieveUpdateAndDeleteAddressOneImage() {
    WireRequest get = wire.retrieveImage("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", CallContext.create());
    WireRequest patch = wire.updateImage("img_1.v~2", ImageUpdate.rename("x"), CallContext.create());
    WireRequest delete = wire.deleteImage("img-1", CallContext.create());

    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/v1/compute/images/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
    assertThat(get.body()).isNull();
    assertThat(patch.method()).isEqualTo("PATCH");
    assertThat(patch.path()).isEqualTo("/v1/compute/images/img_1.v~2");
    assertThat(patch.headers()).containsEntry("Content-Type", "application/json");
    assertThat(delete.method()).isEqualTo("DELETE");
    assertThat(delete.operation()).isEqualTo(ImagesOperation.DELETE_IMAGE);
    assertThat(delete.path()).isEqualTo("/v1/compute/images/img-1");
    assertThat(delete.body()).isNull();
    assertThat(delete.headers()).doesNotContainKey("Content-Type");
  }

  @Test
  void statsAndAuditsUseTheirOwnPaths() {
    WireRequest stats = wire.retrieveCustomImagesStats(CallContext.create());
    WireRequest audits = wire.retrieveImageAuditsList(AuditQuery.all(), CallContext.create());

    assertThat(stats.method()).isEqualTo("GET");
    assertThat(stats.path()).isEqualTo("/v1/compute/images/stats");
    assertThat(stats.query()).isEmpty();
    assertThat(audits.method()).isEqualTo("GET");
    assertThat(audits.path()).isEqualTo("/v1/compute/images/audits");
    assertThat(audits.query()).isEmpty();
  }

  @Test
  void auditQueryEncodesFiltersDatesAndOrder() {
    AuditQuery query = AuditQuery.builder()
        .page(1)
        .size(10)
        .orderBy(SortOrder.desc("timestamp"), SortOrder.asc("id"))
        .imageId("e443eab5-647a-4bc3-b4f9-16f5a281224d")
        .requestId("D5FD9FAF-58C0-4406-8F46-F449B8E4FEC3")
        .changedBy("user #1 & co")
        .startDate(LocalDate.of(2021, 6, 2))
        .endDate(LocalDate.of(2021, 6, 30))
        .build();

    WireRequest request = wire.retrieveImageAuditsList(query, CallContext.create());

    assertThat(request.query()).isEqualTo(
        "page=1&size=10&orderBy=timestamp%3Adesc&orderBy=id%3Aasc&imageId=e443eab5-647a-4bc3-b4f9-16f5a281224d"
            + "&requestId=D5FD9FAF-58C0-4406-8F46-F449B8E4FEC3&changedBy=user%20%231%20%26%20co"
            + "&startDate=2021-06-02&endDate=2021-06-30");
  }

  @Test
  void encodeUsesPercentTwentyForSpacesAndKeepsLiteralPlusDistinct() {
    assertThat(ImagesWire.encode("a b+c")).isEqualTo("a%20b%2Bc");
    assertThat(ImagesWire.encode("#&=?/%")).isEqualTo("%23%26%3D%3F%2F%25");
  }

  @Test
  void everyAttemptDrawsAFreshRequestIdFromTheContext() {
    CallContext context = CallContext.create().withRequestId(REQUEST_ID);

    WireRequest first = wire.retrieveCustomImagesStats(context);
    WireRequest second = wire.retrieveCustomImagesStats(context);

    assertThat(first.requestId()).isEqualTo(REQUEST_ID);
    assertThat(second.requestId()).isNotEqualTo(REQUEST_ID).matches(Checks.REQUEST_ID);
    assertThat(second.headers()).containsEntry("x-request-id", second.requestId());
    assertThat(second.requestIds()).containsExactly(REQUEST_ID, second.requestId());
    assertThat(context.lastRequestId()).contains(second.requestId());
  }

  @Test
  void generatedRequestIdsMatchTheSpecPattern() {
    WireRequest request = wire.retrieveCustomImagesStats(CallContext.create());

    assertThat(request.headers().get("x-request-id")).matches(Checks.REQUEST_ID);
  }

  @Test
  void traceIdIsSentOnlyWhenGiven() {
    WireRequest none = wire.retrieveCustomImagesStats(CallContext.create());
    WireRequest perCall = wire.retrieveCustomImagesStats(CallContext.create().withTraceId("call-trace"));
    ImagesWire withDefault = Fixtures.wire("client-trace");
    WireRequest clientDefault = withDefault.retrieveCustomImagesStats(CallContext.create());
    WireRequest callWins = withDefault.retrieveCustomImagesStats(CallContext.create().withTraceId("call-trace"));

    assertThat(none.headers()).doesNotContainKey("x-trace-id");
    assertThat(none.traceId()).isNull();
    assertThat(perCall.headers()).containsEntry("x-trace-id", "call-trace");
    assertThat(perCall.traceId()).isEqualTo("call-trace");
    assertThat(clientDefault.headers()).containsEntry("x-trace-id", "client-trace");
    assertThat(clientDefault.traceId()).isEqualTo("client-trace");
    assertThat(callWins.headers()).containsEntry("x-trace-id", "call-trace");
  }

  @Test
  void theTokenIsAskedForOnEveryAttempt() {
    int[] calls = {0};
    ImagesWire rotating = new ImagesWire(() -> "token-" + ++calls[0], USER_AGENT, null, Fixtures.CLOCK);

    WireRequest first = rotating.retrieveCustomImagesStats(CallContext.create());
    WireRequest second = rotating.retrieveCustomImagesStats(CallContext.create());

    assertThat(first.headers()).containsEntry("Authorization", "Bearer token-1");
    assertThat(second.headers()).containsEntry("Authorization", "Bearer token-2");
  }

  @Test
  void aSourceThatCannotGiveATokenEndsTheAttemptAsNotSentWithTheCallsIdsAndTheCause() {
    RuntimeException endpointDown = new io.github.contabo4j.images.auth.TokenEndpointException("down", 503, null);
    io.github.contabo4j.images.TokenSource failing = new io.github.contabo4j.images.TokenSource() {
      @Override
      public String accessToken() {
        throw new AssertionError("the bounded form is used when the call has a deadline");
      }

      @Override
      public String accessToken(java.time.Duration timeLeft) {
        assertThat(timeLeft).isEqualTo(java.time.Duration.ofSeconds(7));
        throw endpointDown;
      }
    };
    CallContext context = CallContext.create();
    context.newRequestId(); // an earlier attempt
    AttemptTimeouts.limit(context, java.time.Duration.ofSeconds(7));

    assertThatThrownBy(() -> new ImagesWire(failing, USER_AGENT, "trace-9", Fixtures.CLOCK).retrieveCustomImagesStats(context))
        .isInstanceOfSatisfying(io.github.contabo4j.images.ImagesTransportException.class, e -> {
          assertThat(e.failure()).isEqualTo(io.github.contabo4j.images.ImagesTransportException.Failure.TOKEN_UNAVAILABLE);
          assertThat(e.delivery()).isEqualTo(io.github.contabo4j.images.Delivery.NOT_SENT);
          assertThat(e.requestIds()).isEqualTo(context.requestIds()).hasSize(1);
          assertThat(e.traceId()).contains("trace-9");
          assertThat(e.getCause()).isSameAs(endpointDown);
        });
  }

  @Test
  void aBadTokenFromTheSourceIsRejectedWithoutEchoingIt() {
    ImagesWire bad = new ImagesWire(() -> "abc\r\nX-Evil: 1", USER_AGENT, null, Fixtures.CLOCK);
    CallContext context = CallContext.create();

    assertThatThrownBy(() -> bad.retrieveCustomImagesStats(context))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("accessToken"))
        .message().doesNotContain("abc").doesNotContain("Evil");
    assertThat(context.requestIds()).isEmpty();
  }

  @Test
  void badClientSettingsAreRejectedAtConstruction() {
    assertThatThrownBy(() -> Fixtures.wire("trace\nx"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("x-trace-id"))
        .hasMessage("x-trace-id must not contain CR, LF or NUL");
    assertThatThrownBy(() -> new ImagesWire(() -> TOKEN, "agent\r", null, Fixtures.CLOCK))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("userAgent"));
  }

  @Test
  void headersOfAnEncodedRequestCannotBeChanged() {
    WireRequest request = wire.retrieveCustomImagesStats(CallContext.create());

    assertThatThrownBy(() -> request.headers().put("Authorization", "Bearer other"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiredCollaboratorsAreNullChecked() {
    assertThatThrownBy(() -> new ImagesWire(null, USER_AGENT, null, Fixtures.CLOCK)).hasMessage("tokens == null");
    assertThatThrownBy(() -> new ImagesWire(() -> TOKEN, USER_AGENT, null, null)).hasMessage("clock == null");
    assertThatThrownBy(() -> new ImagesWire(() -> TOKEN, null, null, Fixtures.CLOCK)).hasMessage("userAgent must not be null");
    assertThatThrownBy(() -> new WireImagesPort(null, r -> null)).hasMessage("wire == null");
    assertThatThrownBy(() -> new WireImagesPort(wire, null)).hasMessage("exchange == null");
  }

  @Test
  void badImageIdsNeverBecomeAPath() {
    CallContext context = CallContext.create();

    assertThatThrownBy(() -> wire.retrieveImage("../stats", context))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("imageId"));
    assertThatThrownBy(() -> wire.deleteImage("AUDITS", context))
        .hasMessage("imageId must not name the sibling route 'stats' or 'audits'");
    assertThatThrownBy(() -> wire.updateImage("%2e%2e", ImageUpdate.rename("x"), context))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(context.requestIds()).as("no request id drawn for a rejected call").isEmpty();
  }
}
