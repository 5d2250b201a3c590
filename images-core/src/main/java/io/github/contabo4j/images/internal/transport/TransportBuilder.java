package io.github.contabo4j.images.internal.transport;

import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.internal.Listeners;
import io.github.contabo4j.images.ImagesInterceptor;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.auth.ReauthenticatingImagesPort;
import io.github.contabo4j.images.internal.auth.SentTokens;
import io.github.contabo4j.images.internal.DownloadWaiter;
import io.github.contabo4j.images.internal.MonotonicClock;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.ResponseLimit;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.resilience.ResilientImagesPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The settings both transports take, with the same names, defaults and rules, written once. Each
 * transport's public builder extends this and adds only what is idiomatic to its HTTP client. Every
 * default is applied in the transport's {@code build()}.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class TransportBuilder<B extends TransportBuilder<B>> {
  /** The default base URI, {@value}. */
  public static final String DEFAULT_BASE_URI = "https://api.contabo.com";
  /** The default time to open a connection: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** This library's version, for the default {@code User-Agent}. */
  public static final String LIBRARY_VERSION = libraryVersion();

  /**
   * The default response-size limit, 4 MiB ({@value} bytes): a page of 500 images or audit entries
   * as large as the service allows (the most the streams ask for), or about 8,000 typical images.
   */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = ResponseLimit.DEFAULT_MAX_BYTES;

  private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

  private @Nullable URI baseUri;
  private @Nullable TokenSource tokenSource;
  private @Nullable Duration connectTimeout;
  private @Nullable Duration requestTimeout;
  private @Nullable ProxySelector proxy;
  private @Nullable SSLContext sslContext;
  private @Nullable String userAgent;
  private @Nullable String traceId;
  private @Nullable Clock clock;
  private @Nullable Sleeper sleeper;
  private ResiliencePolicy resilience = ResiliencePolicy.defaults();
  private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
  private final List<ImagesListener> listeners = new ArrayList<>();
  private final List<ImagesInterceptor> interceptors = new ArrayList<>();

  /** Creates the builder with every default. */
  protected TransportBuilder() {}

  @SuppressWarnings("unchecked") // B is the concrete subclass by construction
  private B self() {
    return (B) this;
  }

  /**
   * Sets the base URI. Default: the API base URL the token source's credentials chain found ({@code
   * ContaboCredentials.baseUri()}), else {@value #DEFAULT_BASE_URI}. It must be {@code https}, except on a
   * loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) where {@code http} is
   * allowed for tests; it must not carry user-info, a query or a fragment. A path prefix is kept; a
   * trailing slash is ignored.
   *
   * @param baseUri e.g. {@code https://api.contabo.com}
   * @return this builder
   * @throws InvalidRequestException naming {@code baseUri} and the rule it breaks
   */
  public B baseUri(URI baseUri) {
    Objects.requireNonNull(baseUri, "baseUri == null");
    this.baseUri = Checks.requireBaseUri("baseUri", baseUri);
    return self();
  }

  /**
   * Sets the base URI from text; see {@link #baseUri(URI)}.
   *
   * @param baseUri e.g. {@code https://api.contabo.com}
   * @return this builder
   * @throws InvalidRequestException naming {@code baseUri} and the rule it breaks
   */
  public B baseUri(String baseUri) {
    Objects.requireNonNull(baseUri, "baseUri == null");
    return baseUri(Checks.requireBaseUri("baseUri", baseUri));
  }

  /**
   * Sets where bearer tokens come from. Required (or use {@link #token(String)}).
   *
   * @param tokenSource called once per attempt; must be thread-safe
   * @return this builder
   */
  public B tokenSource(TokenSource tokenSource) {
    this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource == null");
    return self();
  }

  /**
   * Uses one fixed access token: {@code tokenSource(TokenSource.fixed(accessToken))}.
   *
   * @param accessToken the token, without {@code Bearer }
   * @return this builder
   * @throws InvalidRequestException if the token is blank or holds whitespace or control characters
   */
  public B token(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken == null");
    return tokenSource(TokenSource.fixed(accessToken));
  }

  /**
   * Sets the time allowed to open a connection. Default 10 seconds.
   *
   * @param connectTimeout positive, at most one day
   * @return this builder
   * @throws InvalidRequestException if zero, negative or longer than a day
   */
  public B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = requireTimeout("connectTimeout", connectTimeout);
    return self();
  }

  /**
   * Sets the time allowed for one attempt, from sending to the last body byte. Default: the
   * resilience policy's {@code attemptTimeout} (30 seconds by default). When set, it replaces the
   * policy's {@code attemptTimeout}, longer or shorter, and the policy's {@code callTimeout} is raised
   * to it if shorter, so one attempt always gets the whole of it; {@code ImagesClient.requestTimeout()}
   * reports the value applied. There is no "infinite": a missing answer always ends as an {@code
   * ImagesTransportException} with failure {@code TIMEOUT}.
   *
   * @param requestTimeout positive, at most one day
   * @return this builder
   * @throws InvalidRequestException if zero, negative or longer than a day
   */
  public B requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requireTimeout("requestTimeout", requestTimeout);
    return self();
  }

  /**
   * Sends requests through proxies chosen by this selector. Default, on every transport: the JVM's
   * {@link ProxySelector#getDefault()} (so the {@code http.proxyHost}/{@code https.proxyHost}
   * properties apply), asked on each new connection.
   *
   * @param proxy e.g. {@code ProxySelector.of(new InetSocketAddress("proxy", 3128))}
   * @return this builder
   */
  public B proxy(ProxySelector proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy == null");
    return self();
  }

  /**
   * Uses this TLS context, e.g. with a private trust store. Default, on every transport: the JVM's
   * {@link SSLContext#getDefault()}.
   *
   * @param sslContext the context
   * @return this builder
   */
  public B sslContext(SSLContext sslContext) {
    this.sslContext = Objects.requireNonNull(sslContext, "sslContext == null");
    return self();
  }

  /**
   * Sets the {@code User-Agent}. Default {@code contabo4j-images/<version> <transport>}.
   *
   * @param userAgent visible ISO-8859-1 characters, at most 1024; validated in {@code build()}
   * @return this builder
   */
  public B userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
    return self();
  }

  /**
   * Sets a client-wide {@code x-trace-id}, sent when a call's {@code CallContext} has none. Default:
   * none.
   *
   * @param traceId free-form, at most 1024 characters, no CR, LF or control characters; null for
   *     none; validated in {@code build()}
   * @return this builder
   */
  public B traceId(@Nullable String traceId) {
    this.traceId = traceId;
    return self();
  }

  /**
   * Sets the clock that {@code Retry-After} dates, backoff and the rate limiter are measured
   * against. Default {@link Clock#systemUTC()} for dates and a monotonic clock for waiting.
   *
   * @param clock the clock
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return self();
  }

  /**
   * Sets how the resilience layer waits (backoff, {@code Retry-After}, rate limiting). Default
   * {@link Sleeper#system()}. Tests inject one that advances a virtual clock.
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    return self();
  }

  /**
   * Sets the retry and rate-limit policy applied around every call. Default {@link
   * ResiliencePolicy#defaults()}; {@link ResiliencePolicy#none()} sends each call exactly once.
   *
   * @param resilience the policy
   * @return this builder
   */
  public B resilience(ResiliencePolicy resilience) {
    this.resilience = Objects.requireNonNull(resilience, "resilience == null");
    return self();
  }

  /**
   * Sets the response-size limit: the most bytes of a 2xx answer's body this client reads. Default
   * {@value #DEFAULT_MAX_RESPONSE_BYTES} (4 MiB). A larger answer fails with an {@code
   * ImagesTransportException} of failure {@code RESPONSE_TOO_LARGE}, {@code MAYBE_PROCESSED}, never
   * retried: at once when its {@code Content-Length} declares too much, else as soon as one byte too
   * many has arrived; its connection is closed. The limit applies after any content decoding. An
   * error body is read up to 64 KiB (or this limit, if smaller) and cut there; its connection is then
   * closed too.
   *
   * @param maxResponseBytes at least 1024
   * @return this builder
   * @throws InvalidRequestException naming {@code maxResponseBytes} if it is below 1024
   */
  public B maxResponseBytes(int maxResponseBytes) {
    this.maxResponseBytes = ResponseLimit.requireValid(maxResponseBytes);
    return self();
  }

  /**
   * Sets who hears about retries, rate-limit and 429 waits, reconciliations and the end of every call
   * with its latency and request id (see {@link ImagesListener}). Default {@link
   * ImagesListener#none()}.
   *
   * @param listener the listener; called on the calling thread, must be thread-safe
   * @return this builder
   */
  public B listener(ImagesListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    listeners.clear();
    listeners.add(listener);
    return self();
  }

  /**
   * Adds a listener beside those set so far (e.g. a metrics binding's beside the application's own);
   * each hears every event, in the order added. {@link #listener} replaces them all.
   *
   * @param listener the listener; called on the calling thread, must be thread-safe
   * @return this builder
   */
  public B addListener(ImagesListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener == null"));
    return self();
  }

  /**
   * Adds an interceptor that every call of the built client passes through, once per call, outside
   * the retries (see {@link ImagesInterceptor}); the first added is the outermost.
   *
   * @param interceptor the interceptor; called on the calling thread, must be thread-safe
   * @return this builder
   */
  public B addInterceptor(ImagesInterceptor interceptor) {
    interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
    return self();
  }

  // ---------------------------------------------------------------- for the transports' build()

  /** The transport's name in the default {@code User-Agent}, e.g. {@code java.net.http}. */
  protected abstract String transportName();

  /** The base URI in effect, without a trailing slash. */
  private URI baseUriOrDefault() {
    URI uri = baseUri != null ? baseUri
        : tokenSource instanceof ContaboCredentials credentials && credentials.baseUri().isPresent()
            ? credentials.baseUri().get() // found by the credentials chain; an explicit baseUri wins
            : URI.create(DEFAULT_BASE_URI);
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  /** The connect timeout in effect. */
  private Duration connectTimeoutOrDefault() {
    return connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
  }

  /** The per-attempt timeout in effect: the explicit setting, else the policy's attempt timeout. */
  private Duration requestTimeoutOrDefault() {
    return requestTimeout == null ? resilience.attemptTimeout() : requestTimeout;
  }

  /**
   * The policy in effect: the one set, with {@code attemptTimeout} replaced by an explicit {@code
   * requestTimeout} (and {@code callTimeout} raised to it if shorter), so the setting is the value
   * every attempt is cut at, in both directions.
   */
  private ResiliencePolicy appliedPolicy() {
    if (requestTimeout == null) {
      return resilience;
    }
    ResiliencePolicy.Builder b = resilience.toBuilder().attemptTimeout(requestTimeout);
    if (resilience.callTimeout().compareTo(requestTimeout) < 0) {
      b.callTimeout(requestTimeout);
    }
    return b.build();
  }

  /** Whether any of connect timeout, proxy or TLS context was set (they belong to a built client). */
  private boolean connectionSettingsSet() {
    return connectTimeout != null || proxy != null || sslContext != null;
  }

  /** The {@code User-Agent} in effect. */
  private String userAgentOrDefault() {
    return userAgent != null ? userAgent : "contabo4j-images/" + LIBRARY_VERSION + " " + transportName();
  }

  /**
   * Resolves every setting, applying defaults and validating the header-bound ones: what a
   * transport's {@code build()} hands to its client.
   *
   * @return the resolved settings
   * @throws IllegalStateException if no token source was set
   * @throws InvalidRequestException if the user agent or trace id breaks the header rules
   */
  protected final Settings resolve() {
    if (tokenSource == null) {
      throw new IllegalStateException("tokenSource is required: call tokenSource(...) or token(...)");
    }
    String agent = userAgentOrDefault();
    ResiliencePolicy applied = appliedPolicy();
    SentTokens tokens = new SentTokens(tokenSource);
    ImagesWire wire = new ImagesWire(tokens, agent, traceId, clock == null ? Clock.systemUTC() : clock);
    return new Settings(baseUriOrDefault(), connectTimeoutOrDefault(), requestTimeoutOrDefault(), proxy, sslContext,
        agent, traceId, wire, tokens, applied, sleeper, clock, Listeners.all(listeners), List.copyOf(interceptors),
        new ResponseLimit(maxResponseBytes));
  }

  /**
   * {@link #resolve()} for a transport that may use a caller-supplied HTTP client: such a client is
   * configured by its owner, so the settings that belong to a built client must not also be set here.
   *
   * @param callerSuppliesClient whether the caller supplied the HTTP client
   * @param clientSettings the transport's own settings that belong to a built client (e.g. {@code
   *     executor}) that were set, by name; empty when none
   * @return the resolved settings
   * @throws InvalidRequestException naming {@code httpClient} if both are set
   */
  protected final Settings resolve(boolean callerSuppliesClient, String... clientSettings) {
    Settings settings = resolve();
    if (callerSuppliesClient && (connectionSettingsSet() || clientSettings.length > 0)) {
      StringBuilder names = new StringBuilder("connectTimeout, proxy, sslContext");
      for (String name : clientSettings) {
        names.append(", ").append(name);
      }
      throw new InvalidRequestException("httpClient",
          "is configured by its owner: set " + names + " on it, not on this builder");
    }
    return settings;
  }

  /**
   * Every transport setting, resolved.
   *
   * @param baseUri the base URI, without a trailing slash
   * @param connectTimeout the connect timeout
   * @param requestTimeout the per-attempt timeout
   * @param proxy the proxy selector, or null for the JVM's default selector
   * @param sslContext the TLS context, or null for the JVM default
   * @param userAgent the {@code User-Agent}
   * @param traceId the client-wide trace id, or null
   * @param wire the wire built from these settings
   * @param tokenSource the token source the wire reads, which records each attempt's token for the 401
   *     replay
   * @param resilience the resilience policy in effect (its {@code attemptTimeout} is {@code
   *     requestTimeout})
   * @param sleeper the resilience layer's sleeper, or null for the default
   * @param clock the clock, or null for the defaults
   * @param listener the listener the resilience decorator reports to
   * @param interceptors what every call passes through first, outermost first
   * @param responseLimit how much of an answer the transport reads
   */
  public record Settings(
      URI baseUri,
      Duration connectTimeout,
      Duration requestTimeout,
      @Nullable ProxySelector proxy,
      @Nullable SSLContext sslContext,
      String userAgent,
      @Nullable String traceId,
      ImagesWire wire,
      SentTokens tokenSource,
      ResiliencePolicy resilience,
      @Nullable Sleeper sleeper,
      @Nullable Clock clock,
      ImagesListener listener,
      List<ImagesInterceptor> interceptors,
      ResponseLimit responseLimit) {

    /**
     * Wraps a transport's raw port in the layers every transport shares, outermost first: the 401
     * replay (one token refresh and one replay per call, itself going through the limiter), then the
     * one resilience decorator as the policy says, reporting to the listener. {@code awaitDownloaded}
     * polls through the outermost layer (so a poll answered 401 is replayed like any call) and waits
     * on the same clock, sleeper and poll schedule as the decorator.
     *
     * @param raw the transport's port, which sends each attempt once
     * @return the port callers use
     */
    public ImagesPort decorate(ImagesPort raw) {
      Clock waitClock = clock != null ? clock : new MonotonicClock();
      Sleeper waitSleeper = sleeper != null ? sleeper : Sleeper.system();
      ResilientImagesPort resilient = ResilientImagesPort.builder().delegate(raw).policy(resilience)
          .sleeper(waitSleeper).clock(waitClock).listener(listener).build();
      return ReauthenticatingImagesPort.wrap(
          resilient, tokenSource, new DownloadWaiter(waitClock, waitSleeper, resilience.backoffBase(), resilience.backoffMultiplier()));
    }
  }

  private static Duration requireTimeout(String field, Duration timeout) {
    Objects.requireNonNull(timeout, field + " == null");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new InvalidRequestException(field, "must be positive");
    }
    if (timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new InvalidRequestException(field, "must be at most one day");
    }
    return timeout;
  }

  private static String libraryVersion() {
    try (InputStream in = TransportBuilder.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    // Shows whether a token source is set, never what it holds.
    return getClass().getSimpleName() + "{baseUri=" + baseUriOrDefault() + ", tokenSource="
        + (tokenSource == null ? "unset" : "set") + ", connectTimeout=" + connectTimeoutOrDefault()
        + ", requestTimeout=" + requestTimeoutOrDefault() + ", traceId=" + traceId + ", maxResponseBytes="
        + maxResponseBytes + ", resilience=" + resilience
        + ", listeners=" + listeners.size() + ", interceptors=" + interceptors.size() + "}";
  }
}
