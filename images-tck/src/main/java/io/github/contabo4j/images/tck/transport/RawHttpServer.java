package io.github.contabo4j.images.tck.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on a raw {@link ServerSocket} that answers with exactly the bytes a test
 * writes: lying {@code Content-Length}s, bytes past a body, endless chunks, a close right after an
 * answer. Each connection is served on its own daemon thread; requests on one connection are read
 * one after another (keep-alive) until the handler closes it or the client goes away.
 */
public final class RawHttpServer implements AutoCloseable {

  /** What a test does with one request. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Answers one request by writing to the exchange.
     *
     * @param request the request
     * @param exchange its connection
     * @throws IOException when the client went away
     */
    void handle(Request request, Exchange exchange) throws IOException;
  }

  /**
   * One request as received.
   *
   * @param connection the connection's number, from 1 in accept order
   * @param method the method
   * @param target the request target, path and query
   * @param headers header names in lower case to their values
   * @param body the body
   */
  public record Request(int connection, String method, String target, Map<String, String> headers, byte[] body) {
    /** The target's path, without the query. */
    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    @Override
    public String toString() {
      return method + " " + target + " on connection " + connection;
    }
  }

  /** One connection, as a handler sees it. */
  public static final class Exchange {
    private final Socket socket;
    private final OutputStream out;
    private boolean closed;

    Exchange(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    /**
     * Writes and flushes bytes.
     *
     * @param bytes the bytes
     * @throws IOException when the client went away
     */
    public void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** Closes the connection after this answer (a FIN); no more requests are read from it. */
    public void close() {
      closed = true;
      try {
        socket.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }

  private final ServerSocket server;
  private final Handler handler;
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "raw-http-server");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  /**
   * Starts a server on a free loopback port.
   *
   * @param handler answers every request
   * @throws IOException if no port can be bound
   */
  public RawHttpServer(Handler handler) throws IOException {
    this.handler = handler;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /** The base URI, {@code http://127.0.0.1:<port>}. */
  public String baseUri() {
    return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /** Every request received so far, in order. */
  public List<Request> requests() {
    return Collections.unmodifiableList(new ArrayList<>(requests));
  }

  /**
   * The requests received with this method and path.
   *
   * @param method e.g. {@code POST}
   * @param path e.g. {@code /v1/compute/images}
   * @return how many
   */
  public long count(String method, String path) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
  }

  /** How many connections were accepted. */
  public int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        int number = connections.incrementAndGet();
        threads.execute(() -> serve(socket, number));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket, int number) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      while (true) {
        Request request = readRequest(in, number);
        if (request == null) {
          return;
        }
        requests.add(request);
        Exchange exchange = new Exchange(socket);
        handler.handle(request, exchange);
        if (exchange.closed) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static Request readRequest(InputStream in, int connection) throws IOException {
    String line = readLine(in);
    while (line != null && line.isEmpty()) {
      line = readLine(in);
    }
    if (line == null) {
      return null;
    }
    String[] parts = line.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Request(connection, parts[0], parts.length > 1 ? parts[1] : "", headers, body);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * An answer's head: status line and headers, ending with the blank line.
   *
   * @param status e.g. {@code 200 OK}
   * @param headers alternating names and values
   * @return the bytes
   */
  public static byte[] head(String status, String... headers) {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * A complete JSON answer with a truthful {@code Content-Length}, keep-alive.
   *
   * @param status e.g. {@code 200 OK}
   * @param json the body
   * @return the bytes
   */
  public static byte[] json(String status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return concat(head(status, "Content-Type", "application/json", "Content-Length", String.valueOf(body.length)), body);
  }

  /**
   * Joins byte arrays.
   *
   * @param parts the parts
   * @return one array
   */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    threads.shutdownNow();
  }
}
