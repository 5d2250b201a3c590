package io.github.contabo4j.images.testkit.http;

import static io.github.contabo4j.images.testkit.http.Http.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.contract.HttpFaceFixture;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The face's opt-in spec validation, and the fixture that runs contract suites over it. */
class FakeImagesServerSpecCheckTest {
  private static final String CREATE =
      "{\"name\":\"Ubuntu\",\"url\":\"https://example.com/u.qcow2\",\"osType\":\"Linux\",\"version\":\"22.04\"}";

  private static final StubPort STUB = new StubPort();
  /** The stub, except that image "off-spec" comes back in a format the spec's enum does not allow. */
  private static final ImagesPort BACKEND = (ImagesPort) Proxy.newProxyInstance(
      ImagesPort.class.getClassLoader(), new Class<?>[] {ImagesPort.class}, (proxy, method, args) -> {
        try {
          Object answer = method.invoke(STUB, args);
          if (answer instanceof Image && ((Image) answer).imageId().equals("off-spec")) {
            Image i = (Image) answer;
            return i.toBuilder().format(ImageFormat.of("vmdk")).build();
          }
          return answer;
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      });

  private static FakeImagesServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = FakeImagesServer.builder(BACKEND).validateAgainst(Http.SPEC).start();
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

  private static List<String> newViolations(int before) {
    List<String> all = server.specViolations();
    return all.subList(before, all.size());
  }

  @Test
  void validationIsOffUnlessAskedFor() {
    try (FakeImagesServer plain = FakeImagesServer.start(STUB)) {
      assertThatThrownBy(plain::specViolations)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("validateAgainst");
      assertThatThrownBy(plain::assertNoSpecViolations).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void conformingExchangesLeaveNoViolation() throws Exception {
    int before = server.specViolations().size();

    assertThat(http.get("/v1/compute/images/stats", headers(server.token())).status()).isEqualTo(200);
    assertThat(http.json("POST", "/v1/compute/images", headers(server.token()), CREATE).status()).isEqualTo(201);
    assertThat(http.get("/v1/compute/images?page=1&size=2&orderBy=name:asc", headers(server.token())).status())
        .isEqualTo(200);

    assertThat(newViolations(before)).isEmpty();
  }

  @Test
  void anOffSpecRequestIsRecordedBeforeTheClientHasItsAnswerAndNeverShowsTheBearer() throws Exception {
    int before = server.specViolations().size();
    Map<String, String> headers = headers(server.token());
    headers.put("x-request-id", "not-a-uuid");

    int status = http.get("/v1/compute/images/stats", headers).status();

    assertThat(status).isEqualTo(400);
    assertThat(newViolations(before))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v).startsWith("GET /v1/compute/images/stats -> 400: ").doesNotContain(server.token()))
        .anySatisfy(v -> assertThat(v).contains("pattern").contains("not-a-uuid"));
    assertThatThrownBy(server::assertNoSpecViolations)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not-a-uuid");
  }

  @Test
  void aWellFormedButUnknownBearerIsRejectedWithoutAViolation() throws Exception {
    int before = server.specViolations().size();

    assertThat(http.get("/v1/compute/images/stats", headers("not-the-servers-token")).status()).isEqualTo(401);

    assertThat(newViolations(before)).isEmpty();
  }

  @Test
  void anOffSpecAnswerFromTheBackendIsRecorded() throws Exception {
    int before = server.specViolations().size();

    assertThat(http.get("/v1/compute/images/off-spec", headers(server.token())).status()).isEqualTo(200);

    assertThat(newViolations(before))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v).startsWith("GET /v1/compute/images/off-spec -> 200: "))
        .anySatisfy(v -> assertThat(v).contains("vmdk"));
  }

  @Test
  void aDroppedConnectionHasItsRequestCheckedAlone() throws Exception {
    int before = server.specViolations().size();
    STUB.failNext = () -> StubPort.answerLost(ImagesOperation.CREATE_CUSTOM_IMAGE);

    assertThatThrownBy(() -> http.json("POST", "/v1/compute/images", headers(server.token()), CREATE))
        .isInstanceOf(IOException.class);
    assertThat(newViolations(before)).as("a conforming request whose answer was dropped").isEmpty();
    assertThat(server.requests().get(server.requestCount() - 1).aborted()).isTrue();
  }

  @Test
  void theFixtureFailsTheTestOnAViolationAndClosesTheServerAnyway() throws Exception {
    List<AutoCloseable> cleanups = new ArrayList<>();
    FakeImagesServer face = HttpFaceFixture.start(STUB, cleanups::add);
    Map<String, String> headers = headers(face.token());
    headers.remove("x-request-id");
    assertThat(new Http(face.baseUri()).get("/v1/compute/images/stats", headers).status()).isEqualTo(400);

    assertThat(cleanups).hasSize(1);
    assertThatThrownBy(() -> cleanups.get(0).close())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /v1/compute/images/stats -> 400");
    assertThatThrownBy(face::baseUri).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void theFixturesCleanupOfCleanTrafficJustClosesTheServer() throws Exception {
    List<AutoCloseable> cleanups = new ArrayList<>();
    FakeImagesServer face = HttpFaceFixture.start(STUB, cleanups::add);
    assertThat(new Http(face.baseUri()).get("/v1/compute/images/stats", headers(face.token())).status()).isEqualTo(200);

    cleanups.get(0).close();

    assertThatThrownBy(face::requestCount).isInstanceOf(IllegalStateException.class);
  }
}
