package io.github.contabo4j.images.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.Redaction;
import io.github.contabo4j.images.internal.resilience.RetryRules;
import io.github.contabo4j.images.internal.LibraryVersion;
import io.github.contabo4j.images.internal.wire.ErrorBodies;
import io.github.contabo4j.images.internal.wire.WireJson;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth2 token endpoint: form-encoded password and refresh-token grants over {@link HttpClient},
 * retried on 429, 5xx and I/O failures with the policy's backoff, and mapped to the public exceptions.
 * Each attempt is bounded to the last byte of the answer by the request timeout and by the caller's
 * deadline, and an answer over {@value #MAX_ANSWER_BYTES} bytes is cut off and refused.
 * Every message passes through {@link #redact}, so no secret or token the endpoint echoes gets out.
 * Thread-safe; never logs a body.
 */
public final class TokenEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_TEXT = 300;
  /** The most bytes a token answer may have: a token answer is well under 8 KiB. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;
  /** A deadline that never comes: each attempt is bounded by the request timeout alone. */
  public static final long NO_DEADLINE = Long.MIN_VALUE;

  private final URI tokenUri;
  private final String clientId;
  private final String clientSecret;
  private final String username;
  private final String password;
  private final Duration requestTimeout;
  private final ResiliencePolicy policy;
  private final Sleeper sleeper;
  private final HttpClient client;

  /**
   * Creates the endpoint client. Values are taken as already validated.
   *
   * @param tokenUri the token URI (https or loopback)
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param username the API user
   * @param password the API password
   * @param requestTimeout the timeout of one attempt
   * @param policy its attempts and backoff apply to 429, 5xx and I/O failures
   * @param sleeper waits between attempts
   */
  public TokenEndpoint(
      String tokenUri,
      String clientId,
      String clientSecret,
      String username,
      String password,
      Duration requestTimeout,
      ResiliencePolicy policy,
      Sleeper sleeper) {
    this(tokenUri, clientId, clientSecret, username, password, requestTimeout, policy, sleeper,
        null, null, null);
  }

  /**
   * Creates the endpoint client with explicit connection settings. Values are taken as already
   * validated.
   *
   * @param tokenUri the token URI (https or loopback)
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param username the API user
   * @param password the API password
   * @param requestTimeout the timeout of one attempt, to the last byte of the answer
   * @param policy its attempts and backoff apply to 429, 5xx and I/O failures
   * @param sleeper waits between attempts
   * @param connectTimeout the connect timeout, or null for the smaller of requestTimeout and 10 s
   * @param proxy the proxy selector, or null for the JVM's default ({@link ProxySelector#getDefault()})
   * @param sslContext the TLS context, or null for the JVM's default
   */
  public TokenEndpoint(
      String tokenUri,
      String clientId,
      String clientSecret,
      String username,
      String password,
      Duration requestTimeout,
      ResiliencePolicy policy,
      Sleeper sleeper,
      @Nullable Duration connectTimeout,
      @Nullable ProxySelector proxy,
      @Nullable SSLContext sslContext) {
    this.tokenUri = URI.create(tokenUri);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.username = username;
    this.password = password;
    this.requestTimeout = requestTimeout;
    this.policy = policy;
    this.sleeper = sleeper;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(connectTimeout != null ? connectTimeout
            : requestTimeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? requestTimeout : MAX_CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER) // credentials are posted to this URI and nowhere else
        .version(HttpClient.Version.HTTP_1_1);
    if (proxy != null) {
      builder.proxy(proxy); // unset, the JDK's client uses ProxySelector.getDefault()
    }
    if (sslContext != null) {
      builder.sslContext(sslContext); // unset, SSLContext.getDefault()
    }
    this.client = builder.build();
  }

  /**
   * The same endpoint and credentials over other connection settings: what a transport builder's
   * proxy, TLS context and connect timeout make of a {@code ContaboCredentials} given to it.
   *
   * @param connectTimeout the connect timeout, or null for the smaller of the request timeout and 10 s
   * @param proxy the proxy selector, or null for the JVM's default
   * @param sslContext the TLS context, or null for the JVM's default
   * @return a new endpoint client
   */
  public TokenEndpoint through(
      @Nullable Duration connectTimeout, @Nullable ProxySelector proxy, @Nullable SSLContext sslContext) {
    return new TokenEndpoint(tokenUri.toString(), clientId, clientSecret, username, password, requestTimeout, policy,
        sleeper, connectTimeout, proxy, sslContext);
  }

  /**
   * Runs the password grant.
   *
   * @return the issued token
   * @throws TokenRequestFailure with a rejection on 400, 401 or 403
   * @throws TokenRequestFailure on any other failure, after the policy's retries
   */
  public IssuedToken passwordGrant() {
    return passwordGrant(NO_DEADLINE);
  }

  /**
   * Runs the password grant, giving up at a deadline.
   *
   * @param deadlineNanos the {@link System#nanoTime()} by which to give up, or {@link #NO_DEADLINE}
   * @return the issued token
   * @throws TokenRequestFailure with a rejection on 400, 401 or 403
   * @throws TokenRequestFailure on any other failure, after the policy's retries or at the deadline
   */
  public IssuedToken passwordGrant(long deadlineNanos) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    form.put("username", username);
    form.put("password", password);
    return post("password", form, null, deadlineNanos);
  }

  /**
   * Runs the refresh-token grant.
   *
   * @param refreshToken the refresh token of an earlier grant
   * @return the issued token
   * @throws TokenRequestFailure with a rejection on 400, 401 or 403 (e.g. an expired refresh token)
   * @throws TokenRequestFailure on any other failure, after the policy's retries
   */
  public IssuedToken refreshGrant(String refreshToken) {
    return refreshGrant(refreshToken, NO_DEADLINE);
  }

  /**
   * Runs the refresh-token grant, giving up at a deadline.
   *
   * @param refreshToken the refresh token of an earlier grant
   * @param deadlineNanos the {@link System#nanoTime()} by which to give up, or {@link #NO_DEADLINE}
   * @return the issued token
   * @throws TokenRequestFailure with a rejection on 400, 401 or 403
   * @throws TokenRequestFailure on any other failure, after the policy's retries or at the deadline
   */
  public IssuedToken refreshGrant(String refreshToken, long deadlineNanos) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    form.put("refresh_token", refreshToken);
    return post("refresh_token", form, refreshToken, deadlineNanos);
  }

  /**
   * Form-encodes fields in order: {@code name=value} pairs joined by {@code &}, each value UTF-8
   * percent-encoded with spaces as {@code +} ({@code application/x-www-form-urlencoded}).
   *
   * @param fields the fields
   * @return the body
   */
  static String form(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach((name, value) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    });
    return sb.toString();
  }

  private IssuedToken post(String grant, Map<String, String> fields, @Nullable String refreshToken, long deadline) {
    HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri)
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .header("Accept", "application/json")
        .header("User-Agent", "contabo4j-images/" + LibraryVersion.VERSION + " (oauth2)")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields), StandardCharsets.UTF_8));
    for (int attempt = 1; ; attempt++) {
      long left = deadline == NO_DEADLINE ? Long.MAX_VALUE : deadline - System.nanoTime();
      if (left <= 0) {
        throw new TokenRequestFailure("the calling operation's deadline left no time for the " + grant
            + " grant (attempt " + attempt + ")", 0, null);
      }
      // One attempt is bounded to the last byte of the answer by the shorter of its own timeout and
      // what the caller's deadline leaves; the future's exchange is cancelled when it runs out.
      long bound = Math.min(requestTimeout.toNanos(), left);
      TokenRequestFailure failure;
      CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(
          request.timeout(Duration.ofNanos(bound)).build(), LimitedBody.handler(MAX_ANSWER_BYTES));
      try {
        HttpResponse<byte[]> response = exchange.get(bound, TimeUnit.NANOSECONDS);
        int status = response.statusCode();
        LOG.debug("token endpoint answered HTTP {} to the {} grant (attempt {})", status, grant, attempt);
        if (status >= 200 && status <= 299) {
          return parse(grant, status, response.body(), refreshToken);
        }
        if (status == 400 || status == 401 || status == 403) {
          throw rejected(grant, status, response.body(), refreshToken);
        }
        String detail = ErrorBodies.message(status, response.body());
        failure = new TokenRequestFailure("token endpoint failed the " + grant + " grant: "
            + (detail.startsWith("HTTP ") ? "" : "HTTP " + status + ": ") + redact(detail, refreshToken), status, null);
        if (status != 429 && status < 500) {
          throw failure;
        }
      } catch (InterruptedException e) {
        exchange.cancel(true);
        Thread.currentThread().interrupt();
        throw interrupted(grant, e);
      } catch (TimeoutException e) {
        exchange.cancel(true); // aborts the exchange (JDK 16+), so a stalled body is not read on
        LOG.debug("token endpoint gave no complete answer to the {} grant within {} ms (attempt {})",
            grant, TimeUnit.NANOSECONDS.toMillis(bound), attempt);
        failure = new TokenRequestFailure("token endpoint gave no complete answer to the " + grant
            + " grant within " + TimeUnit.NANOSECONDS.toMillis(bound) + " ms", 0, null);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof LimitedBody.TooLarge) {
          throw new TokenRequestFailure("token endpoint answered the " + grant + " grant with more than "
              + MAX_ANSWER_BYTES + " bytes", 0, null);
        }
        LOG.debug("token endpoint unreachable for the {} grant (attempt {}): {}", grant, attempt,
            cause.getClass().getSimpleName());
        failure = new TokenRequestFailure("token endpoint unreachable for the " + grant + " grant: "
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + redact(cause.getMessage(), refreshToken)), 0, cause);
      }
      if (attempt >= policy.maxAttempts()) {
        throw new TokenRequestFailure(failure.getMessage() + " (after " + attempt + " attempts)",
            failure.statusCode(), failure.getCause());
      }
      long delay = RetryRules.delayMillis(attempt, failure, policy, b -> ThreadLocalRandom.current().nextLong(b + 1));
      if (deadline != NO_DEADLINE && TimeUnit.MILLISECONDS.toNanos(delay) >= deadline - System.nanoTime()) {
        throw new TokenRequestFailure(failure.getMessage() + " (attempt " + attempt
            + "; the calling operation's deadline leaves no time for another)", failure.statusCode(),
            failure.getCause());
      }
      try {
        sleeper.sleep(Duration.ofMillis(delay));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(grant, e);
      }
    }
  }

  private IssuedToken parse(String grant, int status, byte[] body, @Nullable String refreshToken) {
    JsonNode node;
    try {
      node = WireJson.MAPPER.readTree(body);
    } catch (IOException e) {
      node = null; // reported below without the body, which may hold a token
    }
    JsonNode access = node == null ? null : node.get("access_token");
    if (access == null || !access.isTextual()) {
      throw new TokenRequestFailure("token endpoint answered HTTP " + status + " to the " + grant
          + " grant without an access_token in a JSON body (" + body.length + " bytes)", status, null);
    }
    try {
      Checks.requireToken("access_token", access.asText());
    } catch (InvalidRequestException e) {
      throw new TokenRequestFailure("token endpoint issued an unusable token: " + e.getMessage(), status, null);
    }
    JsonNode refresh = node.get("refresh_token");
    return new IssuedToken(
        access.asText(),
        seconds(node.get("expires_in")),
        refresh != null && refresh.isTextual() && !refresh.asText().isEmpty() ? refresh.asText() : refreshToken,
        seconds(node.get("refresh_expires_in")));
  }

  private static @Nullable Duration seconds(@Nullable JsonNode node) {
    if (node == null || !(node.isNumber() || node.isTextual())) {
      return null;
    }
    long s = node.asLong(0);
    return s > 0 ? Duration.ofSeconds(Math.min(s, Duration.ofDays(3650).toSeconds())) : null;
  }

  private TokenRequestFailure rejected(String grant, int status, byte[] body, @Nullable String refreshToken) {
    String error = null;
    String description = null;
    try {
      JsonNode node = WireJson.MAPPER.readTree(body);
      if (node != null && node.isObject()) {
        error = text(node.get("error"), refreshToken);
        description = text(node.get("error_description"), refreshToken);
      }
    } catch (IOException e) {
      // not JSON: the status alone says enough
    }
    if (error == null && description == null && body.length > 0) {
      description = redact(ErrorBodies.message(status, body), refreshToken);
    }
    return new TokenRequestFailure(status, new TokenRequestFailure.Rejection(grant, error, description));
  }

  private @Nullable String text(@Nullable JsonNode node, @Nullable String refreshToken) {
    return node != null && node.isTextual() && !node.asText().isBlank() ? redact(node.asText(), refreshToken) : null;
  }

  private static TokenRequestFailure interrupted(String grant, InterruptedException e) {
    return new TokenRequestFailure("interrupted during the " + grant + " grant", 0, e);
  }

  /**
   * Collapses control characters, truncates, and replaces the secret, the password and the refresh
   * token in any form the endpoint could echo them (raw or form-encoded) with {@code <redacted>}.
   */
  String redact(String text, @Nullable String refreshToken) {
    String out = Redaction.redact(text, clientSecret, password, refreshToken);
    StringBuilder sb = new StringBuilder(Math.min(out.length(), MAX_TEXT + 1));
    for (int i = 0; i < out.length() && sb.length() < MAX_TEXT; i++) {
      char c = out.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.length() < out.length() ? sb + "…" : sb.toString();
  }
}
