package io.github.contabo4j.images.tck.transport;

import static io.github.contabo4j.images.tck.transport.RawHttpServer.concat;
import static io.github.contabo4j.images.tck.transport.RawHttpServer.head;
import static io.github.contabo4j.images.tck.transport.RawHttpServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a transport does with answers a hostile or broken server sends, byte for byte, from a {@link
 * RawHttpServer}: bodies far larger than the response-size limit (declared, chunked, close-delimited),
 * lying {@code Content-Length}s, a gzip bomb, bytes past a body, a pooled connection the server has
 * closed, an oversized error body, and an answer about another image. Every transport extends this
 * class with the one hook {@link #newClient}.
 *
 * <pre>{@code
 * class JdkHostileAnswersTest extends HostileAnswersContract {
 *   @Override
 *   protected ImagesPort newClient(String baseUri, int maxResponseBytes, ResiliencePolicy policy, Sleeper sleeper) {
 *     return JdkImagesClient.builder().baseUri(baseUri).token("t").maxResponseBytes(maxResponseBytes)
 *         .resilience(policy).sleeper(sleeper).build();
 *   }
 * }
 * }</pre>
 *
 * <p>The limit in these tests is {@value #LIMIT} bytes, so a body 16 to 512 times the limit proves the
 * bound while moving at most a few tens of MB. Run it in a small heap ({@code -Xmx128m}): a transport
 * that allocates what {@code Content-Length} declares, or buffers what arrives, dies there.
 */
public abstract class HostileAnswersContract {
  /** The response-size limit every client here is built with: 64 KiB. */
  protected static final int LIMIT = 64 * 1024;

  private static final String IMAGES = "/v1/compute/images";
  private static final String AUDITS = IMAGES + "/audits";
  private static final int MOST_SENT = 512 * LIMIT; // 32 MiB: a bound on what a server here ever writes
  private static final Sleeper NO_WAIT = duration -> { };

  private final List<AutoCloseable> opened = new ArrayList<>();

  /**
   * The hook: the transport's client, built as a user would, with this limit, policy and sleeper,
   * any fixed token, and nothing else changed. The suite closes it after the test.
   *
   * @param baseUri the raw server's base URI
   * @param maxResponseBytes the builder's {@code maxResponseBytes}
   * @param policy the resilience policy
   * @param sleeper the resilience layer's sleeper
   * @return the client
   */
  protected abstract ImagesPort newClient(String baseUri, int maxResponseBytes, ResiliencePolicy policy, Sleeper sleeper);

  @AfterEach
  void closeOpened() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  private RawHttpServer server(RawHttpServer.Handler handler) throws IOException {
    RawHttpServer server = new RawHttpServer(handler);
    opened.add(server);
    return server;
  }

  private ImagesPort client(RawHttpServer server, ResiliencePolicy policy) {
    ImagesPort port = newClient(server.baseUri(), LIMIT, policy, NO_WAIT);
    if (port instanceof AutoCloseable) {
      opened.add((AutoCloseable) port);
    }
    return port;
  }

  private static String image(String id) {
    return "{\"data\": [{\"imageId\": \"" + id + "\", \"tenantId\": \"DE\", \"customerId\": \"54321\","
        + " \"name\": \"Ubuntu Custom\", \"description\": \"d\", \"url\": \"https://example.com/u.qcow2\","
        + " \"sizeMb\": 2048, \"uploadedSizeMb\": 1024, \"osType\": \"Linux\", \"version\": \"22.04\","
        + " \"format\": \"qcow2\", \"status\": \"downloaded\", \"errorMessage\": \"\", \"standardImage\": false,"
        + " \"creationDate\": \"2024-05-01T10:00:00Z\", \"lastModifiedDate\": \"2024-05-01T10:05:00Z\"}],"
        + " \"_links\": {\"self\": \"/v1/compute/images/" + id + "\"}}";
  }

  private static String ref(String id) {
    return "{\"data\": [{\"imageId\": \"" + id + "\", \"tenantId\": \"DE\", \"customerId\": \"54321\"}],"
        + " \"_links\": {\"self\": \"/v1/compute/images/" + id + "\"}}";
  }

  private static CreateCustomImage newImage() {
    return CreateCustomImage.of("Ubuntu Custom", "https://example.com/images/ubuntu.qcow2", OsType.LINUX, "22.04");
  }

  /** Writes filler until {@link #MOST_SENT} bytes or the client goes away; returns what it wrote. */
  private static long flood(RawHttpServer.Exchange exchange, boolean chunked) {
    byte[] filler = new byte[16 * 1024];
    Arrays.fill(filler, (byte) ' ');
    byte[] chunk = chunked ? concat(("4000\r\n").getBytes(StandardCharsets.US_ASCII), filler, "\r\n".getBytes(
        StandardCharsets.US_ASCII)) : filler;
    long written = 0;
    try {
      String start = "{\"data\": ["; // 10 bytes: chunk size a
      exchange.write((chunked ? "a\r\n" + start + "\r\n" : start).getBytes(StandardCharsets.US_ASCII));
      while (written < MOST_SENT) {
        exchange.write(chunk);
        written += filler.length;
      }
    } catch (IOException e) {
      // the client stopped reading and closed the connection: what we want
    }
    exchange.close();
    return written;
  }

  private static ImagesTransportException transportFailure(Class<? extends Throwable> type, Throwable thrown) {
    assertTrue(type.isInstance(thrown), () -> "expected " + type.getSimpleName() + " but got " + thrown);
    return (ImagesTransportException) thrown;
  }

  // ================================================================ too large

  @Test
  void theLimitHasAFloorAndTheRejectionNamesTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> newClient("http://127.0.0.1:9", 1023, ResiliencePolicy.none(), NO_WAIT));

    assertFalse(e instanceof InvalidRequestException, "a configuration error, not request input: " + e);
    assertTrue(e.getMessage().startsWith("maxResponseBytes ") && e.getMessage().contains("1024"), e.getMessage());
  }

  @Test
  void aBodyWhoseContentLengthExceedsTheLimitFailsAtOnceAndIsNotRetried() throws Exception {
    // 70 bytes that claim 2,000,000,000: allocating the claim is an instant OutOfMemoryError.
    RawHttpServer server = server((request, exchange) -> {
      exchange.write(concat(head("200 OK", "Content-Type", "application/json", "Content-Length", "2000000000"),
          "{\"data\": [{\"imageId\": \"img-1\", \"tenantId\": \"DE\", \"customerId\": \"54321\"".getBytes(
              StandardCharsets.US_ASCII)));
      exchange.close();
    });
    ImagesPort port = client(server, ResiliencePolicy.defaults());

    ImagesTransportException e = assertThrows(ImagesTransportException.class, () -> port.retrieveImage("img-1"));

    assertEquals(Failure.RESPONSE_TOO_LARGE, e.failure());
    assertEquals(Delivery.MAYBE_PROCESSED, e.delivery());
    assertTrue(e.getMessage().contains(String.valueOf(LIMIT)), e.getMessage());
    assertTrue(e.getMessage().contains("maxResponseBytes"), e.getMessage());
    assertTrue(e.getMessage().contains("2000000000"), e.getMessage());
    assertEquals(1, server.count("GET", IMAGES + "/img-1"), "the same server would send the same body: not retried");
  }

  @Test
  void aChunkedListPageLargerThanTheLimitIsCutThereAndNamesThePageSize() throws Exception {
    CountDownLatch flooded = new CountDownLatch(1);
    AtomicLong written = new AtomicLong();
    RawHttpServer server = server((request, exchange) -> {
      exchange.write(head("200 OK", "Content-Type", "application/json", "Transfer-Encoding", "chunked"));
      written.set(flood(exchange, true));
      flooded.countDown();
    });
    ImagesPort port = client(server, ResiliencePolicy.defaults());

    ImagesTransportException e = assertThrows(ImagesTransportException.class,
        () -> port.retrieveImageList(ImageListQuery.builder().size(100).build()));

    assertEquals(Failure.RESPONSE_TOO_LARGE, e.failure());
    assertTrue(e.getMessage().contains("size=100"), e.getMessage());
    assertTrue(e.getMessage().contains("maxResponseBytes"), e.getMessage());
    assertEquals(1, server.count("GET", IMAGES), "not retried");
    assertTrue(flooded.await(20, TimeUnit.SECONDS), "the client closed the connection");
    assertTrue(written.get() < MOST_SENT, "the client stopped reading after about the limit, not after "
        + written.get() + " bytes");
  }

  @Test
  void aCloseDelimitedCreateAnswerLargerThanTheLimitIsReconciledNotResent() throws Exception {
    RawHttpServer server = server((request, exchange) -> {
      if (request.method().equals("POST")) {
        exchange.write(head("201 Created", "Content-Type", "application/json", "Connection", "close"));
        flood(exchange, false);
      } else if (request.path().equals(AUDITS)) {
        String requestId = requestIdAskedFor(request);
        exchange.write(json("200 OK", auditCreated(requestId)));
      } else {
        exchange.write(json("404 Not Found", "{\"statusCode\": 404, \"message\": \"no\"}"));
      }
    });
    ImagesPort port = client(server, ResiliencePolicy.defaults());

    CreatedImage created = port.createCustomImage(newImage());

    assertEquals("img-new", created.imageId());
    assertTrue(created.reconciled(), "the answer was too large, so the audit log settled the create");
    assertEquals(1, server.count("POST", IMAGES), "a create is never re-sent");
    assertTrue(server.count("GET", AUDITS) >= 1, "reconciliation ran");
  }

  /** The request id the audit lookup asks about (the create's), from its query. */
  private static String requestIdAskedFor(RawHttpServer.Request request) {
    String target = request.target();
    int at = target.indexOf("requestId=");
    String rest = target.substring(at + "requestId=".length());
    int end = rest.indexOf('&');
    return end < 0 ? rest : rest.substring(0, end);
  }

  private static String auditCreated(String requestId) {
    return "{\"data\": [{\"id\": 1, \"action\": \"CREATED\", \"timestamp\": \"2024-05-02T08:30:00.177Z\","
        + " \"tenantId\": \"DE\", \"customerId\": \"54321\", \"changedBy\": \"c4c800ff\", \"username\": \"J\","
        + " \"requestId\": \"" + requestId + "\", \"traceId\": \"\", \"imageId\": \"img-new\", \"changes\": {}}],"
        + " \"_links\": {\"self\": \"/v1/compute/images/audits?page=1\"},"
        + " \"_pagination\": {\"page\": 1, \"size\": 10, \"totalElements\": 1, \"totalPages\": 1}}";
  }

  @Test
  void aGzipBombIsNeitherAskedForNorInflated() throws Exception {
    // 16 times the limit in zeros, a few hundred bytes compressed.
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new byte[16 * LIMIT]);
    }
    byte[] bomb = gz.toByteArray();
    RawHttpServer server = server((request, exchange) -> exchange.write(concat(head("200 OK",
        "Content-Type", "application/json", "Content-Encoding", "gzip", "Content-Length", String.valueOf(bomb.length)),
        bomb)));
    ImagesPort port = client(server, ResiliencePolicy.none());

    ImagesTransportException e = assertThrows(ImagesTransportException.class, () -> port.retrieveImage("img-1"));

    assertNull(server.requests().get(0).headers().get("accept-encoding"), "no compression is asked for");
    assertEquals(Failure.MALFORMED_RESPONSE, e.failure(), "the bytes are used as they came: not JSON, never inflated");
  }

  // ================================================================ lying lengths, stray bytes

  @Test
  void aContentLengthLargerThanWhatArrivesIsNoAnswer() throws Exception {
    RawHttpServer server = server((request, exchange) -> {
      byte[] body = image("img-1").getBytes(StandardCharsets.UTF_8);
      exchange.write(concat(head("200 OK", "Content-Type", "application/json", "Content-Length",
          String.valueOf(body.length + 500)), body));
      exchange.close();
    });
    ImagesPort port = client(server, ResiliencePolicy.none());

    ImagesTransportException e = assertThrows(ImagesTransportException.class, () -> port.retrieveImage("img-1"));

    assertNotEquals(Failure.RESPONSE_TOO_LARGE, e.failure(), "within the limit: the body was cut short");
    assertEquals(Delivery.MAYBE_PROCESSED, e.delivery());
  }

  @Test
  void bytesPastTheDeclaredLengthNeverBecomeTheNextCallsAnswer() throws Exception {
    // The first answer's Content-Length covers its JSON only; a whole second answer, about img-1,
    // follows on the same connection. Reused, that connection would answer the next call with it.
    RawHttpServer server = server((request, exchange) -> {
      String id = request.path().substring(IMAGES.length() + 1);
      if (id.equals("img-1")) {
        exchange.write(concat(json("200 OK", image("img-1")), json("200 OK", image("img-1"))));
      } else {
        exchange.write(json("200 OK", image(id)));
      }
    });
    ImagesPort port = client(server, ResiliencePolicy.none());

    assertEquals("img-1", port.retrieveImage("img-1").imageId());
    assertEquals("img-2", port.retrieveImage("img-2").imageId());

    // The transport closed that connection (Apache) or dropped the stray bytes with the answer (the
    // JDK client discards what follows a body): either way the call was sent and got its own answer.
    assertEquals(1, server.count("GET", IMAGES + "/img-2"), "the second call was sent and answered");
  }

  @Test
  void anAnswerNamingAnotherImageIsMalformed() throws Exception {
    RawHttpServer server = server((request, exchange) -> exchange.write(
        json("200 OK", request.method().equals("PATCH") ? ref("img-1") : image("img-1"))));
    ImagesPort port = client(server, ResiliencePolicy.none());

    ImagesTransportException get = assertThrows(ImagesTransportException.class, () -> port.retrieveImage("img-2"));
    ImagesTransportException patch = assertThrows(ImagesTransportException.class,
        () -> port.updateImage("img-2", ImageUpdate.rename("x")));

    assertEquals(Failure.MALFORMED_RESPONSE, get.failure());
    assertTrue(get.getMessage().contains("img-1") && get.getMessage().contains("img-2"), get.getMessage());
    assertEquals(Failure.MALFORMED_RESPONSE, patch.failure());
  }

  // ================================================================ stale connections

  @Test
  void aCreateIsNeverSentOverAPooledConnectionTheServerClosed() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    RawHttpServer server = server((request, exchange) -> {
      if (request.method().equals("GET") && request.path().startsWith(IMAGES + "/img-")) {
        exchange.write(json("200 OK", image("img-1")));
        exchange.close(); // keep-alive was promised; the server drops the idle connection at once
        closed.countDown();
      } else if (request.method().equals("POST")) {
        exchange.write(json("201 Created", ref("img-new")));
      } else {
        exchange.write(json("200 OK", "{\"data\": [], \"_links\": {\"self\": \"/v1/compute/images/audits\"}}"));
      }
    });
    ImagesPort port = client(server, ResiliencePolicy.defaults());
    port.retrieveImage("img-1");
    assertTrue(closed.await(5, TimeUnit.SECONDS));

    CreatedImage created = port.createCustomImage(newImage());

    assertEquals("img-new", created.imageId());
    assertFalse(created.reconciled());
    assertEquals(1, server.count("POST", IMAGES), "created once");
    assertEquals(0, server.count("GET", AUDITS), "no audit lookup: the create never met the dead connection");
  }

  // ================================================================ error bodies

  @Test
  void anOversizedErrorBodyIsCutAndItsConnectionClosed() throws Exception {
    byte[] huge = ("{\"statusCode\": 503, \"message\": \"" + "x".repeat(16 * LIMIT) + "\"}")
        .getBytes(StandardCharsets.US_ASCII);
    AtomicLong answered = new AtomicLong();
    RawHttpServer server = server((request, exchange) -> {
      if (answered.getAndIncrement() == 0) {
        try {
          exchange.write(concat(head("503 Service Unavailable", "Content-Type", "application/json",
              "Content-Length", String.valueOf(huge.length)), huge));
        } catch (IOException e) {
          exchange.close(); // the client closed it after the cap
        }
      } else {
        exchange.write(json("200 OK", image("img-1")));
      }
    });
    ImagesPort port = client(server, ResiliencePolicy.none());

    ImagesServiceException e = assertThrows(ImagesServiceException.class, () -> port.retrieveImage("img-1"));
    assertEquals(503, e.statusCode());
    assertTrue(e.getMessage().length() < 1_000, "the excerpt keeps its limit: " + e.getMessage().length());

    assertEquals("img-1", port.retrieveImage("img-1").imageId());
    List<RawHttpServer.Request> requests = server.requests();
    assertNotEquals(requests.get(0).connection(), requests.get(1).connection(),
        "the cut connection was closed, never pooled");
  }

  @Test
  void aShortErrorBodyIsReadFullyAndItsConnectionReused() throws Exception {
    RawHttpServer server = server((request, exchange) -> exchange.write(request.path().endsWith("img-0")
        ? json("404 Not Found", "{\"statusCode\": 404, \"message\": \"Entry not found\"}")
        : json("200 OK", image("img-1"))));
    ImagesPort port = client(server, ResiliencePolicy.none());

    ImagesServiceException e = assertThrows(ImagesServiceException.class, () -> port.retrieveImage("img-0"));
    assertEquals(404, e.statusCode());
    assertTrue(e.getMessage().contains("Entry not found"), e.getMessage());
    assertEquals("img-1", port.retrieveImage("img-1").imageId());

    List<RawHttpServer.Request> requests = server.requests();
    assertEquals(requests.get(0).connection(), requests.get(1).connection(), "the connection was reused");
  }
}
