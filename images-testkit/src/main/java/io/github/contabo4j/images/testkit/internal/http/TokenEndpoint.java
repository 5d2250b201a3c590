package io.github.contabo4j.images.testkit.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.contabo4j.images.internal.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Keycloak's token endpoint as Contabo runs it: a form post with {@code grant_type=password} (and
 * {@code client_id}, {@code client_secret}, {@code username}, {@code password}) or {@code
 * grant_type=refresh_token}, answered with {@code access_token}, {@code expires_in}, {@code
 * refresh_token}, {@code refresh_expires_in} and {@code token_type}. Errors use OAuth2's shape, {@code
 * {"error": ..., "error_description": ...}}. Nothing it receives is logged or echoed. Thread-safe.
 */
public final class TokenEndpoint implements HttpHandler {
  /** The path Contabo serves its token endpoint on. */
  public static final String PATH = "/auth/realms/contabo/protocol/openid-connect/token";

  private static final String FORM = "application/x-www-form-urlencoded";

  private final TokenStore tokens;
  private final byte @Nullable [] clientId;
  private final byte @Nullable [] clientSecret;
  private final byte @Nullable [] username;
  private final byte @Nullable [] password;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  /**
   * Creates the endpoint.
   *
   * @param tokens where issued tokens are kept
   * @param clientId the accepted {@code client_id}, or null to accept any
   * @param clientSecret the accepted {@code client_secret}, or null to accept any
   * @param username the accepted {@code username}, or null to accept any
   * @param password the accepted {@code password}, or null to accept any
   */
  public TokenEndpoint(TokenStore tokens, @Nullable String clientId, @Nullable String clientSecret,
      @Nullable String username, @Nullable String password) {
    this.tokens = tokens;
    this.clientId = bytes(clientId);
    this.clientSecret = bytes(clientSecret);
    this.username = bytes(username);
    this.password = bytes(password);
  }

  private static byte @Nullable [] bytes(@Nullable String value) {
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * How many requests reached this endpoint, whatever their answer.
   *
   * @return the count
   */
  public long requestCount() {
    return requests.get();
  }

  /**
   * Makes the next {@code times} requests answer 503.
   *
   * @param times how many; replaces any count still pending
   */
  public void failNext(int times) {
    failuresLeft.set(times);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      answer(exchange);
    } finally {
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      Exchanges.send(exchange, 405, error("invalid_request", "HTTP method not allowed"));
      return;
    }
    requests.incrementAndGet();
    byte[] body = Exchanges.readBody(exchange);
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      Exchanges.send(exchange, 503, error("temporarily_unavailable", "scripted failure"));
      return;
    }
    if (body == null) {
      Exchanges.send(exchange, 413, error("invalid_request", "request too large"));
      return;
    }
    if (!Exchanges.hasMediaType(exchange, FORM)) {
      Exchanges.send(exchange, 400, error("invalid_request", "Content-Type must be " + FORM));
      return;
    }
    Map<String, String> form;
    try {
      form = parseForm(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      Exchanges.send(exchange, 400, error("invalid_request", e.getMessage()));
      return;
    }
    String grantType = form.get("grant_type");
    if (grantType == null) {
      Exchanges.send(exchange, 400, error("invalid_request", "Missing form parameter: grant_type"));
      return;
    }
    if (!grantType.equals("password") && !grantType.equals("refresh_token")) {
      Exchanges.send(exchange, 400, error("unsupported_grant_type", "Unsupported grant_type"));
      return;
    }
    if (!matches(clientId, form.get("client_id")) || !matches(clientSecret, form.get("client_secret"))) {
      Exchanges.send(exchange, 401, error("invalid_client", "Invalid client or Invalid client credentials"));
      return;
    }
    TokenStore.Issued issued;
    if (grantType.equals("password")) {
      if (form.get("username") == null || form.get("password") == null) {
        Exchanges.send(exchange, 400, error("invalid_request", "Missing parameter: username and password"));
        return;
      }
      if (!matches(username, form.get("username")) || !matches(password, form.get("password"))) {
        Exchanges.send(exchange, 401, error("invalid_grant", "Invalid user credentials"));
        return;
      }
      issued = tokens.issue();
    } else {
      String refreshToken = form.get("refresh_token");
      if (refreshToken == null) {
        Exchanges.send(exchange, 400, error("invalid_request", "Missing parameter: refresh_token"));
        return;
      }
      issued = tokens.refresh(refreshToken);
      if (issued == null) {
        Exchanges.send(exchange, 400, error("invalid_grant", "Invalid refresh token"));
        return;
      }
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    Exchanges.send(exchange, 200, grant(issued));
  }

  /**
   * Decodes an {@code application/x-www-form-urlencoded} body ({@code +} is a space, {@code %XX} is a
   * UTF-8 byte).
   *
   * @throws IllegalArgumentException on a bad escape or a repeated parameter, without echoing values
   */
  static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed form encoding"); // never the value: it may be a secret
      }
      if (form.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("duplicated form parameter");
      }
    }
    return form;
  }

  /** Whether a sent value is accepted: any sent value when {@code expected} is null. */
  private static boolean matches(byte @Nullable [] expected, @Nullable String actual) {
    if (actual == null) {
      return false;
    }
    return expected == null || MessageDigest.isEqual(expected, actual.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] grant(TokenStore.Issued issued) {
    ObjectNode node = WireJson.MAPPER.createObjectNode();
    node.put("access_token", issued.accessToken());
    node.put("expires_in", issued.expiresIn().getSeconds());
    node.put("refresh_expires_in", issued.refreshExpiresIn().getSeconds());
    node.put("refresh_token", issued.refreshToken());
    node.put("token_type", "Bearer");
    node.put("not-before-policy", 0);
    node.put("scope", "profile email");
    return write(node);
  }

  private static byte[] error(String error, String description) {
    ObjectNode node = WireJson.MAPPER.createObjectNode();
    node.put("error", error);
    node.put("error_description", description);
    return write(node);
  }

  private static byte[] write(ObjectNode node) {
    try {
      return WireJson.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
