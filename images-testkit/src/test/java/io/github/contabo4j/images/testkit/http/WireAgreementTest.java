package io.github.contabo4j.images.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.TenantId;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.UnsupportedImageFormatException;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.WireImagesPort;
import io.github.contabo4j.images.internal.wire.WireRequest;
import io.github.contabo4j.images.internal.wire.WireResponse;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The face and core's client wire agree: WireImagesPort over java.net.http, every exchange spec-checked. */
class WireAgreementTest {
  private static final StubPort STUB = new StubPort();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static FakeImagesServer server;
  private static ImagesPort port;

  @BeforeAll
  static void start() {
    server = FakeImagesServer.start(STUB);
    port = client(server.baseUri(), server.token());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    STUB.reset();
  }

  /** A JDK client in a few lines: the transport moves bytes, core's wire does the rest. */
  private static ImagesPort client(URI base, String token) {
    ImagesWire wire = new ImagesWire(TokenSource.fixed(token), "contabo4j-test/0.1", null, Clock.systemUTC());
    return new WireImagesPort(wire, request -> {
      HttpRequest.Builder http = HttpRequest.newBuilder(request.uri(base.toString()))
          .timeout(Duration.ofSeconds(10))
          .method(request.method(), request.body() == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(request.body()));
      request.headers().forEach(http::header);
      HttpResponse<byte[]> response = CLIENT.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
      validate(request, response);
      return new WireResponse(
          response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), response.body());
    });
  }

  private static void validate(WireRequest request, HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
    request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    Http.SPEC.assertValid(request.method(), request.path() + (request.query().isEmpty() ? "" : "?" + request.query()),
        headers, request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8),
        response.statusCode(), response.headers().map(), new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void everyOperationRoundTripsThroughTheFace() {
    ImageStats stats = port.retrieveCustomImagesStats();
    assertThat(stats).isEqualTo(ImageStats.builder()
        .tenantId(TenantId.DE)
        .customerId("54321")
        .currentImagesCount(2)
        .totalSizeMb(102400)
        .usedSizeMb(2048)
        .freeSizeMb(100352)
        .build());

    ImageListQuery query = ImageListQuery.builder().page(1).size(2).name("a & b").standardImage(true)
        .search("x#y").orderBy(SortOrder.desc("name")).build();
    Page<Image> page = port.retrieveImageList(query);
    assertThat(STUB.lastArgument).isEqualTo(query);
    assertThat(page.items().get(0)).as("an absent errorMessage travels as \"\"")
        .isEqualTo(StubPort.image("img-1", "first").toBuilder()
            .status(ImageStatus.DOWNLOADED).errorMessage("").lastModifiedDate(StubPort.T0).build());
    assertThat(page.items().get(1).description()).as("absent travels as \"\"").isEmpty();
    assertThat(page.pagination().totalPages()).isEqualTo(2);
    assertThat(page.hasNext()).isTrue();
    assertThat(page.links().next()).contains("page=2").contains("name=a%20%26%20b");

    Image image = port.retrieveImage("img-5");
    assertThat(image.imageId()).isEqualTo("img-5");
    assertThat(image.tags()).as("FindImageResponse has no tags").isEmpty();

    CreateCustomImage create = CreateCustomImage.of("Ubuntu Ü", "https://example.com/u.iso?x=1&y=2",
        OsType.WINDOWS, "22.04").withDescription("two\nlines");
    CreatedImage created = port.createCustomImage(create);
    assertThat(STUB.lastArgument).isEqualTo(create);
    assertThat(created).isEqualTo(CreatedImage.builder().imageId("new-1").tenantId(TenantId.DE).customerId("54321").build());

    ImageRef updated = port.updateImage("img-5", ImageUpdate.describe("new description"));
    assertThat(STUB.lastArgument).isEqualTo(ImageUpdate.describe("new description"));
    assertThat(updated).isEqualTo(ImageRef.builder()
        .imageId("img-5")
        .tenantId(TenantId.DE)
        .customerId("54321")
        .build());

    port.deleteImage("img-5");
    assertThat(STUB.lastArgument).isEqualTo("img-5");

    AuditQuery audits = AuditQuery.builder().imageId("img-1").orderBy(SortOrder.asc("timestamp")).build();
    Page<AuditEntry> history = port.retrieveImageAuditsList(audits);
    assertThat(STUB.lastArgument).isEqualTo(audits);
    assertThat(history.items()).hasSize(1);
    assertThat(history.items().get(0).changes()).containsKey("new");

    assertThat(STUB.calls()).containsExactly("stats", "list", "get", "create", "update", "delete", "audits");
  }

  @Test
  void theBackendSeesTheRequestAndTraceIdsTheClientSent() {
    CallContext context = CallContext.create().withTraceId("trace-7");

    port.retrieveImage("img-1", context);

    assertThat(STUB.lastRequestId).isEqualTo(context.lastRequestId().orElseThrow());
    assertThat(STUB.lastTraceId).isEqualTo("trace-7");
  }

  @Test
  void serviceExceptionsArriveAsTheSameTypedExceptions() {
    STUB.failNext = () -> new RateLimitedException(
        ImagesOperation.RETRIEVE_IMAGE_LIST, "Too Many Requests", Duration.ofSeconds(3), List.of(), null);
    assertThatThrownBy(() -> port.retrieveImageList(ImageListQuery.all()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(3));
          assertThat(e.serviceMessage()).isEqualTo("Too Many Requests");
        });

    STUB.failNext = () -> ImagesServiceException.forStatus(
        ImagesOperation.RETRIEVE_IMAGE, 404, "Entry Image not found", null, List.of(), null);
    assertThatThrownBy(() -> port.retrieveImage("img-0")).isInstanceOf(ImageNotFoundException.class);

    STUB.failNext = () -> new UnsupportedImageFormatException(
        ImagesOperation.CREATE_CUSTOM_IMAGE, "Unsupported Media Type", List.of(), null);
    assertThatThrownBy(() -> port.createCustomImage(
        CreateCustomImage.of("n", "https://example.com/a.iso", OsType.LINUX, "1")))
        .isInstanceOf(UnsupportedImageFormatException.class);
  }

  @Test
  void aDroppedAnswerIsATransportFailureThatMayHaveBeenProcessed() {
    STUB.failNext = () -> StubPort.answerLost(ImagesOperation.CREATE_CUSTOM_IMAGE);
    CallContext context = CallContext.create();

    assertThatThrownBy(() -> port.createCustomImage(
        CreateCustomImage.of("n", "https://example.com/a.iso", OsType.LINUX, "1"), context))
        .isInstanceOfSatisfying(ImagesTransportException.class, e -> {
          assertThat(e.failure()).isEqualTo(ImagesTransportException.Failure.CONNECTION_CLOSED);
          assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
          assertThat(e.requestIds()).containsExactly(STUB.lastRequestId);
        });
    assertThat(STUB.calls()).containsExactly("create");
  }

  @Test
  void anUnknownTokenIsAnAuthenticationError() {
    ImagesPort stranger = client(server.baseUri(), "not-the-token");

    assertThatThrownBy(stranger::retrieveCustomImagesStats).isInstanceOf(AuthenticationException.class);
    assertThat(STUB.calls()).isEmpty();
  }
}
