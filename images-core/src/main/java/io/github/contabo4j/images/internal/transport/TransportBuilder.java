package io.github.contabo4j.images.internal.transport;

import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.internal.Listeners;
import io.github.contabo4j.images.ImagesInterceptor;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.client.ImagesClientBuilder;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.auth.ReauthenticatingImagesPort;
import io.github.contabo4j.images.internal.LibraryVersion;
import io.github.contabo4j.images.internal.auth.SentTokens;
import io.github.contabo4j.images.internal.DownloadWaiter;
import io.github.contabo4j.images.internal.MonotonicClock;
import io.github.contabo4j.images.internal.auth.TokenConnections;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.ResponseLimit;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.resilience.ResilientImagesPort;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of the public {@link ImagesClientBuilder}: every shared setting, with the
 * same names, defaults and rules on both transports, written once. Each transport's builder
 * implementation extends this, implements its public {@code Builder} interface, and adds only what is
 * idiomatic to its HTTP client. Every default is applied in the transport's {@code build()}.
 * Configuration errors are {@link IllegalArgumentException} (a bad value) and {@link
 * IllegalStateException} (a missing or conflicting setting), never {@link InvalidRequestException}.
 *
 * @param <B> the transport's public builder type, returned by every setter
 * @param <C> the client it builds
 */
public abstract class TransportBuilder<B extends ImagesClientBuilder<B, C>, C extends ImagesClient>
    implements ImagesClientBuilder<B, C> {
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

  @SuppressWarnings("unchecked") // the concrete subclass implements B by construction
  private B self() {
    return (B) this;
  }

  @Override
  public B baseUri(URI baseUri) {
    Objects.requireNonNull(baseUri, "baseUri == null");
    this.baseUri = Checks.setting(() -> Checks.requireBaseUri("baseUri", baseUri));
    return self();
  }

  @Override
  public B baseUri(String baseUri) {
    Objects.requireNonNull(baseUri, "baseUri == null");
    return baseUri(Checks.setting(() -> Checks.requireBaseUri("baseUri", baseUri)));
  }

  @Override
  public B tokenSource(TokenSource tokenSource) {
    this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource == null");
    return self();
  }

  @Override
  public B token(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken == null");
    return tokenSource(Checks.setting(() -> TokenSource.fixed(accessToken)));
  }

  @Override
  public B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = requireTimeout("connectTimeout", connectTimeout);
    return self();
  }

  @Override
  public B requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requireTimeout("requestTimeout", requestTimeout);
    return self();
  }

  @Override
  public B proxy(ProxySelector proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy == null");
    return self();
  }

  @Override
  public B sslContext(SSLContext sslContext) {
    this.sslContext = Objects.requireNonNull(sslContext, "sslContext == null");
    return self();
  }

  @Override
  public B userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
    return self();
  }

  @Override
  public B traceId(@Nullable String traceId) {
    this.traceId = traceId;
    return self();
  }

  @Override
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return self();
  }

  @Override
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    return self();
  }

  @Override
  public B resilience(ResiliencePolicy resilience) {
    this.resilience = Objects.requireNonNull(resilience, "resilience == null");
    return self();
  }

  @Override
  public B maxResponseBytes(int maxResponseBytes) {
    this.maxResponseBytes = Checks.setting(() -> ResponseLimit.requireValid(maxResponseBytes));
    return self();
  }

  @Override
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
  @Override
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
  @Override
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
    return userAgent != null ? userAgent : "contabo4j-images/" + LibraryVersion.VERSION + " " + transportName();
  }

  /**
   * Resolves every setting, applying defaults and checking the header-bound ones: what a
   * transport's {@code build()} hands to its client. A {@code ContaboCredentials} token source is
   * bound to this builder's proxy, TLS context and connect timeout (where it has none of its own).
   *
   * @return the resolved settings
   * @throws IllegalStateException if no token source was set
   * @throws IllegalArgumentException naming {@code userAgent} or {@code traceId} if it breaks the
   *     header rules
   */
  protected final Settings resolve() {
    if (tokenSource == null) {
      throw new IllegalStateException("tokenSource is required: call tokenSource(...) or token(...)");
    }
    String agent = userAgentOrDefault();
    check(() -> Checks.requireHeaderValue("userAgent", agent));
    if (traceId != null) {
      String trace = traceId;
      check(() -> Checks.requireHeaderValue("traceId", trace));
    }
    ResiliencePolicy applied = appliedPolicy();
    SentTokens tokens = new SentTokens(
        TokenConnections.bind(tokenSource, new TokenConnections.Connection(connectTimeout, proxy, sslContext)));
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
   * @throws IllegalStateException naming {@code httpClient} and the settings if both are set
   */
  protected final Settings resolve(boolean callerSuppliesClient, String... clientSettings) {
    if (callerSuppliesClient && (connectionSettingsSet() || clientSettings.length > 0)) {
      StringBuilder names = new StringBuilder("connectTimeout, proxy, sslContext");
      for (String name : clientSettings) {
        names.append(", ").append(name);
      }
      throw new IllegalStateException(
          "httpClient is configured by its owner: set " + names + " on it, not on this builder");
    }
    return resolve();
  }

  private static void check(Runnable check) {
    Checks.setting(() -> {
      check.run();
      return null;
    });
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
      throw new IllegalArgumentException(field + " must be positive");
    }
    if (timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(field + " must be at most one day");
    }
    return timeout;
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
