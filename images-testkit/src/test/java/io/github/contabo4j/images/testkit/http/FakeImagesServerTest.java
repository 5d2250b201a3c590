package io.github.contabo4j.images.testkit.http;

import static io.github.contabo4j.images.testkit.http.Http.REQUEST_ID;
import static io.github.contabo4j.images.testkit.http.Http.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.FakeImagesServer.RecordedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeImagesServerTest {
  private static final String CREATE =
      "{\"name\":\"Ubuntu\",\"url\":\"https://example.com/u.qcow2\",\"osType\":\"Linux\",\"version\":\"22.04\"}";

  private static final StubPort STUB = new StubPort();
  private static FakeImagesServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = FakeImagesServer.start(STUB);
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    STUB.reset();
  }

  // ---------------------------------------------------------------- every route

  @Test
  void statsAnswerValidatesAndTheBackendSeesTheClientsIds() throws Exception {
    Map<String, String> headers = headers(server.token());
    headers.put("x-trace-id", "trace-42");

    Http.Sent sent = http.get("/v1/compute/images/stats", headers).valid();

    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.json().at("/data/0/freeSizeMb").asLong()).isEqualTo(100352);
    assertThat(STUB.calls()).containsExactly("stats");
    assertThat(STUB.lastRequestId).isEqualTo(REQUEST_ID);
    assertThat(STUB.lastTraceId).isEqualTo("trace-42");
  }

  @Test
  void listPassesTheQueryAndAnswersWithTagsLinksAndPagination() throws Exception {
    Http.Sent sent = http.get(
        "/v1/compute/images?page=1&size=2&orderBy=name:DESC&orderBy=size:asc&name=a%20b&standardImage=false",
        headers(server.token())).valid();

    assertThat(sent.status()).isEqualTo(200);
    assertThat(STUB.lastArgument).isEqualTo(ImageListQuery.builder().page(1).size(2).name("a b")
        .standardImage(false).orderBy(SortOrder.desc("name"), SortOrder.asc("size")).build());
    assertThat(sent.json().at("/data/1/description").asText()).isEmpty();
    assertThat(sent.json().at("/data/0/tags/0/tagName").asText()).isEqualTo("web");
    assertThat(sent.json().at("/_links/next").asText()).startsWith("/v1/compute/images?page=2&size=2&");
    assertThat(sent.json().at("/_pagination/totalPages").asInt()).isEqualTo(2);
  }

  @Test
  void getAnswersOneImageWithEveryRequiredProperty() throws Exception {
    Http.Sent sent = http.get("/v1/compute/images/img-7", headers(server.token())).valid();

    assertThat(sent.status()).isEqualTo(200);
    assertThat(STUB.lastArgument).isEqualTo("img-7");
    assertThat(sent.json().at("/data/0/imageId").asText()).isEqualTo("img-7");
    assertThat(sent.json().at("/data/0/errorMessage").isTextual()).isTrue();
  }

  @Test
  void createReadsTheBodyAndAnswers201() throws Exception {
    Http.Sent sent = http.json("POST", "/v1/compute/images", headers(server.token()), CREATE).valid();

    assertThat(sent.status()).isEqualTo(201);
    assertThat(STUB.lastArgument)
        .isEqualTo(CreateCustomImage.of("Ubuntu", "https://example.com/u.qcow2", OsType.LINUX, "22.04"));
    assertThat(sent.json().at("/data/0/imageId").asText()).isEqualTo("new-1");
  }

  @Test
  void patchUpdatesAndDeleteAnswers204WithoutBody() throws Exception {
    Http.Sent patched =
        http.json("PATCH", "/v1/compute/images/img-1", headers(server.token()), "{\"name\":\"renamed\"}").valid();
    assertThat(patched.status()).isEqualTo(200);
    assertThat(STUB.lastArgument).isEqualTo(ImageUpdate.rename("renamed"));

    Http.Sent deleted = http.send("DELETE", "/v1/compute/images/img-1", headers(server.token()), null).valid();
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.response().body()).isEmpty();
    assertThat(STUB.calls()).containsExactly("update", "delete");
  }

  @Test
  void auditsPassTheQueryAndAnswerAPage() throws Exception {
    Http.Sent sent = http.get(
        "/v1/compute/images/audits?requestId=" + REQUEST_ID + "&startDate=2021-06-01", headers(server.token()))
        .valid();

    assertThat(sent.status()).isEqualTo(200);
    assertThat(STUB.lastArgument).isEqualTo(
        AuditQuery.builder().requestId(REQUEST_ID).startDate(LocalDate.of(2021, 6, 1)).build());
    assertThat(sent.json().at("/data/0/requestId").asText()).isEqualTo(REQUEST_ID);
    assertThat(sent.json().at("/data/0/traceId").asText()).isEmpty();
  }

  @Test
  void everyRequestIsRecordedWithItsIdsAndStatus() throws Exception {
    int before = server.requestCount();
    http.get("/v1/compute/images/stats?x=1", headers(server.token()));

    assertThat(server.requestCount()).isEqualTo(before + 1);
    RecordedRequest last = server.requests().get(before);
    assertThat(last).isEqualTo(new RecordedRequest("GET", "/v1/compute/images/stats", "x=1", REQUEST_ID, null, 200));
    assertThat(last.aborted()).isFalse();
  }

  // ---------------------------------------------------------------- checks like the service

  @Test
  void unknownRoutesAre404AndWrongMethods405() throws Exception {
    http.get("/v1/compute/nothing", headers(server.token())).error(404, "Cannot GET /v1/compute/nothing");
    http.get("/v1/compute/images/a%2Fb", headers(server.token())).error(404, "Cannot GET");
    Http.Sent put = http.json("PUT", "/v1/compute/images", headers(server.token()), CREATE).error(405, "Method");
    assertThat(put.response().headers().firstValue("Allow")).hasValue("GET, POST");
    assertThat(STUB.calls()).isEmpty();
  }

  @Test
  void aMissingOrUnknownBearerIs401() throws Exception {
    Map<String, String> none = headers(server.token());
    none.remove("Authorization");
    Http.Sent missing = http.get("/v1/compute/images/stats", none).error(401, "Unauthorized");
    assertThat(missing.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(Http.SPEC.validateRequest("GET", "/v1/compute/images/stats", missing.headers(), null))
        .as("the spec, too, rejects a request without a bearer").isNotEmpty();

    http.get("/v1/compute/images/stats", headers("not-a-known-token")).error(401, "Unauthorized");
    Map<String, String> basic = headers(server.token());
    basic.put("Authorization", "Basic " + server.token());
    http.get("/v1/compute/images/stats", basic).error(401, "Unauthorized");
    assertThat(STUB.calls()).isEmpty();
  }

  @Test
  void aMissingOrMalformedRequestIdIs400() throws Exception {
    Map<String, String> none = headers(server.token());
    none.remove("x-request-id");
    Http.Sent missing = http.get("/v1/compute/images/stats", none).error(400, "x-request-id");
    assertThat(Http.SPEC.validateRequest("GET", "/v1/compute/images/stats", missing.headers(), null)).isNotEmpty();

    Map<String, String> bad = headers(server.token());
    bad.put("x-request-id", "04e0f898-37b4-48bc-a794-1a57abe6aa3"); // one digit short
    Http.Sent malformed = http.get("/v1/compute/images/stats", bad).error(400, "x-request-id");
    assertThat(Http.SPEC.validateRequest("GET", "/v1/compute/images/stats", malformed.headers(), null)).isNotEmpty();

    Map<String, String> upper = headers(server.token());
    upper.put("x-request-id", REQUEST_ID.toUpperCase(java.util.Locale.ROOT));
    assertThat(http.get("/v1/compute/images/stats", upper).valid().status()).isEqualTo(200);
    assertThat(STUB.calls()).containsExactly("stats");
  }

  @Test
  void anInvalidBodyOrQueryIs400NamingTheField() throws Exception {
    http.json("POST", "/v1/compute/images", headers(server.token()), CREATE.replace("\"Ubuntu\"", "7"))
        .error(400, "name must be a string");
    http.json("POST", "/v1/compute/images", headers(server.token()), CREATE.replace("Linux", "Solaris"))
        .error(400, "osType");
    http.json("POST", "/v1/compute/images", headers(server.token()), "{").error(400, "body must be a JSON object");
    http.json("PATCH", "/v1/compute/images/img-1", headers(server.token()), "{}").error(400, "name");
    http.get("/v1/compute/images?page=zero", headers(server.token())).error(400, "page");
    http.get("/v1/compute/images/audits?endDate=tomorrow", headers(server.token())).error(400, "endDate");
    assertThat(STUB.calls()).isEmpty();
  }

  @Test
  void anImageUrlOfAnotherFormatIs415AsDocumented() throws Exception {
    Http.Sent sent = http.json("POST", "/v1/compute/images", headers(server.token()),
        CREATE.replace("u.qcow2", "u.vmdk")).valid();

    sent.error(415, "url");
    assertThat(STUB.calls()).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIs415() throws Exception {
    Map<String, String> text = headers(server.token());
    text.put("Content-Type", "text/plain");

    http.send("POST", "/v1/compute/images", text, CREATE).error(415, "application/json");
    assertThat(STUB.calls()).isEmpty();
  }

  // ---------------------------------------------------------------- backend exceptions

  @Test
  void aServiceExceptionKeepsItsStatusAndMessage() throws Exception {
    STUB.failNext = () -> ImagesServiceException.forStatus(
        ImagesOperation.RETRIEVE_IMAGE, 404, "Entry Image not found by imageId img-9", null, List.of(), null);

    Http.Sent sent = http.get("/v1/compute/images/img-9", headers(server.token()));

    sent.error(404, "Entry Image not found by imageId img-9");
    assertThat(sent.response().headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void rateLimitingCarriesRetryAfterInWholeSecondsRoundedUp() throws Exception {
    STUB.failNext = () -> new RateLimitedException(
        ImagesOperation.RETRIEVE_IMAGE_LIST, "Too Many Requests", Duration.ofMillis(1500), List.of(), null);

    Http.Sent sent = http.get("/v1/compute/images", headers(server.token()));

    sent.error(429, "Too Many Requests");
    assertThat(sent.response().headers().firstValue("Retry-After")).hasValue("2");
  }

  @Test
  void aServerErrorWithADelayCarriesRetryAfterToo() throws Exception {
    STUB.failNext = () -> ImagesServiceException.forStatus(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, 503,
        "Service Unavailable", Duration.ofSeconds(7), List.of(), null);

    Http.Sent sent = http.get("/v1/compute/images/stats", headers(server.token()));

    sent.error(503, "Service Unavailable");
    assertThat(sent.response().headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void aBackendInvalidRequestIs400AndAnyOtherFailure500() throws Exception {
    STUB.failNext = () -> new InvalidRequestException("name", "is taken");
    http.json("POST", "/v1/compute/images", headers(server.token()), CREATE).error(400, "name is taken");

    STUB.failNext = () -> new IllegalStateException("secret detail");
    Http.Sent sent = http.get("/v1/compute/images/stats", headers(server.token())).error(500, "Internal Server Error");
    assertThat(sent.response().body()).doesNotContain("secret detail");
  }

  @Test
  void aTransportFaultDropsTheConnectionWithoutAnyAnswer() throws Exception {
    STUB.failNext = () -> StubPort.answerLost(ImagesOperation.CREATE_CUSTOM_IMAGE);

    assertThatThrownBy(() -> http.json("POST", "/v1/compute/images", headers(server.token()), CREATE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("header parser received no bytes");

    assertThat(STUB.calls()).containsExactly("create");
    RecordedRequest last = server.requests().get(server.requestCount() - 1);
    assertThat(last.aborted()).isTrue();
    assertThat(last.status()).isZero();
    assertThat(http.get("/v1/compute/images/stats", headers(server.token())).status())
        .as("the server keeps serving").isEqualTo(200);

    STUB.failNext = () -> StubPort.answerLost(ImagesOperation.DELETE_IMAGE);
    assertThatThrownBy(() -> http.send("DELETE", "/v1/compute/images/img-1", headers(server.token()), null))
        .isInstanceOf(IOException.class);
    assertThat(STUB.calls()).containsExactly("create", "stats", "delete");
  }

  @Test
  void theJdkClientSilentlyResendsAGetWhoseAnswerWasDropped() throws Exception {
    STUB.failNext = () -> StubPort.answerLost(ImagesOperation.RETRIEVE_IMAGE);

    Http.Sent sent = new Http(server.baseUri()).get("/v1/compute/images/img-1", headers(server.token()));

    // java.net.http re-sends an idempotent request once when a connection closes before any byte of
    // an answer: the backend runs twice, the client never sees the fault. Pinned here because the
    // lead's GET fault tests through the JDK transport depend on it.
    assertThat(sent.status()).isEqualTo(200);
    assertThat(STUB.calls()).containsExactly("get", "get");
    List<RecordedRequest> all = server.requests();
    assertThat(all.get(all.size() - 2).aborted()).isTrue();
  }

  // ---------------------------------------------------------------- lifecycle

  @Test
  void closeReleasesThePortAndLaterCallsFailClearly() throws Exception {
    FakeImagesServer own = FakeImagesServer.start(new StubPort());
    int port = own.port();
    assertThat(own.baseUri().toString()).isEqualTo("http://127.0.0.1:" + port);
    assertThat(own.tokenEndpoint().toString())
        .isEqualTo("http://127.0.0.1:" + port + "/auth/realms/contabo/protocol/openid-connect/token");

    own.close();
    own.close(); // idempotent

    assertThatThrownBy(own::baseUri).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(own::token).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(own::tokenEndpoint).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(own::requestCount).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(own::requests).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(own::tokenRequestCount).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> own.failNextTokenRequests(1)).isInstanceOf(IllegalStateException.class);
    assertThat(own.toString()).contains("closed");
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    try (ServerSocket rebound = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertThat(rebound.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void aFixedPortAndStaticTokensComeFromTheBuilder() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    StubPort stub = new StubPort();
    try (FakeImagesServer fixed = FakeImagesServer.builder(stub).port(port).acceptToken("first-token")
        .acceptToken("second-token").start()) {
      Http client = new Http(fixed.baseUri());

      assertThat(fixed.port()).isEqualTo(port);
      assertThat(fixed.token()).isEqualTo("first-token");
      assertThat(client.get("/v1/compute/images/stats", headers("second-token")).status()).isEqualTo(200);
      assertThat(client.get("/v1/compute/images/stats", headers(server.token())).status())
          .as("another server's token").isEqualTo(401);
    }
  }

  @Test
  void theBuilderRejectsBadSettingsAndShowsNoCredential() {
    FakeImagesServer.Builder builder = FakeImagesServer.builder(new StubPort()).user("u", "hunter2")
        .client("c", "s3cret").acceptToken("tok-123");

    assertThat(builder.toString()).doesNotContain("hunter2").doesNotContain("s3cret").doesNotContain("tok-123");
    assertThatThrownBy(() -> builder.port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.tokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.acceptToken("has space")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> FakeImagesServer.builder(null)).hasMessage("backend == null");
  }
}
