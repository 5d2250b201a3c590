package io.github.contabo4j.images.tck.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server on a raw {@link ServerSocket}, for answers WireMock cannot send byte for byte.
 * Each connection runs its own handler thread; {@link #close()} closes the server and every
 * connection it still holds (so a handler may simply stall by returning without closing).
 */
final class RawServer implements AutoCloseable {
  /** What one connection does. */
  @FunctionalInterface
  interface Handler {
    void handle(Socket socket, RawServer server) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final List<Socket> held = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  private RawServer(Handler handler) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket s = socket.accept();
          synchronized (held) {
            held.add(s);
          }
          Thread worker = new Thread(() -> {
            try {
              handler.handle(s, this);
            } catch (IOException | InterruptedException e) {
              // the client went away or the test closed the server
            }
          }, "raw-server-connection");
          worker.setDaemon(true);
          worker.start();
        }
      } catch (IOException e) {
        // closed
      }
    }, "raw-server-" + socket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static RawServer start(Handler handler) throws IOException {
    return new RawServer(handler);
  }

  int port() {
    return socket.getLocalPort();
  }

  String baseUri() {
    return "http://127.0.0.1:" + port();
  }

  /** How many complete request heads {@link #readRequest} has read. */
  int requests() {
    return requests.get();
  }

  /**
   * Reads one request: the head up to the blank line, and a {@code Content-Length} body.
   *
   * @return the head (request line and headers), or null if the connection closed first
   */
  String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : b == '\r' ? 1 : 0;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).trim()));
      }
    }
    requests.incrementAndGet();
    return text;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (held) {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
