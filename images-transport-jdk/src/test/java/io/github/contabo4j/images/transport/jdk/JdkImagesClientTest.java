package io.github.contabo4j.images.transport.jdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only the JDK transport does: its one HttpClient, lifecycle, user agent, timeouts, redirects. */
class JdkImagesClientTest {

  @RegisterExtension
  static final WireMockExtension WIRE_MOCK = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true))
      .build();

  private static final String STATS = "/v1/compute/images/stats";
  private static final String STATS_BODY = "{\"data\": [{\"tenantId\": \"DE\", \"customerId\": \"54321\","
      + " \"currentImagesCount\": 4, \"totalSizeMb\": 102400, \"usedSizeMb\": 55000, \"freeSizeMb\": 47400}],"
      + " \"_links\": {\"self\": \"/v1/compute/images/stats\"}}";

  private static JdkImagesClient.Builder builder() {
    return JdkImagesClient.builder().baseUri(WIRE_MOCK.baseUrl()).token(TestSecrets.ACCESS_TOKEN).resilience(ResiliencePolicy.none());
  }

  private static void stubStats() {
    WIRE_MOCK.stubFor(get(urlEqualTo(STATS))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(STATS_BODY)));
  }

  @Test
  void theDefaultUserAgentNamesTheLibraryAndItsVersion() {
    stubStats();
    try (JdkImagesClient client = builder().build()) {
      client.retrieveCustomImagesStats();
    }
    WIRE_MOCK.verify(1, getRequestedFor(urlEqualTo(STATS))
        .withHeader("User-Agent", equalTo("contabo4j-images/0.1.0 java.net.http")));
  }

  @Test
  void aCustomUserAgentIsSent() {
    stubStats();
    try (JdkImagesClient client = builder().userAgent("inventory-sync/2.3").build()) {
      client.retrieveCustomImagesStats();
    }
    WIRE_MOCK.verify(1, getRequestedFor(urlEqualTo(STATS)).withHeader("User-Agent", equalTo("inventory-sync/2.3")));
  }

  @Test
  void aBaseUriPathPrefixIsKept() {
    WIRE_MOCK.stubFor(get(urlEqualTo("/gateway" + STATS))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(STATS_BODY)));
    try (JdkImagesClient client = builder().baseUri(WIRE_MOCK.baseUrl() + "/gateway/").build()) {
      assertThat(client.retrieveCustomImagesStats().currentImagesCount()).isEqualTo(4);
    }
  }

  @Test
  void aSlowAnswerIsATimeoutAfterRequestTimeout() {
    // Real time, because a socket needs it: 100 ms allowed, the answer would take 300 ms.
    WIRE_MOCK.stubFor(get(urlEqualTo(STATS)).willReturn(aResponse().withFixedDelay(300).withBody(STATS_BODY)));
    CallContext context = CallContext.create();
    try (JdkImagesClient client = builder().requestTimeout(Duration.ofMillis(100)).build()) {
      assertThatThrownBy(() -> client.retrieveCustomImagesStats(context))
          .isInstanceOfSatisfying(ImagesTransportException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
            assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
            assertThat(e.requestIds()).isEqualTo(context.requestIds()).hasSize(1);
          });
    }
    WIRE_MOCK.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void aSlowAnswerToAPostIsATimeoutSentOnce() {
    WIRE_MOCK.stubFor(post(urlEqualTo("/v1/compute/images")).willReturn(aResponse().withFixedDelay(300).withStatus(201)));
    try (JdkImagesClient client = builder().requestTimeout(Duration.ofMillis(100)).build()) {
      assertThatThrownBy(() -> client.createCustomImage(
              CreateCustomImage.of("n", "https://example.com/a.iso", OsType.LINUX, "1")))
          .isInstanceOfSatisfying(ImagesTransportException.class,
              e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT));
    }
    WIRE_MOCK.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void theJdksOwnResendOfAGetCarriesTheSameRequestId() {
    WIRE_MOCK.stubFor(get(urlEqualTo(STATS)).willReturn(
        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)));
    CallContext context = CallContext.create();
    try (JdkImagesClient client = builder().build()) {
      assertThatThrownBy(() -> client.retrieveCustomImagesStats(context)).isInstanceOf(ImagesTransportException.class);
    }
    assertThat(WIRE_MOCK.findAll(anyRequestedFor(anyUrl())))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.getHeader("x-request-id")).isEqualTo(context.lastRequestId().orElseThrow()));
    assertThat(context.requestIds()).hasSize(1);
  }

  @Test
  void redirectsAreNeverFollowed() {
    WIRE_MOCK.stubFor(get(urlEqualTo(STATS))
        .willReturn(aResponse().withStatus(302).withHeader("Location", WIRE_MOCK.baseUrl() + "/elsewhere")));
    try (JdkImagesClient client = builder().build()) {
      assertThatThrownBy(client::retrieveCustomImagesStats)
          .isInstanceOfSatisfying(ImagesServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    }
    WIRE_MOCK.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void aClosedClientFailsClearlyAndSendsNothing() {
    JdkImagesClient client = builder().build();
    client.close();
    client.close(); // idempotent

    for (Runnable call : new Runnable[] {
        client::retrieveCustomImagesStats,
        () -> client.retrieveImage("img-1"),
        () -> client.retrieveImageList(ImageListQuery.all()),
        () -> client.updateImage("img-1", ImageUpdate.rename("x")),
        () -> client.deleteImage("img-1"),
        () -> client.retrieveImageAuditsList(AuditQuery.all()),
        () -> client.createCustomImage(CreateCustomImage.of("n", "https://example.com/a.iso", OsType.LINUX, "1"))}) {
      assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class).hasMessage("JdkImagesClient is closed");
    }
    assertThat(client.toString()).contains("closed");
    assertThat(WIRE_MOCK.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void closingLeavesACallerSuppliedHttpClientAndExecutorOpen() throws Exception {
    stubStats();
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      HttpClient own = HttpClient.newBuilder().executor(executor).build();
      try (JdkImagesClient client = builder().httpClient(own).build()) {
        client.retrieveCustomImagesStats();
      }

      HttpResponse<String> stillWorks = own.send(
          HttpRequest.newBuilder(URI.create(WIRE_MOCK.baseUrl() + STATS)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(stillWorks.statusCode()).isEqualTo(200);
      assertThat(executor.isShutdown()).isFalse();

      try (JdkImagesClient client = builder().executor(executor).build()) {
        client.retrieveCustomImagesStats();
      }
      assertThat(executor.isShutdown()).isFalse();
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * One HttpClient per adapter: three calls on one client share one kept-alive connection, where a
   * client per call would open three. Counted on a minimal HTTP/1.1 server, since WireMock does not
   * report connections.
   */
  @Test
  void oneHttpClientServesEveryCallOverOneConnection() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> acceptKeepAlive(server, connections), "keep-alive-server");
      acceptor.setDaemon(true);
      acceptor.start();
      try (JdkImagesClient client = JdkImagesClient.builder()
          .baseUri("http://127.0.0.1:" + server.getLocalPort())
          .token(TestSecrets.ACCESS_TOKEN)
          .build()) {
        HttpClient first = client.httpClient();
        for (int i = 0; i < 3; i++) {
          assertThat(client.retrieveCustomImagesStats().freeSizeMb()).isEqualTo(47400);
        }
        assertThat(client.httpClient()).isSameAs(first);
      }
    }
    assertThat(connections.get()).isEqualTo(1);
  }

  private static void acceptKeepAlive(ServerSocket server, AtomicInteger connections) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        Thread worker = new Thread(() -> serveStats(socket), "keep-alive-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return; // the server socket was closed
      }
    }
  }

  /** Answers every GET on the connection with the stats body, keeping the connection open. */
  private static void serveStats(Socket socket) {
    byte[] body = STATS_BODY.getBytes(StandardCharsets.UTF_8);
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    try (socket;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
      OutputStream out = socket.getOutputStream();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) { // end of a request head; GETs carry no body
          out.write(head);
          out.write(body);
          out.flush();
        }
      }
    } catch (IOException e) {
      // the client closed the connection
    }
  }
}
