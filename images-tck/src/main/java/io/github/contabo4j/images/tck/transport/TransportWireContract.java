package io.github.contabo4j.images.tck.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.BadRequestException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ConflictException;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.TenantId;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.UnsupportedImageFormatException;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.testkit.SpecValidator;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * The wire-level contract of an HTTP transport, run against WireMock: every transport extends this
 * class with the one hook {@link #newPort}, so the JDK and Feign transports pass literally the same
 * tests.
 *
 * <pre>{@code
 * class JdkTransportWireTest extends TransportWireContract {
 *   @Override
 *   protected ImagesPort newPort(String baseUri, TokenSource tokens, @Nullable String traceId) {
 *     return JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens).traceId(traceId)
 *         .resilience(ResiliencePolicy.none()).build();
 *   }
 * }
 * }</pre>
 *
 * <p>What it proves:
 *
 * <ul>
 *   <li><b>Every operation on the wire:</b> the exact method, path and query, the headers ({@code
 *       Authorization}, an {@code x-request-id} matching the spec's UUID pattern and equal to the one
 *       the {@link CallContext} recorded, {@code x-trace-id} when given and only then, {@code
 *       Content-Type} exactly when there is a body, and neither {@code Content-Length} nor {@code
 *       Transfer-Encoding} on a {@code GET} or {@code DELETE}), the exact JSON body, and the parsed
 *       result.
 *   <li><b>Error mapping:</b> each status to its exception type, {@code Retry-After} as seconds and
 *       as an HTTP-date, each error-body shape (string, array, HTML, plain text, empty), unusable
 *       2xx bodies, and no answer at all (connection refused, reset, empty response, a malformed
 *       chunk, random bytes) with the right {@link Failure} and {@link Delivery}. A failing call is
 *       sent exactly once: transports never retry (that is the resilience decorator's job). The one
 *       exception is declared, not hidden: a transport whose HTTP client re-sends a {@code GET} by
 *       itself overrides {@link #getSendsWhenTheConnectionDiesBeforeTheFirstByte()}.
 *   <li><b>Bad input reaches nothing:</b> for every validation rule WireMock receives zero
 *       requests.
 * </ul>
 *
 * <p><b>Spec check.</b> After every test (and every dynamic test) each request WireMock received,
 * and each answer it gave, is validated against the vendor spec with {@link SpecValidator}; a
 * violation fails the test. A test that serves a non-spec answer on purpose opts out of the
 * <em>answer</em> check in one way only: it calls {@link #expectOffSpecAnswers(String)}, saying why.
 * Requests are always checked.
 *
 * <p><b>Server.</b> One WireMock server per test class, on a dynamic port, with cleartext HTTP/2
 * (h2c) switched off: the JDK client would otherwise try an h2c upgrade, which breaks bodies. It is
 * reset before each test.
 */
public abstract class TransportWireContract {

  /** The one WireMock server of the test class. */
  @RegisterExtension
  protected static final WireMockExtension WIRE_MOCK = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true))
      .build();

  /** The token {@link #port()} sends. Never appears in an exception message. */
  protected static final String TOKEN = "wire-test-token-0123456789";

  private static final String IMAGES = "/v1/compute/images";
  private static final String IMAGE = IMAGES + "/" + WireFixtures.IMAGE_ID;
  private static final String JSON = "application/json";

  private static @Nullable SpecCheckedTraffic traffic;

  private final List<ImagesPort> opened = new ArrayList<>();
  private @Nullable String offSpecReason;

  /**
   * The hook: makes the port under test, talking to {@code baseUri}. It must send every request
   * exactly once (no retries), and must reject a {@code traceId} that breaks the header rules with
   * an {@link IllegalArgumentException} naming {@code traceId} when it is built (a configuration
   * error, not an {@link InvalidRequestException}). If the port is {@link AutoCloseable}, the
   * suite closes it after the test.
   *
   * @param baseUri WireMock's base URL, {@code http://localhost:<port>}
   * @param tokens the bearer token source
   * @param traceId the client-wide {@code x-trace-id}, or null for none
   * @return the port
   */
  protected abstract ImagesPort newPort(String baseUri, TokenSource tokens, @Nullable String traceId);

  @BeforeAll
  static void loadSpec() {
    traffic = new SpecCheckedTraffic(SpecValidator.load());
  }

  @AfterEach
  void checkTrafficAndClose() throws Exception {
    try {
      checkTraffic();
    } finally {
      closeOpened();
    }
  }

  // ================================================================ helpers

  /**
   * A port on the WireMock server with {@link #TOKEN} and no client-wide trace id, closed after the
   * test.
   *
   * @return the port
   */
  protected final ImagesPort port() {
    return port(WIRE_MOCK.baseUrl(), TokenSource.fixed(TOKEN), null);
  }

  /**
   * A port from the hook, closed after the test.
   *
   * @param baseUri the base URI
   * @param tokens the token source
   * @param traceId the client-wide trace id
   * @return the port
   */
  protected final ImagesPort port(String baseUri, TokenSource tokens, @Nullable String traceId) {
    ImagesPort port = newPort(baseUri, tokens, traceId);
    opened.add(port);
    return port;
  }

  /**
   * The one way to opt out of the spec check of <em>answers</em>, for a test that serves off-spec
   * answers on purpose (a garbage 2xx body, say). Applies to the current test (or dynamic test)
   * only; its requests are still checked.
   *
   * @param why why the answers are off-spec, for the reader
   */
  protected final void expectOffSpecAnswers(String why) {
    offSpecReason = why;
  }

  /**
   * Whether the HTTP engine under test writes {@code Content-Length: 0} on a {@code GET} or {@code
   * DELETE} without a body by itself, where no transport can stop it; such a request then passes with
   * that header, though still with no {@code Transfer-Encoding} and no body. Default false. The JDK's
   * {@code HttpClient} does so on Java 17 (17.0.15 checked), and not on Java 25.
   *
   * @return true if the engine adds the header whatever the transport does
   */
  protected boolean engineAddsContentLengthToBodylessRequests() {
    return false;
  }

  private void assertNoBodyFraming(String what) {
    LoggedRequest request = onlyRequest();
    if (!engineAddsContentLengthToBodylessRequests()) {
      assertFalse(request.containsHeader("Content-Length"), what + " without a body carries no Content-Length");
    } else if (request.containsHeader("Content-Length")) {
      assertEquals("0", request.getHeader("Content-Length"), what + " without a body");
    }
    assertFalse(request.containsHeader("Transfer-Encoding"), what + " without a body carries no Transfer-Encoding");
  }

  /**
   * A dynamic test with its own clean server, spec check and port cleanup, as a {@code @Test} gets.
   *
   * @param name the display name
   * @param body the test
   * @return the dynamic test
   */
  protected final DynamicTest isolated(String name, Executable body) {
    return dynamicTest(name, () -> {
      WIRE_MOCK.resetAll();
      try {
        body.execute();
        checkTraffic();
      } finally {
        WIRE_MOCK.resetAll(); // already checked: the @AfterEach of the factory must not re-check
        offSpecReason = null;
        closeOpened();
      }
    });
  }

  private void checkTraffic() {
    if (traffic == null) {
      throw new IllegalStateException("the spec was not loaded");
    }
    boolean checkAnswers = offSpecReason == null;
    offSpecReason = null;
    traffic.assertConforms(WIRE_MOCK.getAllServeEvents(), checkAnswers);
  }

  private void closeOpened() throws Exception {
    for (ImagesPort port : opened) {
      if (port instanceof AutoCloseable) {
        ((AutoCloseable) port).close();
      }
    }
    opened.clear();
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body);
  }

  private static void stub(MappingBuilder mapping) {
    WIRE_MOCK.stubFor(mapping);
  }

  /** The one request the server received, after asserting there was exactly one. */
  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> all = WIRE_MOCK.findAll(anyRequestedFor(anyUrl()));
    assertEquals(1, all.size(), "requests received");
    return all.get(0);
  }

  /** Adds the headers every request carries, with this call's request id, to a verification. */
  private static RequestPatternBuilder common(RequestPatternBuilder pattern, CallContext context) {
    String requestId = context.lastRequestId().orElseThrow(() -> new AssertionError("no request id recorded"));
    assertTrue(Checks.REQUEST_ID.matcher(requestId).matches(), "x-request-id matches the spec's pattern");
    return pattern
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("x-request-id", equalTo(requestId))
        .withHeader("x-request-id", matching(Checks.REQUEST_ID.pattern()))
        .withHeader("Accept", equalTo(JSON));
  }

  private static void assertNothingSent() {
    assertEquals(List.of(), WIRE_MOCK.findAll(anyRequestedFor(anyUrl())), "requests that reached the server");
  }

  private static void assertServiceFailure(
      ImagesServiceException e, int status, String message, ImagesOperation operation, CallContext context) {
    assertEquals(status, e.statusCode(), "status");
    assertEquals(message, e.serviceMessage(), "service message");
    assertEquals(Delivery.ANSWERED, e.delivery(), "delivery");
    assertEquals(operation, e.operation(), "operation");
    assertEquals(context.requestIds(), e.requestIds(), "request ids");
    assertEquals(1, e.requestIds().size(), "one attempt");
    assertFalse(e.getMessage().contains(TOKEN), "the token must not leak into the message");
  }

  private static CreateCustomImage newImage() {
    return CreateCustomImage.of("Ubuntu Custom", "https://example.com/images/ubuntu.qcow2", OsType.LINUX, "22.04")
        .withDescription("Ubuntu 22.04 for the web tier");
  }

  // ================================================================ every operation on the wire

  @Test
  void createCustomImageSendsTheExactPostAndParsesTheNewId() {
    stub(post(urlEqualTo(IMAGES)).willReturn(json(201, WireFixtures.REF_BODY)));
    CallContext context = CallContext.create().withTraceId("deploy-42");

    CreatedImage created = port().createCustomImage(newImage(), context);

    assertEquals(CreatedImage.builder().imageId(WireFixtures.IMAGE_ID).tenantId(TenantId.DE).customerId(WireFixtures.CUSTOMER_ID).build(), created);
    WIRE_MOCK.verify(1, common(postRequestedFor(urlEqualTo(IMAGES)), context)
        .withHeader("x-trace-id", equalTo("deploy-42"))
        .withHeader("Content-Type", equalTo(JSON))
        .withRequestBody(equalToJson("""
            {"name": "Ubuntu Custom", "description": "Ubuntu 22.04 for the web tier",
             "url": "https://example.com/images/ubuntu.qcow2", "osType": "Linux", "version": "22.04"}
            """)));
  }

  @Test
  void createCustomImageLeavesAnUnsetDescriptionOut() {
    stub(post(urlEqualTo(IMAGES)).willReturn(json(201, WireFixtures.REF_BODY)));
    CallContext context = CallContext.create();

    port().createCustomImage(
        CreateCustomImage.of("Win", "https://example.com/win.ISO?sig=a%2Fb", OsType.WINDOWS, "2022"), context);

    WIRE_MOCK.verify(1, common(postRequestedFor(urlEqualTo(IMAGES)), context)
        .withoutHeader("x-trace-id")
        .withRequestBody(equalToJson("""
            {"name": "Win", "url": "https://example.com/win.ISO?sig=a%2Fb", "osType": "Windows", "version": "2022"}
            """)));
  }

  @Test
  void retrieveImageListEncodesEveryFilterAndParsesThePage() {
    stub(get(urlPathEqualTo(IMAGES)).willReturn(json(200, WireFixtures.IMAGE_LIST_BODY)));
    CallContext context = CallContext.create().withTraceId("list-1");
    ImageListQuery query = ImageListQuery.builder()
        .page(2)
        .size(5)
        .orderBy(SortOrder.asc("name"), SortOrder.desc("creationDate"))
        .name("Ubuntu Custom")
        .standardImage(false)
        .search("windows or Debian & co #1+")
        .build();

    Page<Image> page = port().retrieveImageList(query, context);

    assertEquals(List.of(WireFixtures.LISTED_IMAGE), page.items());
    assertEquals(WireFixtures.LIST_PAGINATION, page.pagination());
    assertEquals(WireFixtures.LIST_LINKS, page.links());
    assertTrue(page.hasNext());
    WIRE_MOCK.verify(1, common(getRequestedFor(urlEqualTo(IMAGES
            + "?page=2&size=5&orderBy=name%3Aasc&orderBy=creationDate%3Adesc&name=Ubuntu%20Custom"
            + "&standardImage=false&search=windows%20or%20Debian%20%26%20co%20%231%2B")), context)
        .withHeader("x-trace-id", equalTo("list-1"))
        .withoutHeader("Content-Type"));
    assertNoBodyFraming("a GET");
    assertEquals("", onlyRequest().getBodyAsString(), "a GET has no body");
  }

  @Test
  void retrieveImageListWithoutFiltersSendsNoQueryAndParsesAnEmptyPage() {
    stub(get(urlPathEqualTo(IMAGES)).willReturn(json(200, WireFixtures.EMPTY_LIST_BODY)));
    CallContext context = CallContext.create();

    Page<Image> page = port().retrieveImageList(ImageListQuery.all(), context);

    assertEquals(List.of(), page.items());
    assertFalse(page.hasNext());
    WIRE_MOCK.verify(1, common(getRequestedFor(urlEqualTo(IMAGES)), context)
        .withoutHeader("x-trace-id")
        .withoutHeader("Content-Type"));
  }

  @Test
  void retrieveImageSendsTheExactGetAndParsesEveryField() {
    stub(get(urlEqualTo(IMAGE)).willReturn(json(200, WireFixtures.IMAGE_BODY)));
    CallContext context = CallContext.create();

    Image image = port().retrieveImage(WireFixtures.IMAGE_ID, context);

    assertEquals(WireFixtures.IMAGE, image);
    assertTrue(image.isDownloading());
    WIRE_MOCK.verify(1, common(getRequestedFor(urlEqualTo(IMAGE)), context)
        .withoutHeader("x-trace-id")
        .withoutHeader("Content-Type"));
  }

  @Test
  void updateImageSendsTheExactPatch() {
    stub(patch(urlEqualTo(IMAGE)).willReturn(json(200, WireFixtures.REF_BODY)));
    CallContext context = CallContext.create().withTraceId("rename-7");

    ImageRef ref = port().updateImage(WireFixtures.IMAGE_ID,
        ImageUpdate.builder().name("Ubuntu Web").description("for the web tier").build(), context);

    assertEquals(ImageRef.builder()
        .imageId(WireFixtures.IMAGE_ID)
        .tenantId(TenantId.DE)
        .customerId(WireFixtures.CUSTOMER_ID)
        .build(), ref);
    WIRE_MOCK.verify(1, common(patchRequestedFor(urlEqualTo(IMAGE)), context)
        .withHeader("x-trace-id", equalTo("rename-7"))
        .withHeader("Content-Type", equalTo(JSON))
        .withRequestBody(equalToJson("""
            {"name": "Ubuntu Web", "description": "for the web tier"}
            """)));
  }

  @Test
  void updateImageSendsOnlyTheFieldsThatChange() {
    stub(patch(urlEqualTo(IMAGE)).willReturn(json(200, WireFixtures.REF_BODY)));
    CallContext context = CallContext.create();

    port().updateImage(WireFixtures.IMAGE_ID, ImageUpdate.rename("Ubuntu Web"), context);

    WIRE_MOCK.verify(1, common(patchRequestedFor(urlEqualTo(IMAGE)), context)
        .withRequestBody(equalToJson("""
            {"name": "Ubuntu Web"}
            """)));
  }

  @Test
  void deleteImageSendsTheExactDeleteWithoutABody() {
    stub(delete(urlEqualTo(IMAGE)).willReturn(aResponse().withStatus(204)));
    CallContext context = CallContext.create().withTraceId("cleanup");

    port().deleteImage(WireFixtures.IMAGE_ID, context);

    WIRE_MOCK.verify(1, common(deleteRequestedFor(urlEqualTo(IMAGE)), context)
        .withHeader("x-trace-id", equalTo("cleanup"))
        .withoutHeader("Content-Type"));
    assertNoBodyFraming("a DELETE");
    assertEquals("", onlyRequest().getBodyAsString(), "a DELETE has no body");
  }

  @Test
  void retrieveCustomImagesStatsSendsTheExactGetAndParsesTheStats() {
    stub(get(urlEqualTo(IMAGES + "/stats")).willReturn(json(200, WireFixtures.STATS_BODY)));
    CallContext context = CallContext.create();

    assertEquals(WireFixtures.STATS, port().retrieveCustomImagesStats(context));

    WIRE_MOCK.verify(1, common(getRequestedFor(urlEqualTo(IMAGES + "/stats")), context)
        .withoutHeader("Content-Type"));
  }

  @Test
  void retrieveImageAuditsListEncodesEveryFilterAndParsesTheEntries() {
    stub(get(urlPathEqualTo(IMAGES + "/audits")).willReturn(json(200, WireFixtures.AUDITS_BODY)));
    CallContext context = CallContext.create();
    AuditQuery query = AuditQuery.builder()
        .page(1)
        .size(20)
        .orderBy(SortOrder.desc("timestamp"))
        .imageId(WireFixtures.IMAGE_ID)
        .requestId("04e0f898-37b4-48bc-a794-1a57abe6aa31")
        .changedBy("c4c800ff-e524-47dd-9543-71dfc8b91113")
        .startDate(LocalDate.of(2024, 5, 1))
        .endDate(LocalDate.of(2024, 5, 31))
        .build();

    Page<AuditEntry> page = port().retrieveImageAuditsList(query, context);

    assertEquals(List.of(WireFixtures.AUDIT), page.items());
    assertTrue(page.items().get(0).madeBy("04e0f898-37b4-48bc-a794-1a57abe6aa31"));
    assertFalse(page.hasNext());
    WIRE_MOCK.verify(1, common(getRequestedFor(urlEqualTo(IMAGES + "/audits"
            + "?page=1&size=20&orderBy=timestamp%3Adesc&imageId=img-7f3a"
            + "&requestId=04e0f898-37b4-48bc-a794-1a57abe6aa31&changedBy=c4c800ff-e524-47dd-9543-71dfc8b91113"
            + "&startDate=2024-05-01&endDate=2024-05-31")), context)
        .withoutHeader("Content-Type"));
  }

  @Test
  void theClientWideTraceIdIsSentAndACallsOwnTraceIdWins() {
    stub(get(urlEqualTo(IMAGES + "/stats")).willReturn(json(200, WireFixtures.STATS_BODY)));
    ImagesPort port = port(WIRE_MOCK.baseUrl(), TokenSource.fixed(TOKEN), "client-wide");

    port.retrieveCustomImagesStats(CallContext.create());
    port.retrieveCustomImagesStats(CallContext.create().withTraceId("per-call"));

    List<LoggedRequest> requests = WIRE_MOCK.findAll(anyRequestedFor(anyUrl()));
    assertEquals(2, requests.size());
    assertEquals("client-wide", requests.get(0).getHeader("x-trace-id"));
    assertEquals("per-call", requests.get(1).getHeader("x-trace-id"));
  }

  @Test
  void everyCallSendsAFreshRequestIdAndACallerChosenOneIsUsedAsIs() {
    stub(get(urlEqualTo(IMAGES + "/stats")).willReturn(json(200, WireFixtures.STATS_BODY)));
    ImagesPort port = port();
    String chosen = "04e0f898-37b4-48bc-a794-1a57abe6aa31";
    CallContext first = CallContext.create();
    CallContext second = CallContext.create();
    CallContext third = CallContext.create().withRequestId(chosen);

    port.retrieveCustomImagesStats(first);
    port.retrieveCustomImagesStats(second);
    port.retrieveCustomImagesStats(third);

    List<String> sent = WIRE_MOCK.findAll(anyRequestedFor(anyUrl())).stream()
        .map(r -> r.getHeader("x-request-id"))
        .toList();
    assertEquals(List.of(first.lastRequestId().orElseThrow(), second.lastRequestId().orElseThrow(), chosen), sent);
    assertNotEquals(sent.get(0), sent.get(1));
    sent.forEach(id -> assertTrue(Checks.REQUEST_ID.matcher(id).matches(), id));
    assertEquals(List.of(chosen), third.requestIds());
  }

  @Test
  void theTokenSourceIsAskedOnEveryCall() {
    stub(get(urlEqualTo(IMAGES + "/stats")).willReturn(json(200, WireFixtures.STATS_BODY)));
    int[] calls = {0};
    ImagesPort port = port(WIRE_MOCK.baseUrl(), () -> "rotated-token-" + (++calls[0]), null);

    port.retrieveCustomImagesStats();
    port.retrieveCustomImagesStats();

    List<String> auth = WIRE_MOCK.findAll(anyRequestedFor(anyUrl())).stream()
        .map(r -> r.getHeader("Authorization"))
        .toList();
    assertEquals(List.of("Bearer rotated-token-1", "Bearer rotated-token-2"), auth);
  }

  // ================================================================ error statuses and bodies

  /** Each error status maps to its exception type, with the message, ids and delivery. */
  @TestFactory
  Stream<DynamicTest> eachErrorStatusMapsToItsExceptionType() {
    Map<Integer, Class<? extends ImagesServiceException>> expected = new LinkedHashMap<>();
    expected.put(400, BadRequestException.class);
    expected.put(401, AuthenticationException.class);
    expected.put(403, PermissionDeniedException.class);
    expected.put(404, ImageNotFoundException.class);
    expected.put(409, ConflictException.class);
    expected.put(415, UnsupportedImageFormatException.class);
    expected.put(429, RateLimitedException.class);
    expected.put(500, ServerErrorException.class);
    expected.put(502, ServerErrorException.class);
    expected.put(503, ServerErrorException.class);
    expected.put(504, ServerErrorException.class);
    expected.put(418, ImagesServiceException.class);
    return expected.entrySet().stream().map(entry -> isolated("HTTP " + entry.getKey(), () -> {
      int status = entry.getKey();
      stub(get(urlEqualTo(IMAGE)).willReturn(
          json(status, "{\"statusCode\": " + status + ", \"message\": \"status " + status + " said no\"}")));
      CallContext context = CallContext.create().withTraceId("errors");

      ImagesServiceException e =
          assertThrows(ImagesServiceException.class, () -> port().retrieveImage(WireFixtures.IMAGE_ID, context));

      assertEquals(entry.getValue(), e.getClass());
      assertServiceFailure(e, status, "status " + status + " said no", ImagesOperation.RETRIEVE_IMAGE, context);
      assertEquals("errors", e.traceId().orElseThrow());
      assertEquals(java.util.Optional.empty(), e.retryAfter());
      WIRE_MOCK.verify(1, anyRequestedFor(anyUrl()));
    }));
  }

  /** Each shape of error body yields one short message, never the raw body. */
  @TestFactory
  Stream<DynamicTest> eachErrorBodyShapeYieldsAShortMessage() {
    record Shape(String name, int status, String contentType, String body, String message) {}
    return Stream.of(
            new Shape("string message", 400, JSON, "{\"statusCode\": 400, \"message\": \"name must be set\"}",
                "name must be set"),
            new Shape("array message", 400, JSON,
                "{\"statusCode\": 400, \"message\": [\"name must be set\", \"url must be a URL\"]}",
                "name must be set; url must be a URL"),
            new Shape("HTML from a proxy", 502, "text/html",
                "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
                "HTTP 502 with a non-JSON body (89 bytes): <html><head><title>502 Bad Gateway</title></head>"
                    + "<body><h1>Bad Gateway</h1></body></html>"),
            new Shape("plain text", 503, "text/plain", "upstream down", "HTTP 503 with a non-JSON body (13 bytes): upstream down"),
            new Shape("empty body", 500, JSON, "", "HTTP 500 with an empty body"))
        .map(shape -> isolated(shape.name(), () -> {
          stub(get(urlEqualTo(IMAGES + "/stats")).willReturn(
              aResponse().withStatus(shape.status()).withHeader("Content-Type", shape.contentType()).withBody(shape.body())));
          CallContext context = CallContext.create();

          ImagesServiceException e =
              assertThrows(ImagesServiceException.class, () -> port().retrieveCustomImagesStats(context));

          assertServiceFailure(e, shape.status(), shape.message(), ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, context);
        }));
  }

  @Test
  void anOverlongServiceMessageIsTruncated() {
    String longMessage = "x".repeat(2000);
    stub(get(urlEqualTo(IMAGE)).willReturn(json(400, "{\"statusCode\": 400, \"message\": \"" + longMessage + "\"}")));

    BadRequestException e = assertThrows(BadRequestException.class, () -> port().retrieveImage(WireFixtures.IMAGE_ID));

    assertEquals("x".repeat(500) + "…", e.serviceMessage());
  }

  @Test
  void rateLimitedCarriesRetryAfterSeconds() {
    stub(get(urlPathEqualTo(IMAGES)).willReturn(
        json(429, "{\"statusCode\": 429, \"message\": \"Too Many Requests\"}").withHeader("Retry-After", "7")));

    RateLimitedException e = assertThrows(RateLimitedException.class, () -> port().retrieveImageList(ImageListQuery.all()));

    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertEquals(429, e.statusCode());
    WIRE_MOCK.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void rateLimitedCarriesRetryAfterAsAnHttpDate() {
    String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
    stub(get(urlPathEqualTo(IMAGES)).willReturn(
        json(429, "{\"statusCode\": 429, \"message\": \"Too Many Requests\"}").withHeader("Retry-After", inTwoMinutes)));

    RateLimitedException e = assertThrows(RateLimitedException.class, () -> port().retrieveImageList(ImageListQuery.all()));

    // An HTTP-date has one-second resolution and is measured against the client's clock.
    Duration retryAfter = e.retryAfter().orElseThrow();
    assertTrue(retryAfter.compareTo(Duration.ofSeconds(100)) > 0 && retryAfter.compareTo(Duration.ofSeconds(120)) <= 0,
        "retryAfter " + retryAfter);
  }

  @Test
  void aServerErrorWithRetryAfterInThePastWaitsZeroAndIsSentOnce() {
    stub(get(urlEqualTo(IMAGE)).willReturn(json(503, "{\"statusCode\": 503, \"message\": \"maintenance\"}")
        .withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")));

    ServerErrorException e = assertThrows(ServerErrorException.class, () -> port().retrieveImage(WireFixtures.IMAGE_ID));

    assertEquals(Duration.ZERO, e.retryAfter().orElseThrow());
    WIRE_MOCK.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void aServerErrorWithRetryAfterSecondsIsSentOnce() {
    stub(get(urlEqualTo(IMAGE)).willReturn(
        json(503, "{\"statusCode\": 503, \"message\": \"maintenance\"}").withHeader("Retry-After", "1")));

    ServerErrorException e = assertThrows(ServerErrorException.class, () -> port().retrieveImage(WireFixtures.IMAGE_ID));

    assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
    WIRE_MOCK.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void createWithAnUnsupportedFormatIsA415AsTheSpecDescribesIt() {
    stub(post(urlEqualTo(IMAGES)).willReturn(json(415, "{\"statusCode\": 415, \"message\": \"Unsupported Media Type\"}")));
    CallContext context = CallContext.create();

    UnsupportedImageFormatException e =
        assertThrows(UnsupportedImageFormatException.class, () -> port().createCustomImage(newImage(), context));

    assertServiceFailure(e, 415, "Unsupported Media Type", ImagesOperation.CREATE_CUSTOM_IMAGE, context);
  }

  @Test
  void createOverQuotaIsAConflictSentOnce() {
    stub(post(urlEqualTo(IMAGES)).willReturn(json(409, "{\"statusCode\": 409, \"message\": \"quota exceeded\"}")));
    CallContext context = CallContext.create();

    ConflictException e = assertThrows(ConflictException.class, () -> port().createCustomImage(newImage(), context));

    assertServiceFailure(e, 409, "quota exceeded", ImagesOperation.CREATE_CUSTOM_IMAGE, context);
    WIRE_MOCK.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void updatingAStandardImageIsPermissionDenied() {
    stub(patch(urlEqualTo(IMAGE)).willReturn(json(403, "{\"statusCode\": 403, \"message\": \"standard image\"}")));
    CallContext context = CallContext.create();

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> port().updateImage(WireFixtures.IMAGE_ID, ImageUpdate.rename("x"), context));

    assertServiceFailure(e, 403, "standard image", ImagesOperation.UPDATE_IMAGE, context);
  }

  @Test
  void deletingAMissingImageIsNotFound() {
    stub(delete(urlEqualTo(IMAGE)).willReturn(json(404, "{\"statusCode\": 404, \"message\": \"Entry Image not found\"}")));
    CallContext context = CallContext.create();

    ImageNotFoundException e =
        assertThrows(ImageNotFoundException.class, () -> port().deleteImage(WireFixtures.IMAGE_ID, context));

    assertServiceFailure(e, 404, "Entry Image not found", ImagesOperation.DELETE_IMAGE, context);
  }

  // ================================================================ unusable 2xx answers

  /** A 2xx answer that cannot be used is a transport failure: the request may have been processed. */
  @TestFactory
  Stream<DynamicTest> anUnusable2xxBodyIsATransportFailure() {
    record Garbage(String name, String body, Failure failure) {}
    return Stream.of(
            new Garbage("not JSON", "<html>hello</html>", Failure.MALFORMED_RESPONSE),
            new Garbage("truncated JSON", "{\"data\": [{\"imageId\": \"img-7f", Failure.MALFORMED_RESPONSE),
            new Garbage("empty body", "", Failure.EMPTY_RESPONSE),
            new Garbage("empty data array", "{\"data\": [], \"_links\": {\"self\": \"/x\"}}", Failure.MALFORMED_RESPONSE))
        .map(garbage -> isolated(garbage.name(), () -> {
          expectOffSpecAnswers("a 2xx body the spec does not allow is the point of this test");
          stub(get(urlEqualTo(IMAGE)).willReturn(json(200, garbage.body())));
          CallContext context = CallContext.create();

          ImagesTransportException e =
              assertThrows(ImagesTransportException.class, () -> port().retrieveImage(WireFixtures.IMAGE_ID, context));

          assertEquals(garbage.failure(), e.failure());
          assertEquals(Delivery.MAYBE_PROCESSED, e.delivery());
          assertEquals(context.requestIds(), e.requestIds());
          WIRE_MOCK.verify(1, anyRequestedFor(anyUrl()));
        }));
  }

  // ================================================================ no answer at all

  @Test
  void aRefusedConnectionIsConnectFailedAndNotSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ImagesPort port = port("http://127.0.0.1:" + closedPort, TokenSource.fixed(TOKEN), null);
    CallContext context = CallContext.create();

    ImagesTransportException e =
        assertThrows(ImagesTransportException.class, () -> port.createCustomImage(newImage(), context));

    assertEquals(Failure.CONNECT_FAILED, e.failure());
    assertEquals(Delivery.NOT_SENT, e.delivery());
    assertEquals(context.requestIds(), e.requestIds());
    assertEquals(1, e.requestIds().size());
    assertFalse(e.getMessage().contains(TOKEN));
  }

  @Test
  void aResetOnAGetIsConnectionClosedAndMaybeProcessed() {
    assertNoAnswer(get(urlEqualTo(IMAGE)), Fault.CONNECTION_RESET_BY_PEER, getSendsWhenTheConnectionDiesBeforeTheFirstByte(),
        context -> port().retrieveImage(WireFixtures.IMAGE_ID, context), Failure.CONNECTION_CLOSED);
  }

  @Test
  void aResetOnAPostIsConnectionClosedMaybeProcessedAndSentOnce() {
    assertNoAnswer(post(urlEqualTo(IMAGES)), Fault.CONNECTION_RESET_BY_PEER, 1,
        context -> port().createCustomImage(newImage(), context), Failure.CONNECTION_CLOSED);
  }

  @Test
  void anEmptyResponseToAGetIsConnectionClosedAndMaybeProcessed() {
    assertNoAnswer(get(urlEqualTo(IMAGE)), Fault.EMPTY_RESPONSE, getSendsWhenTheConnectionDiesBeforeTheFirstByte(),
        context -> port().retrieveImage(WireFixtures.IMAGE_ID, context), Failure.CONNECTION_CLOSED);
  }

  @Test
  void anEmptyResponseToAPatchIsConnectionClosedMaybeProcessedAndSentOnce() {
    assertNoAnswer(patch(urlEqualTo(IMAGE)), Fault.EMPTY_RESPONSE, 1,
        context -> port().updateImage(WireFixtures.IMAGE_ID, ImageUpdate.rename("x"), context), Failure.CONNECTION_CLOSED);
  }

  @Test
  void aMalformedChunkIsAMalformedResponseSentOnce() {
    assertNoAnswer(get(urlPathEqualTo(IMAGES)), Fault.MALFORMED_RESPONSE_CHUNK, 1,
        context -> port().retrieveImageList(ImageListQuery.all(), context), Failure.MALFORMED_RESPONSE);
  }

  @Test
  void randomBytesInsteadOfAStatusLineAreAMalformedResponseSentOnce() {
    assertNoAnswer(delete(urlEqualTo(IMAGE)), Fault.RANDOM_DATA_THEN_CLOSE, 1,
        context -> port().deleteImage(WireFixtures.IMAGE_ID, context), Failure.MALFORMED_RESPONSE);
  }

  /**
   * How many times a {@code GET} reaches the server when its connection closes before the first
   * response byte (a reset or an empty response). The default, 1, is right for a transport that
   * never re-sends. The JDK's {@code HttpClient} re-sends such a {@code GET} once by itself, the
   * same request with the same {@code x-request-id}; its transport documents that and overrides
   * this with 2. Other methods are always expected once.
   *
   * @return the expected number of requests
   */
  protected int getSendsWhenTheConnectionDiesBeforeTheFirstByte() {
    return 1;
  }

  private static void assertNoAnswer(
      MappingBuilder mapping, Fault fault, int expectedSends, Consumer<CallContext> call, Failure failure) {
    stub(mapping.willReturn(aResponse().withFault(fault)));
    CallContext context = CallContext.create();

    ImagesTransportException e = assertThrows(ImagesTransportException.class, () -> call.accept(context));

    assertEquals(failure, e.failure(), e.getMessage());
    assertEquals(Delivery.MAYBE_PROCESSED, e.delivery(), "the request was sent: it may have been processed");
    assertEquals(context.requestIds(), e.requestIds());
    assertEquals(1, e.requestIds().size(), "one attempt");
    List<LoggedRequest> received = WIRE_MOCK.findAll(anyRequestedFor(anyUrl()));
    assertEquals(expectedSends, received.size(), "requests received");
    received.forEach(r -> assertEquals(e.requestIds().get(0), r.getHeader("x-request-id"), "x-request-id"));
    assertFalse(e.getMessage().contains(TOKEN));
  }

  // ================================================================ bad input reaches nothing

  /** Every rule for image ids, on every operation that takes one: rejected, and nothing sent. */
  @TestFactory
  Stream<DynamicTest> aBadImageIdReachesNothing() {
    List<String> badIds = List.of("../x", "..", ".", "stats", "STATS", "audits", "Audits", "a/b", "", " ", "a b",
        "a%2Fb", "a?b", "a#b", "é", "x".repeat(129));
    Map<String, Consumer<String>> operations = new LinkedHashMap<>();
    operations.put("retrieveImage", id -> port().retrieveImage(id));
    operations.put("updateImage", id -> port().updateImage(id, ImageUpdate.rename("x")));
    operations.put("deleteImage", id -> port().deleteImage(id));
    operations.put("audits by imageId", id -> port().retrieveImageAuditsList(AuditQuery.byImageId(id)));
    List<DynamicTest> tests = new ArrayList<>();
    operations.forEach((operation, call) -> {
      for (String id : badIds) {
        tests.add(isolated(operation + " [" + id.replace("x".repeat(129), "x*129") + "]",
            () -> assertRejected("imageId", () -> call.accept(id))));
      }
      if (!operation.startsWith("audits")) { // a null audit filter means "no filter"
        tests.add(isolated(operation + " [null]", () -> assertRejected("imageId", () -> call.accept(null))));
      }
    });
    return tests.stream();
  }

  /** Every rule for a create: rejected, and nothing sent. */
  @TestFactory
  Stream<DynamicTest> aBadCreateReachesNothing() {
    String url = "https://example.com/ubuntu.qcow2";
    record Bad(String name, String field, Executable make) {}
    return Stream.of(
            new Bad("blank name", "name", () -> CreateCustomImage.of(" ", url, OsType.LINUX, "22.04")),
            new Bad("null name", "name", () -> CreateCustomImage.of(null, url, OsType.LINUX, "22.04")),
            new Bad("name with LF", "name", () -> CreateCustomImage.of("a\nb", url, OsType.LINUX, "22.04")),
            new Bad("name too long", "name", () -> CreateCustomImage.of("n".repeat(256), url, OsType.LINUX, "22.04")),
            new Bad("description with NUL", "description",
                () -> CreateCustomImage.of("n", url, OsType.LINUX, "22.04").withDescription("a\u0000b")),
            new Bad("description too long", "description",
                () -> CreateCustomImage.of("n", url, OsType.LINUX, "22.04").withDescription("d".repeat(1025))),
            new Bad("ftp url", "url", () -> CreateCustomImage.of("n", "ftp://example.com/u.qcow2", OsType.LINUX, "1")),
            new Bad("relative url", "url", () -> CreateCustomImage.of("n", "/u.qcow2", OsType.LINUX, "1")),
            new Bad("url not .iso or .qcow2", "url", () -> CreateCustomImage.of("n", "https://example.com/u.img", OsType.LINUX, "1")),
            new Bad("url with user-info", "url",
                () -> CreateCustomImage.of("n", "https://user:pw@example.com/u.iso", OsType.LINUX, "1")),
            new Bad("url with a space", "url", () -> CreateCustomImage.of("n", "https://example.com/a b.iso", OsType.LINUX, "1")),
            new Bad("blank url", "url", () -> CreateCustomImage.of("n", "", OsType.LINUX, "1")),
            new Bad("osType not creatable", "osType", () -> CreateCustomImage.of("n", url, OsType.of("BSD"), "1")),
            new Bad("null osType", "osType", () -> CreateCustomImage.of("n", url, null, "1")),
            new Bad("blank version", "version", () -> CreateCustomImage.of("n", url, OsType.LINUX, "")))
        .map(bad -> isolated(bad.name(), () -> {
          ImagesPort port = port();
          assertRejected(bad.field(), () -> {
            bad.make().execute();
            port.createCustomImage(newImage()); // not reached: the bad request cannot be built
          });
        }));
  }

  /** Every rule for updates, queries and headers: rejected, and nothing sent. */
  @TestFactory
  Stream<DynamicTest> aBadUpdateQueryOrHeaderReachesNothing() {
    record Bad(String name, String field, Consumer<ImagesPort> call) {}
    return Stream.of(
            new Bad("update that changes nothing", "name", p -> p.updateImage(WireFixtures.IMAGE_ID, ImageUpdate.builder().build())),
            new Bad("update with blank name", "name", p -> p.updateImage(WireFixtures.IMAGE_ID, ImageUpdate.rename(""))),
            new Bad("update with BEL in description", "description",
                p -> p.updateImage(WireFixtures.IMAGE_ID, ImageUpdate.describe("a\u0007b"))),
            new Bad("list page 0", "page", p -> p.retrieveImageList(ImageListQuery.builder().page(0).build())),
            new Bad("list size 0", "size", p -> p.retrieveImageList(ImageListQuery.builder().size(0).build())),
            new Bad("list search with LF", "search", p -> p.retrieveImageList(ImageListQuery.builder().search("a\nb").build())),
            new Bad("list name too long", "name", p -> p.retrieveImageList(ImageListQuery.builder().name("n".repeat(256)).build())),
            new Bad("sort field with '&'", "orderBy", p -> p.retrieveImageList(ImageListQuery.builder().orderBy(SortOrder.asc("a&b")).build())),
            new Bad("audit page 0", "page", p -> p.retrieveImageAuditsList(AuditQuery.builder().page(0).build())),
            new Bad("audit endDate before startDate", "endDate", p -> p.retrieveImageAuditsList(
                AuditQuery.builder().startDate(LocalDate.of(2024, 5, 2)).endDate(LocalDate.of(2024, 5, 1)).build())),
            new Bad("audit changedBy with CR", "changedBy",
                p -> p.retrieveImageAuditsList(AuditQuery.builder().changedBy("a\rb").build())),
            new Bad("trace id with CR LF", "x-trace-id",
                p -> p.retrieveImage(WireFixtures.IMAGE_ID, CallContext.create().withTraceId("a\r\nX-Evil: 1"))),
            new Bad("trace id with NUL", "x-trace-id",
                p -> p.retrieveImage(WireFixtures.IMAGE_ID, CallContext.create().withTraceId("a\u0000"))),
            new Bad("trace id too long", "x-trace-id",
                p -> p.retrieveImage(WireFixtures.IMAGE_ID, CallContext.create().withTraceId("t".repeat(1025)))),
            new Bad("request id not a UUID", "x-request-id",
                p -> p.retrieveImage(WireFixtures.IMAGE_ID, CallContext.create().withRequestId("not-a-uuid"))))
        .map(bad -> isolated(bad.name(), () -> {
          stub(any(anyUrl()).willReturn(json(200, WireFixtures.REF_BODY)));
          ImagesPort port = port();
          assertRejected(bad.field(), () -> bad.call().accept(port));
        }));
  }

  @Test
  void aClientWideTraceIdWithCrLfIsRejectedWhenThePortIsBuilt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> port(WIRE_MOCK.baseUrl(), TokenSource.fixed(TOKEN), "a\r\nX-Evil: 1"));

    assertFalse(e instanceof InvalidRequestException, "a configuration error, not request input: " + e);
    assertTrue(e.getMessage().startsWith("traceId "), e.getMessage());
    assertNothingSent();
  }

  @Test
  void aTokenWithCrLfReachesNothingAndIsNotEchoed() {
    stub(any(anyUrl()).willReturn(json(200, WireFixtures.STATS_BODY)));
    ImagesPort port = port(WIRE_MOCK.baseUrl(), () -> "secret-token\r\nX-Evil: 1", null);

    InvalidRequestException e = assertThrows(InvalidRequestException.class, port::retrieveCustomImagesStats);

    assertEquals("accessToken", e.field());
    assertFalse(e.getMessage().contains("secret-token"), e.getMessage());
    assertNothingSent();
  }

  private static void assertRejected(String field, Executable call) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
    assertEquals(field, e.field(), e.getMessage());
    assertNothingSent();
  }
}
