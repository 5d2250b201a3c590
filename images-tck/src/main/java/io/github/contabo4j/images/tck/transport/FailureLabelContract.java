package io.github.contabo4j.images.tck.transport;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.TokenSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One label per failure, the same on every transport: a table of hostile answers, each sent byte for
 * byte by a raw socket to a create (a POST, which no client re-sends by itself), and the failure and
 * delivery each must be reported as. Where a client cannot tell two cases apart the row allows the
 * coarser label and says why. The attempt timeout is 250 ms, the only real-time budget.
 *
 * <pre>{@code
 * class MyFailureLabelTest extends FailureLabelContract {
 *   protected ImagesPort newPort(String baseUri, TokenSource tokens, Duration requestTimeout) {
 *     return MyImagesClient.builder().baseUri(baseUri).tokenSource(tokens).requestTimeout(requestTimeout)
 *         .resilience(ResiliencePolicy.none()).build();
 *   }
 * }
 * }</pre>
 */
public abstract class FailureLabelContract {
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(300);
  private static final String CREATED = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
      + WireFixtures.REF_BODY.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
      + WireFixtures.REF_BODY;
  private static final Set<Delivery> MAYBE = EnumSet.of(Delivery.MAYBE_PROCESSED);

  private final Opened opened = new Opened();

  /**
   * Builds the transport under test, with no retries.
   *
   * @param baseUri the API's base URI
   * @param tokens the token source
   * @param requestTimeout the per-attempt timeout
   * @return the client
   */
  protected abstract ImagesPort newPort(String baseUri, TokenSource tokens, Duration requestTimeout);

  /**
   * One good exchange first, so the client's classes are loaded and its first-call costs paid before
   * any row's 300 ms budget runs.
   */
  @org.junit.jupiter.api.BeforeEach
  void warmUp() throws Exception {
    try (RawServer server = RawServer.start((socket, raw) -> {
      if (raw.readRequest(socket.getInputStream()) != null) {
        bytes(CREATED).answer(socket, new CountDownLatch(0));
      }
    })) {
      ImagesPort client = newPort(server.baseUri(), TokenSource.fixed("label-test-token"), Duration.ofSeconds(20));
      try {
        client.createCustomImage(CreateCustomImage.of("n", "https://example.com/i.qcow2", OsType.LINUX, "1"));
      } finally {
        if (client instanceof AutoCloseable) {
          ((AutoCloseable) client).close();
        }
      }
    }
  }

  @AfterEach
  void closeOpened() throws Exception {
    opened.closeAll();
  }

  /** What the raw server does once it has read the request (or, for a reset before it, at once). */
  @FunctionalInterface
  interface Answer {
    void answer(Socket socket, CountDownLatch over) throws IOException, InterruptedException;
  }

  private static Answer bytes(String text) {
    return (socket, over) -> {
      OutputStream out = socket.getOutputStream();
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.close();
    };
  }

