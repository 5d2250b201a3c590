package io.github.contabo4j.images.upload;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 serving image sources: exact bytes, ranges, redirects,
 * refused HEAD, and an endless body. It records every request's method, path and headers.
 */
final class SourceServer implements AutoCloseable {
  /** One request as received. */
  record Request(String method, String target, Map<String, String> headers) {}

  /** How a path answers. */
  interface Route {
    void answer(Request request, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "source-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  /** Bytes an endless route wrote before the client went away. */
  final AtomicLong streamed = new AtomicLong();
  /** Counted down when an endless route's write fails: the client closed the connection. */
  final CountDownLatch streamCut = new CountDownLatch(1);

  SourceServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Serves {@code body}, honouring {@code Range: bytes=0-N} with 206 and Content-Range. */
  SourceServer file(String path, byte[] body) {
    routes.put(path, (request, out) -> {
      if (request.method().equals("HEAD")) {
        head(out, 200, "Content-Length: " + body.length + "\r\nAccept-Ranges: bytes\r\n");
        return;
      }
      String range = request.headers().get("range");
      if (range != null && range.startsWith("bytes=0-")) {
        int end = Math.min(body.length - 1, Integer.parseInt(range.substring(8)));
        head(out, 206, "Content-Length: " + (end + 1) + "\r\nContent-Range: bytes 0-" + end + "/" + body.length + "\r\n");
        out.write(body, 0, end + 1);
      } else {
        head(out, 200, "Content-Length: " + body.length + "\r\n");
        out.write(body);
      }
    });
    return this;
  }

  /** Answers HEAD with 405, GET like {@link #file}. */
  SourceServer refusingHead(String path, byte[] body) {
    file(path, body);
    Route file = routes.get(path);
    routes.put(path, (request, out) -> {
      if (request.method().equals("HEAD")) {
        head(out, 405, "Content-Length: 0\r\nAllow: GET\r\n");
      } else {
        file.answer(request, out);
      }
    });
    return this;
  }

  /** Redirects to {@code location} with 302. */
  SourceServer redirect(String path, String location) {
    routes.put(path, (request, out) -> head(out, 302, "Location: " + location + "\r\nContent-Length: 0\r\n"));
    return this;
  }

  /** Answers with a status and no body. */
  SourceServer status(String path, int status) {
    routes.put(path, (request, out) -> head(out, status, "Content-Length: 0\r\n"));
    return this;
  }

  /** Ignores Range and streams {@code first} and then zeros, claiming 4 GiB, until the client leaves. */
  SourceServer endless(String path, byte[] first) {
    routes.put(path, (request, out) -> {
      long claimed = 4L * 1024 * 1024 * 1024;
      if (request.method().equals("HEAD")) {
        head(out, 200, "Content-Length: " + claimed + "\r\n");
        return;
      }
      head(out, 200, "Content-Length: " + claimed + "\r\n");
      byte[] chunk = new byte[16 * 1024];
      System.arraycopy(first, 0, chunk, 0, first.length);
      try {
        while (streamed.get() < claimed) {
          out.write(chunk);
          streamed.addAndGet(chunk.length);
          java.util.Arrays.fill(chunk, 0, first.length, (byte) 0);
        }
      } catch (IOException e) {
        streamCut.countDown();
        throw e;
      }
    });
    return this;
  }

  private static void head(OutputStream out, int status, String headers) throws IOException {
    out.write(("HTTP/1.1 " + status + " X\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      String line = readLine(in);
      if (line == null || line.isEmpty()) {
        return;
      }
      String[] parts = line.split(" ");
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
        int colon = h.indexOf(':');
        headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      String target = parts[1];
      Request request = new Request(parts[0], target, headers);
      requests.add(request);
      String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
      Route route = routes.get(path);
      OutputStream out = s.getOutputStream();
      if (route == null) {
        head(out, 404, "Content-Length: 0\r\n");
      } else {
        route.answer(request, out);
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      // the client went away
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(c);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  List<Request> requestsTo(String path) {
    List<Request> out = new ArrayList<>();
    for (Request r : requests) {
      if (r.target().startsWith(path)) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
