package io.github.contabo4j.images.jpmscheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that answers the three calls the check makes, with the JSON shapes of the
 * vendor spec: {@code POST /v1/compute/images} (201), {@code GET /v1/compute/images} (200, one page)
 * and {@code DELETE /v1/compute/images/{imageId}} (204). It keeps the created images in memory and
 * reads the create body with a regular expression, so the check itself needs no JSON library.
 */
final class LoopbackImagesServer implements AutoCloseable {
  static final String CREATED_AT = "2026-01-02T03:04:05Z";
  private static final String IMAGES = "/v1/compute/images";
  private static final Pattern STRING_FIELD = Pattern.compile("\"(name|url|osType|version)\"\\s*:\\s*\"([^\"]*)\"");

  private final HttpServer server;
  private final String bearer;
  private final Map<String, String> images = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();

  private LoopbackImagesServer(String token) throws IOException {
    this.bearer = "Bearer " + token;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(IMAGES, this::handle);
    server.start();
  }

  /**
   * Starts a server on an ephemeral loopback port.
   *
   * @param token the only bearer token it accepts
   * @return the running server
   * @throws IOException if the port cannot be bound
   */
  static LoopbackImagesServer start(String token) throws IOException {
    return new LoopbackImagesServer(token);
  }

  /** The base URI to give a client builder. */
  URI uri() {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  /** Every call answered so far, as {@code "METHOD path"}, in order. */
  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] body = readBody(exchange.getRequestBody());
      synchronized (this) {
        calls.add(method + " " + path);
        if (!bearer.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
          answer(exchange, 401, "{\"statusCode\":401,\"message\":\"Unauthorized\"}");
        } else if (method.equals("POST") && path.equals(IMAGES)) {
          answer(exchange, 201, create(new String(body, StandardCharsets.UTF_8)));
        } else if (method.equals("GET") && path.equals(IMAGES)) {
          answer(exchange, 200, list());
        } else if (method.equals("DELETE") && path.startsWith(IMAGES + "/")
            && images.remove(path.substring(IMAGES.length() + 1)) != null) {
          exchange.sendResponseHeaders(204, -1);
        } else {
          answer(exchange, 404, "{\"statusCode\":404,\"message\":\"Not Found\"}");
        }
      }
    }
  }

  private String create(String request) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = STRING_FIELD.matcher(request);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    String id = UUID.randomUUID().toString();
    images.put(id, "{\"imageId\":\"" + id + "\",\"tenantId\":\"DE\",\"customerId\":\"54321\","
        + "\"name\":\"" + fields.getOrDefault("name", "") + "\",\"description\":\"\","
        + "\"url\":\"" + fields.getOrDefault("url", "") + "\",\"sizeMb\":0,\"uploadedSizeMb\":0,"
        + "\"osType\":\"" + fields.getOrDefault("osType", "") + "\","
        + "\"version\":\"" + fields.getOrDefault("version", "") + "\",\"format\":\"qcow2\","
        + "\"status\":\"downloading\",\"errorMessage\":\"\",\"standardImage\":false,"
        + "\"creationDate\":\"" + CREATED_AT + "\",\"lastModifiedDate\":\"" + CREATED_AT + "\","
        + "\"tags\":[{\"tagId\":12345,\"tagName\":\"jpms\"}]}");
    return "{\"data\":[{\"tenantId\":\"DE\",\"customerId\":\"54321\",\"imageId\":\"" + id + "\"}],"
        + "\"_links\":{\"self\":\"" + IMAGES + "/" + id + "\"}}";
  }

  private String list() {
    String self = IMAGES + "?page=1&size=10";
    return "{\"_pagination\":{\"size\":10,\"totalElements\":" + images.size() + ",\"totalPages\":1,\"page\":1},"
        + "\"data\":[" + String.join(",", images.values()) + "],"
        + "\"_links\":{\"self\":\"" + self + "\",\"first\":\"" + self + "\",\"last\":\"" + self + "\"}}";
  }

  private static byte[] readBody(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
