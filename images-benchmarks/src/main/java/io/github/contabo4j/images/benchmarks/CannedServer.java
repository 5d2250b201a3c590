package io.github.contabo4j.images.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP server (the JDK's {@link HttpServer}) that answers every contender with the same
 * {@link Canned} bytes, so that only client cost differs: {@code GET /v1/compute/images} gives the
 * 100-image page, {@code GET /v1/compute/images/stats} the stats, {@code GET
 * /v1/compute/images/{id}} the single image. A request without the bearer token or an {@code
 * x-request-id} gets 401, so a contender cannot skip the headers.
 *
 * <p>The benchmarks run it in a separate JVM ({@link ServerProcess}) so that its CPU-time
 * allocations never count towards a contender's {@code -prof gc} figures; {@link #main} is that
 * process.
 */
public final class CannedServer implements AutoCloseable {
  /** Worker threads: enough for the 16-thread throughput run to never queue on the server. */
  private static final int WORKERS = 16;
  private static final String BEARER = "Bearer " + Contender.TOKEN;

  private final HttpServer server;
  private final ExecutorService workers;
  private final @Nullable Consumer<Headers> observer;

  private CannedServer(HttpServer server, ExecutorService workers, @Nullable Consumer<Headers> observer) {
    this.server = server;
    this.workers = workers;
    this.observer = observer;
  }

  /**
   * Starts a server on the loopback address.
   *
   * @param port the port, 0 for any free one
   * @param observer sees every request's headers (for tests), or null
   * @return the running server
   * @throws IOException if the port cannot be bound
   */
  static CannedServer start(int port, @Nullable Consumer<Headers> observer) throws IOException {
    // Without TCP_NODELAY the JDK server writes headers and body in two segments, and the client's
    // delayed ACK holds the second one for ~40 ms: every call would measure that, not the client.
    // Read once, when the server's configuration class loads, so set it before the first server.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    CannedServer canned = new CannedServer(http, workers, observer);
    http.createContext("/", canned::handle);
    http.setExecutor(workers);
    http.start();
    return canned;
  }

  /** The base URI, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUri() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    Headers headers = exchange.getRequestHeaders();
    if (observer != null) {
      observer.accept(headers);
    }
    int status;
    byte[] body;
    if (!BEARER.equals(headers.getFirst("Authorization")) || headers.getFirst("x-request-id") == null) {
      status = 401;
      body = "{\"statusCode\":401,\"message\":\"Unauthorized\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } else {
      status = 200;
      body = answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
      if (body == null) {
        status = 404;
        body = "{\"statusCode\":404,\"message\":\"Not Found\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte @Nullable [] answer(String method, String path) {
    if (!method.equals("GET")) {
      return null;
    }
    if (path.equals(ImagesWire.IMAGES_PATH)) {
      return Canned.LIST;
    }
    if (path.equals(ImagesWire.STATS_PATH)) {
      return Canned.STATS;
    }
    return path.startsWith(ImagesWire.IMAGES_PATH + "/") ? Canned.IMAGE : null;
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  /**
   * Runs the server until the process is killed, printing its base URI as the first line of
   * standard output.
   *
   * @param args optionally the port (default 0: any free port)
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    CannedServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 0, null);
    System.out.println(server.baseUri());
    System.out.flush();
    // The worker and dispatcher threads keep the JVM alive until it is killed.
  }
}
