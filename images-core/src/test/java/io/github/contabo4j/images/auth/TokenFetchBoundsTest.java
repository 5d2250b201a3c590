package io.github.contabo4j.images.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token fetch is bounded to the last byte, by its own timeout and by the caller's deadline; a
 * stalled endpoint keeps no other caller past its own deadline; an oversized answer is refused. A raw
 * socket sends headers and part of a body, then stalls until the test ends.
 */
class TokenFetchBoundsTest {
  private final List<Socket> held = new ArrayList<>();
  private final CountDownLatch bodyStarted = new CountDownLatch(1);
  private ServerSocket server;

  @AfterEach
  void closeAll() throws IOException {
    synchronized (held) {
      for (Socket s : held) {
        s.close();
      }
    }
    if (server != null) {
      server.close();
    }
  }

  /** Answers every connection with {@code head}, then {@code body}, and then holds it open, silent. */
  private String serve(String head, byte[] body) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket s = server.accept();
          synchronized (held) {
            held.add(s);
          }
          readHeadAndForm(s.getInputStream());
          OutputStream out = s.getOutputStream();
          out.write(head.getBytes(StandardCharsets.US_ASCII));
          out.write(body);
          out.flush();
          bodyStarted.countDown();
        }
      } catch (IOException e) {
        // closed by the test
      }
    }, "stalling-token-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
    return "http://127.0.0.1:" + server.getLocalPort() + "/token";
  }

  private static void readHeadAndForm(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.readNBytes(length);
  }

  private static final String STALLING_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n";
  private static final byte[] PART = "{\"access_token\":\"abc".getBytes(StandardCharsets.US_ASCII);

  private static ContaboCredentials credentials(String uri, Duration requestTimeout) {
    return Secrets.builder(uri).requestTimeout(requestTimeout).policy(ResiliencePolicy.none()).build();
  }

  @Test
  void aBodyThatStallsIsCutAtTheRequestTimeout() throws Exception {
    ContaboCredentials credentials = credentials(serve(STALLING_HEAD, PART), Duration.ofMillis(200));

    TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, credentials::accessToken);

    assertThat(e).hasMessageContaining("no complete answer").hasMessageContaining("within 200 ms");
    assertThat(bodyStarted.getCount()).isZero(); // the headers and part of the body did arrive
  }

  @Test
  void aBodyThatStallsIsCutAtTheCallersDeadline() throws Exception {
    ContaboCredentials credentials = credentials(serve(STALLING_HEAD, PART), Duration.ofSeconds(30));
    long start = System.nanoTime();

    TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class,
        () -> credentials.accessToken(Duration.ofMillis(200)));

    assertThat(e).hasMessageContaining("no complete answer"); // within what the 200 ms deadline left
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15)); // not the 30 s
  }

  @Test
  void aCallerStuckOnAStalledEndpointKeepsNoOtherPastItsOwnDeadline() throws Exception {
    ContaboCredentials credentials = credentials(serve(STALLING_HEAD, PART), Duration.ofSeconds(30));
    CompletableFuture<Throwable> stuck = CompletableFuture.supplyAsync(() -> {
      try {
        credentials.accessToken(); // bounded by its own 30 s only
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    assertThat(bodyStarted.await(10, TimeUnit.SECONDS)).isTrue(); // the first caller is stuck mid-body
    long start = System.nanoTime();

    TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class,
        () -> credentials.accessToken(Duration.ofMillis(100)));

    assertThat(e).hasMessageContaining("deadline");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(stuck).isNotDone(); // the other caller is still waiting: its fetch held no lock
    closeAll(); // release it
    assertThat(stuck.get(20, TimeUnit.SECONDS)).isInstanceOf(TokenEndpointException.class);
  }

  @Test
  void anOversizedAnswerIsRefused() throws Exception {
    byte[] big = new byte[70_000];
    java.util.Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + big.length + "\r\n\r\n";
    ContaboCredentials credentials = credentials(serve(head, big), Duration.ofSeconds(10));

    TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, credentials::accessToken);

    assertThat(e).hasMessageContaining("more than 65536 bytes");
  }

  @Test
  void tokenRequestsGoThroughTheConfiguredProxySelector() throws Exception {
    byte[] token = "{\"access_token\":\"tok-1\"}".getBytes(StandardCharsets.US_ASCII);
    String uri = serve("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + token.length
        + "\r\n\r\n", token);
    java.util.List<java.net.URI> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.net.ProxySelector direct = new java.net.ProxySelector() {
      @Override
      public List<java.net.Proxy> select(java.net.URI target) {
        asked.add(target);
        return List.of(java.net.Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(java.net.URI target, java.net.SocketAddress address, IOException e) {}
    };
    ContaboCredentials credentials = Secrets.builder(uri).policy(ResiliencePolicy.none()).proxy(direct)
        .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(10)).build();

    assertThat(credentials.accessToken()).isEqualTo("tok-1");
    assertThat(asked).isNotEmpty().allMatch(target -> target.getPort() == server.getLocalPort());
  }
}