  private static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0); // close with RST
    socket.close();
  }

  /** One row: the hostile answer and the labels it may get. */
  private record Row(String name, boolean readRequestFirst, Answer answer, Set<Failure> failures,
      Set<Delivery> deliveries) {}

  private static Stream<Row> table() {
    return Stream.of(
        new Row("a body cut short of its Content-Length", true,
            bytes("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"data\":[{"),
            EnumSet.of(Failure.CONNECTION_CLOSED), MAYBE),
        new Row("a header line longer than any limit (1 MiB)", true,
            bytes("HTTP/1.1 201 Created\r\nX-Long: " + "a".repeat(1 << 20) + "\r\nContent-Length: 0\r\n\r\n"),
            EnumSet.of(Failure.MALFORMED_RESPONSE), MAYBE),
        new Row("more headers than any limit (20000)", true,
            bytes("HTTP/1.1 201 Created\r\n" + "X-H: v\r\n".repeat(20_000) + "Content-Length: 0\r\n\r\n"),
            EnumSet.of(Failure.MALFORMED_RESPONSE), MAYBE),
        // Endless interim answers can only end at the attempt timeout on a client that accepts any
        // number of them; one that counts them may end sooner as malformed. Both are allowed.
        new Row("endless 102 Processing", true, (Answer) (socket, over) -> {
          OutputStream out = socket.getOutputStream();
          do {
            out.write("HTTP/1.1 102 Processing\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
          } while (!over.await(10, TimeUnit.MILLISECONDS));
        }, EnumSet.of(Failure.TIMEOUT, Failure.MALFORMED_RESPONSE), MAYBE),
        new Row("a status line that is not HTTP", true, bytes("SSH-2.0-OpenSSH_9.6\r\n\r\n"),
            EnumSet.of(Failure.MALFORMED_RESPONSE), MAYBE),
        new Row("an unsupported HTTP version", true,
            bytes("HTTP/3.0 201 Created\r\nContent-Length: 0\r\n\r\n"),
            EnumSet.of(Failure.MALFORMED_RESPONSE), MAYBE),
        new Row("an empty answer (closed after the request)", true, bytes(""),
            EnumSet.of(Failure.CONNECTION_CLOSED), MAYBE),
        // A reset on accept races the client's connect and its write of the request, so a client may
        // see it while still connecting (CONNECT_FAILED; the JDK's client reports it so), or before or
        // after writing: NOT_SENT where it can prove it wrote nothing, MAYBE_PROCESSED where it cannot
        // tell (the JDK's client never can once connected).
        new Row("a reset before the request was read", false, (Answer) (socket, over) -> reset(socket),
            EnumSet.of(Failure.CONNECTION_CLOSED, Failure.CONNECT_FAILED),
            EnumSet.of(Delivery.NOT_SENT, Delivery.MAYBE_PROCESSED)),
        new Row("a reset after the whole request was read", true, (Answer) (socket, over) -> reset(socket),
            EnumSet.of(Failure.CONNECTION_CLOSED), MAYBE));
  }

  @TestFactory
  Stream<DynamicTest> eachFailureHasOneLabel() {
    return table().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
      CountDownLatch rowOver = new CountDownLatch(1);
      try (RawServer server = RawServer.start((socket, raw) -> {
        if (row.readRequestFirst() && raw.readRequest(socket.getInputStream()) == null) {
          return;
        }
        row.answer().answer(socket, rowOver);
      })) {
        ImagesTransportException e = assertThrows(ImagesTransportException.class, () -> create(server.baseUri()));

        assertTrue(row.failures().contains(e.failure()),
            row.name() + ": " + e.failure() + " not in " + row.failures() + ": " + e);
        assertTrue(row.deliveries().contains(e.delivery()),
            row.name() + ": " + e.delivery() + " not in " + row.deliveries() + ": " + e);
      } finally {
        rowOver.countDown();
        opened.closeAll();
      }
    }));
  }

  /** A false NOT_SENT would let a create be sent again: a reset after the request arrived never is one. */
  @Test
  void aResetAfterTheRequestReachedTheServerIsNeverNotSent() throws Exception {
    CountDownLatch requestRead = new CountDownLatch(1);
    RawServer server = RawServer.start((socket, raw) -> {
      if (raw.readRequest(socket.getInputStream()) != null) {
        requestRead.countDown();
        reset(socket);
      }
    });
    opened.add(server);

    ImagesTransportException e = assertThrows(ImagesTransportException.class, () -> create(server.baseUri()));

    assertTrue(requestRead.await(5, TimeUnit.SECONDS), "the server read the whole request");
    assertNotEquals(Delivery.NOT_SENT, e.delivery(), e.toString());
  }

  @Test
  void aRefusedConnectionIsConnectFailedAndNotSent() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    ImagesTransportException e = assertThrows(ImagesTransportException.class,
        () -> create("http://127.0.0.1:" + closedPort));

    assertTrue(e.failure() == Failure.CONNECT_FAILED && e.delivery() == Delivery.NOT_SENT, e.toString());
  }

  /**
   * A listener whose accept queue is full: the kernel drops further SYNs, so a connect neither
   * succeeds nor fails, and the attempt is cut at its timeout while connecting. Nothing was sent.
   */
  @Test
  void anAttemptCutWhileConnectingIsNotSent() throws Exception {
    try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      java.util.List<Socket> fillers = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Socket filler = new Socket();
          try {
            filler.connect(full.getLocalSocketAddress(), 100);
          } catch (IOException e) {
            // the queue is full: from here on connects hang
          }
          fillers.add(filler);
        }

        ImagesTransportException e = assertThrows(ImagesTransportException.class,
            () -> create("http://127.0.0.1:" + full.getLocalPort()));

        assertTrue(e.delivery() == Delivery.NOT_SENT
            && (e.failure() == Failure.TIMEOUT || e.failure() == Failure.CONNECT_FAILED), e.toString());
      } finally {
        for (Socket filler : fillers) {
          filler.close();
        }
      }
    }
  }

  private void create(String baseUri) {
    ImagesPort client = opened.client(newPort(baseUri, TokenSource.fixed("label-test-token"), ATTEMPT_TIMEOUT));
    client.createCustomImage(CreateCustomImage.of("n", "https://example.com/i.qcow2", OsType.LINUX, "1"));
  }
}
