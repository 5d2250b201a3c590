package io.github.contabo4j.images.tck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Proxies, the same on every transport: a configured {@link ProxySelector} is used, and without one
 * the JVM's {@link ProxySelector#getDefault()} is. A loopback HTTP proxy on a raw socket relays each
 * request to a raw origin and counts what it relayed.
 *
 * <pre>{@code
 * class MyProxyTest extends ProxyContract {
 *   protected ImagesPort newPort(String baseUri, TokenSource tokens, @Nullable ProxySelector proxy) {
 *     MyImagesClient.Builder b = MyImagesClient.builder().baseUri(baseUri).tokenSource(tokens);
 *     return (proxy == null ? b : b.proxy(proxy)).resilience(ResiliencePolicy.none()).build();
 *   }
 * }
 * }</pre>
 */
public abstract class ProxyContract {
  private static final String STATS_ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
      + WireFixtures.STATS_BODY.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
      + WireFixtures.STATS_BODY;

  private final Opened opened = new Opened();
  private final List<String> relayedRequestLines = new CopyOnWriteArrayList<>();

  /**
   * Builds the transport under test, with no retries.
   *
   * @param baseUri the API's base URI
   * @param tokens the token source
   * @param proxy the proxy selector to set on the builder, or null to leave it unset
   * @return the client
   */
  protected abstract ImagesPort newPort(String baseUri, TokenSource tokens, @Nullable ProxySelector proxy);

  @AfterEach
  void closeOpened() throws Exception {
    opened.closeAll();
  }

  private RawServer origin() throws IOException {
    RawServer origin = RawServer.start((socket, server) -> {
      if (server.readRequest(socket.getInputStream()) != null) {
        socket.getOutputStream().write(STATS_ANSWER.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        socket.close();
      }
    });
    opened.add(origin);
    return origin;
  }

  /** An HTTP proxy for plain http: reads an absolute-form request, relays it in origin form, pipes the answer back. */
  private RawServer proxy() throws IOException {
    RawServer proxy = RawServer.start((client, server) -> {
      String head = server.readRequest(client.getInputStream());
      if (head == null) {
        return;
      }
      String requestLine = head.substring(0, head.indexOf("\r\n"));
      relayedRequestLines.add(requestLine);
      String[] parts = requestLine.split(" ");
      URI target = URI.create(parts[1]);
      try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
        String originForm = parts[0] + " " + target.getRawPath()
            + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " " + parts[2];
        OutputStream out = upstream.getOutputStream();
        out.write((originForm + head.substring(head.indexOf("\r\n"))).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream answer = upstream.getInputStream();
        answer.transferTo(client.getOutputStream());
        client.getOutputStream().flush();
      }
      client.close();
    });
    opened.add(proxy);
    return proxy;
  }

  @Test
  void aConfiguredProxyRelaysEveryRequest() throws Exception {
    RawServer origin = origin();
    RawServer proxy = proxy();
    ImagesPort client = opened.client(newPort(origin.baseUri(), TokenSource.fixed("proxy-test-token"),
        ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))));

    client.retrieveCustomImagesStats();
    client.retrieveCustomImagesStats();

    assertEquals(2, relayedRequestLines.size(), relayedRequestLines.toString());
    assertEquals(2, origin.requests());
    assertTrue(relayedRequestLines.get(0).startsWith("GET " + origin.baseUri() + "/v1/compute/images/stats"),
        relayedRequestLines.toString());
  }

  @Test
  void withoutOneTheJvmsDefaultProxySelectorIsUsed() throws Exception {
    RawServer origin = origin();
    RawServer proxy = proxy();
    ProxySelector jvmDefault = ProxySelector.getDefault();
    ProxySelector.setDefault(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())));
    try {
      ImagesPort client = opened.client(newPort(origin.baseUri(), TokenSource.fixed("proxy-test-token"), null));

      client.retrieveCustomImagesStats();
    } finally {
      ProxySelector.setDefault(jvmDefault);
    }

    assertEquals(1, relayedRequestLines.size(), relayedRequestLines.toString());
    assertEquals(1, origin.requests());
  }
}
