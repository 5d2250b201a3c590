package io.github.contabo4j.images.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small helpers over {@link HttpExchange}: bounded body reads, JSON answers and aborts. */
final class Exchanges {
  /** The largest request body accepted. */
  static final int MAX_BODY = 1 << 20;

  /** The media type of every body the face answers with. */
  static final String JSON = "application/json";

  private Exchanges() {}

  /**
   * Reads the whole request body.
   *
   * @return the body, or null when it is larger than {@link #MAX_BODY}
   */
  static byte @Nullable [] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (out.size() + n > MAX_BODY) {
          return null;
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** Whether the request's media type (parameters ignored) is the given one. */
  static boolean hasMediaType(HttpExchange exchange, String mediaType) {
    String value = exchange.getRequestHeaders().getFirst("Content-Type");
    if (value == null) {
      return false;
    }
    int semicolon = value.indexOf(';');
    String type = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    return type.toLowerCase(Locale.ROOT).equals(mediaType);
  }

  /** Sends a JSON answer, or a bodiless one when {@code body} is null, and ends the exchange. */
  static void send(HttpExchange exchange, int status, byte @Nullable [] body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", JSON);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Drops the connection without a status line: the client sees its connection closed before any
   * answer, as after a reset. Closing an exchange whose headers were never sent makes the JDK server
   * close the socket.
   */
  static void abort(HttpExchange exchange) {
    exchange.close();
  }
}
