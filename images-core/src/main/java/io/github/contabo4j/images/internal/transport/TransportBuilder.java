package io.github.contabo4j.images.internal.transport;

import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import java.net.ProxySelector;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The settings both transports take, with the same names, defaults and rules. Each transport's public
 * builder extends this and adds only what is idiomatic to its HTTP client.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class TransportBuilder<B extends TransportBuilder<B>> {
  /** Default base URI. */
  public static final String DEFAULT_BASE_URI = "https://api.contabo.com";
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default per-attempt request timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** This library's version, for the default user agent. */
  public static final String LIBRARY_VERSION = "0.1.0";

  private String baseUri = DEFAULT_BASE_URI;
  private @Nullable TokenSource tokenSource;
  private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private @Nullable ProxySelector proxy;
  private @Nullable SSLContext sslContext;
  private @Nullable String userAgent;
  private @Nullable String traceId;
  private Clock clock = Clock.systemUTC();

  /** Creates the builder with every default. */
  protected TransportBuilder() {}

  @SuppressWarnings("unchecked") // B is the concrete subclass by construction
  private B self() {
    return (B) this;
  }

  /**
   * The API's base URI. Default {@value #DEFAULT_BASE_URI}. Only {@code https} is accepted, except
   * {@code http} on loopback hosts ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}); user-info
   * is rejected.
   *
   * @param baseUri the base URI, e.g. {@code https://api.contabo.com}
   * @return this builder
   * @throws InvalidRequestException if it breaks the rule
   */
  public B baseUri(String baseUri) {
    this.baseUri = BaseUris.require("baseUri", baseUri);
    return self();
  }

  /**
   * Where bearer tokens come from. Required (or use {@link #token(String)}).
   *
   * @param tokenSource the source, called once per HTTP attempt
   * @return this builder
   */
  public B tokenSource(TokenSource tokenSource) {
    if (tokenSource == null) {
      throw new NullPointerException("tokenSource == null");
    }
    this.tokenSource = tokenSource;
    return self();
  }

  /**
   * A fixed bearer token: shorthand for {@code tokenSource(TokenSource.fixed(token))}.
   *
   * @param accessToken the token
   * @return this builder
   */
  public B token(String accessToken) {
    return tokenSource(TokenSource.fixed(accessToken));
  }

  /**
   * How long to wait for a connection. Default 10 s; must be positive.
   *
   * @param connectTimeout the timeout
   * @return this builder
   */
  public B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive("connectTimeout", connectTimeout);
    return self();
  }

  /**
   * How long one HTTP attempt may take, from sending to the last body byte. Default 30 s; must be
   * positive: requests never wait forever.
   *
   * @param requestTimeout the timeout
   * @return this builder
   */
  public B requestTimeout(Duration requestTimeout) {
    this.requestTimeout = positive("requestTimeout", requestTimeout);
    return self();
  }

  /**
   * The proxy selector. Default: none (direct connections).
   *
   * @param proxy the selector
   * @return this builder
   */
  public B proxy(ProxySelector proxy) {
    if (proxy == null) {
      throw new NullPointerException("proxy == null");
    }
    this.proxy = proxy;
    return self();
  }

  /**
   * The TLS context. Default: the JVM's default context.
   *
   * @param sslContext the context
   * @return this builder
   */
  public B sslContext(SSLContext sslContext) {
    if (sslContext == null) {
      throw new NullPointerException("sslContext == null");
    }
    this.sslContext = sslContext;
    return self();
  }

  /**
   * The {@code User-Agent}. Default names this library, its version and the transport.
   *
   * @param userAgent visible ISO-8859-1 characters, no CR/LF
   * @return this builder
   */
  public B userAgent(String userAgent) {
    Checks.requireHeaderValue("userAgent", userAgent);
    this.userAgent = userAgent;
    return self();
  }

  /**
   * The client-wide {@code x-trace-id}, sent when a call's context has none. Default: none.
   *
   * @param traceId free-form, no CR/LF/NUL
   * @return this builder
   */
  public B traceId(String traceId) {
    Checks.requireHeaderValue("x-trace-id", traceId);
    this.traceId = traceId;
    return self();
  }

  /**
   * The clock {@code Retry-After} dates are measured against. Default: the system UTC clock.
   *
   * @param clock the clock
   * @return this builder
   */
  public B clock(Clock clock) {
    if (clock == null) {
      throw new NullPointerException("clock == null");
    }
    this.clock = clock;
    return self();
  }

  /** The base URI, without a trailing slash. */
  public String baseUri() {
    return baseUri;
  }

  /** The connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The per-attempt request timeout. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The proxy selector, or null for direct connections. */
  public @Nullable ProxySelector proxy() {
    return proxy;
  }

  /** The TLS context, or null for the JVM default. */
  public @Nullable SSLContext sslContext() {
    return sslContext;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /**
   * The default user agent for a transport.
   *
   * @return e.g. {@code contabo4j-images/0.1.0 (jdk; Java 17.0.15)}
   */
  protected abstract String transportName();

  /**
   * The user agent in effect.
   *
   * @return the configured or default user agent
   */
  public String userAgent() {
    return userAgent != null
        ? userAgent
        : "contabo4j-images/" + LIBRARY_VERSION + " (" + transportName() + "; Java " + Runtime.version().feature() + ")";
  }

  /**
   * The wire for a client built from these settings.
   *
   * @return the wire
   * @throws IllegalStateException if no token source was set
   */
  protected ImagesWire buildWire() {
    if (tokenSource == null) {
      throw new IllegalStateException("tokenSource == null: set tokenSource(...) or token(...)");
    }
    return new ImagesWire(tokenSource, userAgent(), traceId, clock);
  }

  private static Duration positive(String setting, Duration value) {
    if (value == null) {
      throw new NullPointerException(setting + " == null");
    }
    if (value.isNegative() || value.isZero()) {
      throw new InvalidRequestException(setting, "must be positive");
    }
    return value;
  }

  @Override
  public String toString() {
    // Never prints the token source's secrets: only its presence.
    return getClass().getSimpleName() + "{baseUri=" + baseUri + ", tokenSource=" + (tokenSource == null ? "unset" : "set")
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", traceId=" + traceId + "}";
  }
}
