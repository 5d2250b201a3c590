package io.github.contabo4j.images.benchmarks;

import io.github.contabo4j.images.internal.wire.ImagesWire;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 server that costs far less than any client: a blocking socket loop, one thread
 * per connection, every answer pre-rendered once (status line, headers and {@link Canned} body in one
 * array, written with one {@code write}). {@code GET /v1/compute/images} gives the 100-image page,
 * {@code GET /v1/compute/images/stats} the stats, {@code GET /v1/compute/images/{id}} the single
 * image.
 *
 * <p>It still checks what the real API checks first: a request without {@code Authorization: Bearer
 * <token>} gets 401, one without an {@code x-request-id} gets 400, so no contender can skip the
 * headers. Every answer other than 200 is counted; {@code GET /__bench/errors} (no token needed, not
 * counted) returns that count, and {@link BenchMain} fails the run when it is not zero.
 *
 * <p>{@link BenchMain} runs it once, in its own JVM ({@link ServerProcess}, {@link #main}), pinned to
 * its own core, so its CPU and allocations never count towards a contender's figures.
 */
public final class CannedServer implements AutoCloseable {
  /** The path that answers the error count, without a token. */
  static final String ERRORS_PATH = "/__bench/errors";

  private static final String BEARER = "Bearer " + Contender.TOKEN;
  private static final byte[] OK_LIST = render(200, "OK", Canned.LIST);
  private static final byte[] OK_IMAGE = render(200, "OK", Canned.IMAGE);
  private static final byte[] OK_STATS = render(200, "OK", Canned.STATS);
  private static final byte[] UNAUTHORIZED = render(401, "Unauthorized", json(401, "Unauthorized"));
  private static final byte[] BAD_REQUEST = render(400, "Bad Request", json(400, "x-request-id is required"));
  private static final byte[] NOT_FOUND = render(404, "Not Found", json(404, "Not Found"));

  private final ServerSocket socket;
  private final @Nullable Consumer<Map<String, String>> observer;
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();

  private CannedServer(ServerSocket socket, @Nullable Consumer<Map<String, String>> observer) {
    this.socket = socket;
    this.observer = observer;
  }

  /**
   * Starts a server on the loopback address.
   *
   * @param port the port, 0 for any free one
   * @param observer sees every request's headers, names in lower case (for tests), or null
   * @return the running server
   * @throws IOException if the port cannot be bound
   */
  static CannedServer start(int port, @Nullable Consumer<Map<String, String>> observer) throws IOException {
    ServerSocket socket = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
    CannedServer server = new CannedServer(socket, observer);
    Thread acceptor = new Thread(server::acceptLoop, "canned-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** The base URI, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUri() {
    return URI.create("http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort());
  }

  /** Answers other than 200 so far (401, 400, 404). */
  long errors() {
    return errors.get();
  }

  /** Answers of any status so far, the error-count path excluded. */
  long answered() {
    return answered.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connection.setTcpNoDelay(true);
        Thread worker = new Thread(() -> serve(connection), "canned-conn");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private void serve(Socket connection) {
    try (connection;
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream()) {
      LineReader reader = new LineReader(in);
      while (true) {
        String requestLine = reader.line();
        if (requestLine == null) {
          return;
        }
        if (requestLine.isEmpty()) {
          continue; // tolerate a stray CRLF between requests
        }
        Map<String, String> headers = new HashMap<>();
        long contentLength = 0;
        for (String line = reader.line(); line != null && !line.isEmpty(); line = reader.line()) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.putIfAbsent(name, value);
            if (name.equals("content-length")) {
              contentLength = Long.parseLong(value);
            }
          }
        }
        reader.skip(contentLength);
        out.write(answer(requestLine, headers));
        out.flush();
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
          return;
        }
      }
    } catch (SocketException e) {
      // the client closed the connection
    } catch (IOException | RuntimeException e) {
      // a broken request: drop the connection, the client will report it
    }
  }

  /** Picks the pre-rendered answer; package-private for tests. */
  byte[] answer(String requestLine, Map<String, String> headers) {
    int firstSpace = requestLine.indexOf(' ');
    int secondSpace = requestLine.indexOf(' ', firstSpace + 1);
    String method = firstSpace < 0 ? "" : requestLine.substring(0, firstSpace);
    String target = secondSpace < 0 ? "" : requestLine.substring(firstSpace + 1, secondSpace);
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    if (path.equals(ERRORS_PATH)) {
      return render(200, "OK", Long.toString(errors.get()).getBytes(StandardCharsets.US_ASCII));
    }
    answered.incrementAndGet();
    if (observer != null) {
      observer.accept(headers);
    }
    byte[] answer;
    if (!BEARER.equals(headers.get("authorization"))) {
      answer = UNAUTHORIZED;
    } else {
      String requestId = headers.get("x-request-id");
      if (requestId == null || requestId.isEmpty()) {
        answer = BAD_REQUEST;
      } else {
        answer = ok(method, path);
      }
    }
    if (answer != OK_LIST && answer != OK_IMAGE && answer != OK_STATS) {
      errors.incrementAndGet();
    }
    return answer;
  }

  private static byte[] ok(String method, String path) {
    if (!method.equals("GET")) {
      return NOT_FOUND;
    }
    if (path.equals(ImagesWire.IMAGES_PATH)) {
      return OK_LIST;
    }
    if (path.equals(ImagesWire.STATS_PATH)) {
      return OK_STATS;
    }
    return path.startsWith(ImagesWire.IMAGES_PATH + "/") ? OK_IMAGE : NOT_FOUND;
  }

  /** Lines of ASCII from a socket through one unsynchronised buffer (no per-byte locking). */
  private static final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    LineReader(InputStream in) {
      this.in = in;
    }

    /** The next line without its CRLF (or LF), or null at the end of the stream. */
    @Nullable String line() throws IOException {
      StringBuilder carried = null;
      while (true) {
        for (int i = position; i < limit; i++) {
          if (buffer[i] == '\n') {
            int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
            String piece = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
            position = i + 1;
            if (carried == null) {
              return piece;
            }
            String whole = carried.append(piece).toString();
            return whole.endsWith("\r") ? whole.substring(0, whole.length() - 1) : whole;
          }
        }
        if (limit > position) {
          if (carried == null) {
            carried = new StringBuilder();
          }
          carried.append(new String(buffer, position, limit - position, StandardCharsets.ISO_8859_1));
        }
        position = 0;
        limit = in.read(buffer);
        if (limit < 0) {
          limit = 0;
          return null;
        }
      }
    }

    /** Skips a request body. */
    void skip(long count) throws IOException {
      long buffered = Math.min(count, limit - position);
      position += (int) buffered;
      in.skipNBytes(count - buffered);
    }
  }

  private static byte[] json(int status, String message) {
    return ("{\"statusCode\":" + status + ",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] render(int status, String reason, byte[] body) {
    byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  /** Stops accepting; open connections end with the process (their threads are daemons). */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /**
   * Runs the server until the process is killed, printing its base URI as the first line of
   * standard output.
   *
   * @param args optionally the port (default 0: any free port)
   * @throws IOException if the port cannot be bound
   * @throws InterruptedException never in practice: the main thread waits for the process to be killed
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    CannedServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 0, null);
    System.out.println(server.baseUri());
    System.out.flush();
    Thread.currentThread().join(); // the accept and connection threads are daemons
  }
}
