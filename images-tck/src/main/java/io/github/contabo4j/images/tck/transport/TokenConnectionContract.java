package io.github.contabo4j.images.tck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.auth.TokenEndpointException;
import io.github.contabo4j.images.client.ImagesClientBuilder;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link ContaboCredentials} given to a transport's builder fetches its tokens through that
 * builder's proxy and connect timeout (and TLS context, set the same way), so the token endpoint is
 * reached the way the API is; a setting made on the credentials themselves wins. The same on every
 * transport, because the builders share core's implementation of {@link ImagesClientBuilder}.
 *
 * <p>The "proxy" here is a loopback {@link RawServer} that answers requests itself and records their
 * request lines: a request sent through a proxy names its absolute URI there, and the URIs it names
 * point at a closed port, so nothing but the proxy could have answered.
 *
 * <pre>{@code
 * class JdkTokenConnectionTest extends TokenConnectionContract<JdkImagesClient.Builder> {
 *   protected JdkImagesClient.Builder newBuilder() { return JdkImagesClient.builder(); }
 * }
 * }</pre>
 *
 * @param <B> the transport's builder
 */
public abstract class TokenConnectionContract<B extends ImagesClientBuilder<B, ?>> {
  private static final String TOKEN = "proxied-access-token";
  private static final String TOKEN_BODY = "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":300}";

  private final Opened opened = new Opened();
  private final List<Socket> backlog = new CopyOnWriteArrayList<>();

  /** For subclasses. */
  protected TokenConnectionContract() {}

  /**
   * The hook: a new builder of the transport under test, with nothing set.
   *
   * @return the builder
   */
  protected abstract B newBuilder();

  @AfterEach
  void closeOpened() throws Exception {
    opened.closeAll();
    for (Socket s : backlog) {
      s.close();
    }
  }

  @Test
  void aProxyGivenToTheBuilderCarriesTheTokenRequestToo() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    RawServer proxy = answeringProxy(lines);
    String nowhere = "http://127.0.0.1:" + closedPort();

    ImageStats stats = client(newBuilder().baseUri(nowhere).proxy(through(proxy))
        .tokenSource(credentials(nowhere + "/oauth/token").build())).retrieveCustomImagesStats();

    assertEquals(4, stats.currentImagesCount());
    assertEquals(List.of("POST " + nowhere + "/oauth/token HTTP/1.1",
        "GET " + nowhere + "/v1/compute/images/stats HTTP/1.1 (with the proxied token)"), lines);
  }

  @Test
  void aProxySetOnTheCredentialsWinsForTheTokenRequest() throws Exception {
    List<String> apiLines = new CopyOnWriteArrayList<>();
    List<String> tokenLines = new CopyOnWriteArrayList<>();
    RawServer apiProxy = answeringProxy(apiLines);
    RawServer tokenProxy = answeringProxy(tokenLines);
    String nowhere = "http://127.0.0.1:" + closedPort();

    client(newBuilder().baseUri(nowhere).proxy(through(apiProxy))
        .tokenSource(credentials(nowhere + "/oauth/token").proxy(through(tokenProxy)).build()))
        .retrieveCustomImagesStats();

    assertEquals(List.of("POST " + nowhere + "/oauth/token HTTP/1.1"), tokenLines);
    assertEquals(List.of("GET " + nowhere + "/v1/compute/images/stats HTTP/1.1 (with the proxied token)"), apiLines);
  }

  /**
   * The token endpoint accepts no connection (its accept queue is full). The builder's connect
   * timeout, 200 ms, cuts the connect: without it the token request would wait for the credentials'
   * own connect timeout (10 s) and be cut by the call's 5 s deadline instead, a different failure.
   */
  @Test
  void aConnectTimeoutOnTheBuilderBoundsTheTokenEndpointsConnect() throws Exception {
    String unconnectable = "http://127.0.0.1:" + fullAcceptQueue();

    TokenEndpointException e = TokenFailureAssert.tokenFailure(TokenEndpointException.class,
        () -> client(newBuilder().baseUri(unconnectable).connectTimeout(Duration.ofMillis(200))
            .requestTimeout(Duration.ofSeconds(5))
            .tokenSource(credentials(unconnectable + "/oauth/token").requestTimeout(Duration.ofSeconds(20)).build()))
            .retrieveCustomImagesStats());

    assertInstanceOf(HttpConnectTimeoutException.class, e.getCause(), e.toString());
    assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
  }

  // ---------------------------------------------------------------- fixtures

  private ImagesClient client(B builder) {
    ImagesClient client = builder.resilience(ResiliencePolicy.none()).build();
    opened.add(client);
    return client;
  }

  private static ContaboCredentials.Builder credentials(String tokenUri) {
    return ContaboCredentials.builder().tokenUri(tokenUri).clientId(TestSecrets.CLIENT_ID)
        .clientSecret(TestSecrets.CLIENT_SECRET).username(TestSecrets.USERNAME).password(TestSecrets.PASSWORD)
        .policy(ResiliencePolicy.none());
  }

  private static ProxySelector through(RawServer proxy) {
    return ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()));
  }

  /**
   * Answers a token to each POST and the stats to each GET, recording every request line, marked
   * when it carries the token this proxy hands out.
   */
  private RawServer answeringProxy(List<String> lines) throws IOException {
    RawServer proxy = RawServer.start((socket, server) -> {
      String head = server.readRequest(socket.getInputStream());
      if (head == null) {
        return;
      }
      String line = head.substring(0, head.indexOf("\r\n"));
      lines.add(line + (head.contains("Bearer " + TOKEN + "\r\n") ? " (with the proxied token)" : ""));
      String body = line.startsWith("POST ") ? TOKEN_BODY : WireFixtures.STATS_BODY;
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
          + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      socket.close();
    });
    opened.add(proxy);
    return proxy;
  }

  /** A loopback port nothing listens on: a direct connection is refused. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * A loopback port whose listener never accepts and whose accept queue is full, so a new connect
   * neither succeeds nor is refused: it waits until its own timeout.
   */
  private int fullAcceptQueue() throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    opened.add(server);
    for (int i = 0; i < 16; i++) {
      Socket filler = new Socket();
      backlog.add(filler);
      try {
        filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 100);
      } catch (SocketTimeoutException full) {
        return server.getLocalPort();
      }
    }
    throw new IllegalStateException("the accept queue never filled: this OS accepts past the backlog");
  }
}
