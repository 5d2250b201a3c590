package io.github.contabo4j.images.tck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.client.ImagesClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The rules every transport's builder shares, because both implement core's {@link
 * ImagesClientBuilder}: defaults applied in {@code build()}, the https-or-loopback base URI, timeouts, header-bound
 * settings, null checks, configuration errors as {@link IllegalArgumentException} or {@link
 * IllegalStateException} (never {@link InvalidRequestException}, which is for a request's own input)
 * and a {@code toString()} without the token. Each transport extends this with
 * its builder and adds tests only for its own settings. Nothing here opens a socket.
 *
 * <pre>{@code
 * class JdkImagesClientBuilderTest extends TransportBuilderContract<JdkImagesClient.Builder> {
 *   protected JdkImagesClient.Builder newBuilder() { return JdkImagesClient.builder(); }
 *   protected Built build(JdkImagesClient.Builder b) {
 *     try (JdkImagesClient c = b.build()) {
 *       return new Built(c.baseUri(), c.requestTimeout(), c.connectTimeout(), c.userAgent(), c.traceId(), c.toString());
 *     }
 *   }
 *   protected String defaultUserAgent() { return "contabo4j-images/0.1.0 java.net.http"; }
 * }
 * }</pre>
 *
 * @param <B> the transport's builder
 */
public abstract class TransportBuilderContract<B extends ImagesClientBuilder<B, ?>> {
  /** The token {@link #builder()} sets; it must never show in a {@code toString()} or message. */
  protected static final String TOKEN = "builder-test-token";

  /** For subclasses. */
  protected TransportBuilderContract() {}

  /**
   * What a built client reports about its settings.
   *
   * @param baseUri the base URI in use
   * @param requestTimeout the per-attempt timeout
   * @param connectTimeout the connect timeout, empty when a caller-supplied HTTP client owns it
   * @param userAgent the {@code User-Agent} sent
   * @param traceId the client-wide {@code x-trace-id}, if any
   * @param description the client's {@code toString()}
   */
  public record Built(
      URI baseUri,
      Duration requestTimeout,
      Optional<Duration> connectTimeout,
      String userAgent,
      Optional<String> traceId,
      String description) {}

  /**
   * The hook: a new builder of the transport under test, with nothing set.
   *
   * @return the builder
   */
  protected abstract B newBuilder();

  /**
   * The hook: builds the client, reads its settings, and closes it.
   *
   * @param builder the configured builder
   * @return what the client reports
   */
  protected abstract Built build(B builder);

  /**
   * The transport's default {@code User-Agent}, spelled out, e.g. {@code contabo4j-images/0.1.0
   * java.net.http}.
   *
   * @return the expected default
   */
  protected abstract String defaultUserAgent();

  /**
   * A builder with {@link #TOKEN} set and nothing else.
   *
   * @return the builder
   */
  protected final B builder() {
    return newBuilder().token(TOKEN);
  }

  @Test
  void defaultsAreAppliedInBuild() {
    Built built = build(builder());

    assertEquals(URI.create("https://api.contabo.com"), built.baseUri());
    assertEquals(Duration.ofSeconds(30), built.requestTimeout());
    assertEquals(Optional.of(Duration.ofSeconds(10)), built.connectTimeout());
    assertEquals(defaultUserAgent(), built.userAgent());
    assertEquals(Optional.empty(), built.traceId());
  }

  @Test
  void settingsAreKept() {
    Built built = build(builder()
        .baseUri("https://api.example.com/contabo/")
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .userAgent("my-app/1.0")
        .traceId("app-wide"));

    assertEquals(URI.create("https://api.example.com/contabo"), built.baseUri());
    assertEquals(Optional.of(Duration.ofSeconds(2)), built.connectTimeout());
    assertEquals(Duration.ofSeconds(5), built.requestTimeout());
    assertEquals("my-app/1.0", built.userAgent());
    assertEquals(Optional.of("app-wide"), built.traceId());
  }

  @Test
  void httpsAndLoopbackHttpBaseUrisAreAccepted() {
    for (String uri : List.of("https://api.contabo.com", "https://10.0.0.1:8443/prefix", "http://localhost:8080",
        "http://LOCALHOST", "http://127.0.0.1:1", "http://127.1.2.3:8080", "http://127.255.255.255",
        "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]/")) {
      assertNotNull(builder().baseUri(uri), uri);
    }
  }

  @Test
  void plainHttpOffLoopbackIsRejected() {
    for (String uri : List.of("http://example.com", "http://api.contabo.com", "http://128.0.0.1",
        "http://10.0.0.1", "http://127.0.0.1.example.com", "http://localhost.example.com", "http://[::2]")) {
      IllegalArgumentException e = rejected("baseUri", () -> builder().baseUri(uri));
      assertTrue(e.getMessage().contains("https") && e.getMessage().contains("loopback"), uri + ": " + e.getMessage());
    }
  }

  @Test
  void otherBadBaseUrisAreRejectedWithoutEchoingThem() {
    for (String uri : List.of("ftp://api.contabo.com", "api.contabo.com", "/v1", "https://", "https://ex ample.com",
        "https://api.contabo.com?x=secret-q", "https://api.contabo.com#secret-f", "mailto:secret-m@example.com",
        "http://0127.0.0.1", "http://127.0.0.256")) {
      IllegalArgumentException e = rejected("baseUri", () -> builder().baseUri(uri));
      assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("ex ample"), uri + ": " + e.getMessage());
    }
  }

  @Test
  void aBaseUriWithUserInfoIsRejectedWithoutEchoingTheCredentials() {
    IllegalArgumentException text = rejected("baseUri", () -> builder().baseUri("https://user:hunter2@api.contabo.com"));
    IllegalArgumentException uri = rejected("baseUri", () -> builder().baseUri(URI.create("http://user@localhost:8080")));

    assertTrue(text.getMessage().contains("user-info"), text.getMessage());
    assertFalse(text.getMessage().contains("hunter2"), text.getMessage());
    assertTrue(uri.getMessage().contains("user-info"), uri.getMessage());
  }

  @Test
  void timeoutsMustBePositiveAndAtMostADay() {
    for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(2))) {
      rejected("requestTimeout", () -> builder().requestTimeout(bad));
      rejected("connectTimeout", () -> builder().connectTimeout(bad));
    }
    assertEquals("requestTimeout must be positive",
        rejected("requestTimeout", () -> builder().requestTimeout(Duration.ZERO)).getMessage());
    assertEquals("connectTimeout must be at most one day",
        rejected("connectTimeout", () -> builder().connectTimeout(Duration.ofDays(2))).getMessage());
    assertEquals("requestTimeout == null",
        assertThrows(NullPointerException.class, () -> builder().requestTimeout(null)).getMessage());
  }

  @Test
  void nullSettingsNameTheSetting() {
    assertNullNamed("baseUri", () -> builder().baseUri((String) null));
    assertNullNamed("baseUri", () -> builder().baseUri((URI) null));
    assertNullNamed("tokenSource", () -> builder().tokenSource(null));
    assertNullNamed("connectTimeout", () -> builder().connectTimeout(null));
    assertNullNamed("proxy", () -> builder().proxy(null));
    assertNullNamed("sslContext", () -> builder().sslContext(null));
    assertNullNamed("userAgent", () -> builder().userAgent(null));
    assertNullNamed("clock", () -> builder().clock(null));
    assertNullNamed("sleeper", () -> builder().sleeper(null));
    assertNullNamed("resilience", () -> builder().resilience(null));
  }

  @Test
  void aTokenSourceIsRequired() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> build(newBuilder()));

    assertTrue(e.getMessage().contains("tokenSource is required"), e.getMessage());
  }

  @Test
  void aBadTokenUserAgentOrTraceIdIsRejectedAtBuild() {
    IllegalArgumentException token = rejected("accessToken", () -> newBuilder().token("has space"));
    rejected("userAgent", () -> build(builder().userAgent("agent\r\nX-Evil: 1")));
    rejected("traceId", () -> build(builder().traceId("trace\n")));

    assertFalse(token.getMessage().contains("has space"), token.getMessage());
  }

  @Test
  void aResponseLimitBelowOneKibibyteIsRejected() {
    IllegalArgumentException e = rejected("maxResponseBytes", () -> builder().maxResponseBytes(1023));

    assertTrue(e.getMessage().contains("1024"), e.getMessage());
  }

  @Test
  void toStringNeverShowsTheToken() {
    String client = build(builder()).description();
    String builder = builder().toString();

    assertTrue(client.contains("api.contabo.com"), client);
    assertFalse(client.contains(TOKEN), client);
    assertFalse(builder.contains(TOKEN), builder);
  }

  /**
   * Asserts that {@code call} throws a configuration error, an {@link IllegalArgumentException} that
   * is not an {@link InvalidRequestException}, whose message starts with {@code setting}.
   *
   * @param setting the setting the message must name first
   * @param call the call
   * @return the exception
   */
  protected static IllegalArgumentException rejected(String setting, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertFalse(e instanceof InvalidRequestException, "a configuration error, not request input: " + e);
    assertTrue(e.getMessage().startsWith(setting + " "), e.getMessage());
    return e;
  }

  /**
   * Asserts that {@code call} throws {@link IllegalStateException} for a missing or conflicting
   * setting, whose message starts with {@code setting}.
   *
   * @param setting the setting the message must name first
   * @param call the call, typically {@code build()}
   * @return the exception
   */
  protected static IllegalStateException conflicting(String setting, Executable call) {
    IllegalStateException e = assertThrows(IllegalStateException.class, call);
    assertTrue(e.getMessage().startsWith(setting + " "), e.getMessage());
    return e;
  }

  private static void assertNullNamed(String setting, Executable call) {
    assertEquals(setting + " == null", assertThrows(NullPointerException.class, call).getMessage());
  }
}
