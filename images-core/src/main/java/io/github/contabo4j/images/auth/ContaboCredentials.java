package io.github.contabo4j.images.auth;

import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.auth.FoundCredentials;
import io.github.contabo4j.images.internal.auth.TokenCache;
import io.github.contabo4j.images.internal.auth.TokenConnections;
import io.github.contabo4j.images.internal.auth.TokenEndpoint;
import io.github.contabo4j.images.internal.MonotonicClock;
import io.github.contabo4j.images.internal.auth.TokenRequestFailure;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.net.URI;
import java.net.ProxySelector;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TokenSource} for Contabo's OAuth2 password grant: it posts the client id and secret and
 * the API user's name and password to the token endpoint, caches the access token, and renews it.
 *
 * <pre>{@code
 * TokenSource tokens = ContaboCredentials.defaultChain();     // where Contabo's tools keep them
 * TokenSource tokens = ContaboCredentials.fromEnvironment();   // the four CONTABO_* variables
 * TokenSource tokens = ContaboCredentials.builder()
 *     .clientId(id).clientSecret(secret).username(user).password(password)
 *     .build();
 * }</pre>
 *
 * <p><b>The request.</b> A {@code POST} of {@code application/x-www-form-urlencoded; charset=UTF-8}
 * with {@code grant_type=password}, {@code client_id}, {@code client_secret}, {@code username} and
 * {@code password}, every value UTF-8 form-encoded, to {@value #DEFAULT_TOKEN_URI} unless {@link
 * Builder#tokenUri} says otherwise. Redirects are not followed.
 *
 * <p><b>Caching and renewal.</b> The access token is reused until {@code expires_in} minus the
 * {@linkplain Builder#refreshSkew refresh skew} (default 30 s), counted from when its request was
 * sent. Renewal is single-flight: however many threads meet an expired token, one request goes out
 * and they all get its token (each waiting no longer than its own deadline). It tries the {@code refresh_token} grant first ({@code
 * grant_type=refresh_token}, {@code client_id}, {@code client_secret}, {@code refresh_token}), while
 * the refresh token's own {@code refresh_expires_in} minus the skew allows, and falls back to the
 * password grant if the endpoint rejects it (400, 401 or 403). A token issued without {@code
 * expires_in}, or living no longer than the skew, serves only the call that fetched it. {@link
 * #invalidate} drops the cached access token if it is the one the API rejected; the transports' 401
 * handling calls it and replays the call once.
 *
 * <p><b>Failures.</b> HTTP 429, 5xx, timeouts and I/O errors are retried with the {@linkplain
 * Builder#policy policy's} {@code maxAttempts} and jittered backoff (its rate limit, {@code
 * Retry-After} and attempt timeout do not apply here; see {@link Builder#requestTimeout}); after the
 * last attempt a {@link TokenEndpointException} is thrown. A refusal of the credentials, such as
 * {@code invalid_grant}, is a {@link CredentialsRejectedException} at once. Neither ever carries the
 * secret, the password or a token. An answer longer than 64 KiB is refused. An API call that cannot
 * get a token throws an {@code ImagesTransportException} with failure {@code TOKEN_UNAVAILABLE},
 * delivery {@code NOT_SENT}, the call's request ids, and one of these as its cause.
 *
 * <p><b>Bounds.</b> Each token request is bounded to the last byte of the answer by {@link
 * Builder#requestTimeout}, and, when an API call needs the token, by what that call's deadline
 * leaves ({@link #accessToken(Duration)}). No lock is held while the endpoint is asked: callers that
 * meet a renewal in progress wait for it, each no longer than its own deadline.
 *
 * <p><b>Connection.</b> Token requests go through the proxy, TLS context and connect timeout of the
 * transport builder these credentials are given to ({@code JdkImagesClient.builder().proxy(...)}
 * and so on), so the token endpoint is reached the way the API is. A {@linkplain Builder#proxy
 * proxy}, {@linkplain Builder#sslContext TLS context} or {@linkplain Builder#connectTimeout connect
 * timeout} set on this builder wins over the transport builder's, setting by setting. Where neither
 * sets one: the JVM's proxy selector and TLS context, like the transports, and a connect timeout of
 * the smaller of {@link Builder#requestTimeout} and 10 s. One instance given to several clients keeps
 * one token cache; a renewal goes through the connection of the client whose call started it. A
 * direct {@link #accessToken()} goes through this builder's settings alone.
 *
 * <p><b>Secrets.</b> Nothing is written to disk, and only {@link #defaultChain()} reads a file (the
 * {@code cntb} config file). {@link #toString()} shows the chain's source if any, the token URI,
 * the client id and the user name, never the secret, the password or a token. Tokens and token
 * endpoint bodies are never logged.
 *
 * <p><b>Thread-safety.</b> Thread-safe; share one instance per set of credentials.
 */
public final class ContaboCredentials implements TokenSource {
  /** Contabo's token endpoint. */
  public static final String DEFAULT_TOKEN_URI =
      "https://auth.contabo.com/auth/realms/contabo/protocol/openid-connect/token";
  /** Default refresh skew: a token counts as expired this long before {@code expires_in}. */
  public static final Duration DEFAULT_REFRESH_SKEW = Duration.ofSeconds(30);
  /** Default timeout of one token request. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** The environment variable holding the OAuth2 client id. */
  public static final String ENV_CLIENT_ID = "CONTABO_CLIENT_ID";
  /** The environment variable holding the OAuth2 client secret. */
  public static final String ENV_CLIENT_SECRET = "CONTABO_CLIENT_SECRET";
  /** The environment variable holding the API user's name (an e-mail address). */
  public static final String ENV_API_USER = "CONTABO_API_USER";
  /** The environment variable holding the API user's password. */
  public static final String ENV_API_PASSWORD = "CONTABO_API_PASSWORD";

  private static final Duration MAX_DURATION = Duration.ofDays(1);

  static {
    // A transport builder given these credentials hands them its connection settings through core's
    // internal registry; the dependency runs from here to it, never back.
    TokenConnections.register((source, connection) ->
        source instanceof ContaboCredentials credentials ? credentials.through(connection) : null);
  }

  private final String description;
  private final TokenEndpoint endpoint;
  private final TokenCache cache;
  private final @Nullable URI baseUri;
  private final @Nullable Duration connectTimeout;
  private final @Nullable ProxySelector proxy;
  private final @Nullable SSLContext sslContext;

  private ContaboCredentials(Builder b, String clientId, String clientSecret, String username, String password) {
    FoundCredentials origin =
        b.origin != null && b.origin.sameCredentials(clientId, clientSecret, username, password) ? b.origin : null;
    this.baseUri = origin == null ? null : origin.baseUri();
    this.description = "ContaboCredentials{" + (origin == null ? "" : "source=" + origin.source() + ", ")
        + "tokenUri=" + b.tokenUri + ", clientId=" + clientId + ", username=" + username
        + ", clientSecret=<redacted>, password=<redacted>, refreshSkew=" + b.refreshSkew + "}";
    this.connectTimeout = b.connectTimeout;
    this.proxy = b.proxy;
    this.sslContext = b.sslContext;
    this.endpoint = new TokenEndpoint(b.tokenUri, clientId, clientSecret, username, password,
        b.requestTimeout, b.policy, b.sleeper, b.connectTimeout, b.proxy, b.sslContext);
    this.cache = new TokenCache(endpoint, b.clock == null ? new MonotonicClock() : b.clock, b.refreshSkew);
  }

  /** The same credentials, cache and settings, fetching through another endpoint client. */
  private ContaboCredentials(ContaboCredentials shared, TokenEndpoint via) {
    this.description = shared.description;
    this.endpoint = via;
    this.cache = shared.cache;
    this.baseUri = shared.baseUri;
    this.connectTimeout = shared.connectTimeout;
    this.proxy = shared.proxy;
    this.sslContext = shared.sslContext;
  }

  /** A builder with every default; the four credentials are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Credentials from the first source of the {@linkplain CredentialsChain default chain} that holds
   * them: system properties, the {@code CONTABO_*} variables, the {@code CNTB_OAUTH2_*} variables,
   * then the {@code cntb} CLI's config file. {@link #toString()} names the source; {@link #baseUri()}
   * holds the API base URL the source named, if any.
   *
   * @return the token source; no request is made yet
   * @throws IllegalArgumentException if a source holds only some of the credentials or a file is
   *     unreadable; {@link IllegalStateException} if no source holds them; see {@link
   *     CredentialsChain#resolve()}
   */
  public static ContaboCredentials defaultChain() {
    return CredentialsChain.defaults().resolve().build();
  }

  /**
   * The API base URL named by the source the {@linkplain CredentialsChain chain} took these
   * credentials from ({@code contabo.baseUrl}, {@code CNTB_API} or the config file's {@code api}).
   * A transport builder whose {@code baseUri} was not set uses it.
   *
   * @return the URL, already checked like a transport's base URI; empty if none was named
   */
  public Optional<URI> baseUri() {
    return Optional.ofNullable(baseUri);
  }

  /**
   * Credentials from the process environment ({@value #ENV_CLIENT_ID}, {@value #ENV_CLIENT_SECRET},
   * {@value #ENV_API_USER}, {@value #ENV_API_PASSWORD}) with every other setting at its default.
   *
   * @return the token source; no request is made yet
   * @throws IllegalArgumentException naming the first variable that is unset or blank
   */
  public static ContaboCredentials fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Credentials from the given environment, as {@link #fromEnvironment()} reads the real one.
   *
   * @param environment variable names to values
   * @return the token source; no request is made yet
   * @throws IllegalArgumentException naming the first variable that is unset or blank
   */
  public static ContaboCredentials fromEnvironment(Map<String, String> environment) {
    return builder().environment(environment).build();
  }

  /**
   * The cached access token, or a new one if it expired (minus the skew) or was invalidated.
   *
   * @return the token, without the {@code Bearer } prefix
   * @throws CredentialsRejectedException if the token endpoint refused the credentials
   * @throws TokenEndpointException if the token endpoint failed after the policy's retries, or the
   *     thread was interrupted while waiting (the interrupt flag is then set)
   */
  @Override
  public String accessToken() {
    return fetch(TokenEndpoint.NO_DEADLINE, endpoint);
  }

  /**
   * The cached access token, or a new one, giving up when {@code timeLeft} has passed: the transports
   * call this with what the API call's deadline leaves. A renewal another thread has in progress is
   * waited for no longer than that, and a renewal this thread starts is cut there too, to the last
   * byte of the answer.
   *
   * @param timeLeft how long the calling operation may still wait
   * @return the token, without the {@code Bearer } prefix
   * @throws CredentialsRejectedException if the token endpoint refused the credentials
   * @throws TokenEndpointException if the token endpoint failed, or no token came within {@code
   *     timeLeft}, or the thread was interrupted while waiting (the interrupt flag is then set)
   */
  @Override
  public String accessToken(Duration timeLeft) {
    return fetch(deadline(timeLeft), endpoint);
  }

  private static long deadline(Duration timeLeft) {
    Objects.requireNonNull(timeLeft, "timeLeft == null");
    long nanos = timeLeft.isNegative() ? 0 : timeLeft.compareTo(MAX_DURATION) > 0 ? MAX_DURATION.toNanos() : timeLeft.toNanos();
    long deadline = System.nanoTime() + nanos;
    return deadline == TokenEndpoint.NO_DEADLINE ? deadline + 1 : deadline;
  }

  /** The cached token, or one fetched through {@code via}; failures leave as the public exceptions. */
  private String fetch(long deadline, TokenEndpoint via) {
    try {
      return cache.accessToken(deadline, via);
    } catch (TokenRequestFailure failure) {
      TokenEndpointException e = failure.rejection()
          .<TokenEndpointException>map(r -> new CredentialsRejectedException(
              r.grant(), failure.statusCode(), r.error(), r.description()))
          .orElseGet(() -> new TokenEndpointException(failure.getMessage(), failure.statusCode(), failure.getCause()));
      e.setStackTrace(failure.getStackTrace()); // where it failed, not where it was translated
      throw e;
    }
  }

  /**
   * These credentials as a client built with {@code connection} uses them: the same cache (one
   * renewal at a time, whichever client asks, and {@link #invalidate} shared), and token requests
   * through that client's proxy, TLS context and connect timeout, except where these credentials
   * were given their own.
   */
  private ContaboCredentials through(TokenConnections.Connection connection) {
    Duration connect = connectTimeout != null ? connectTimeout : connection.connectTimeout();
    ProxySelector selector = proxy != null ? proxy : connection.proxy();
    SSLContext tls = sslContext != null ? sslContext : connection.sslContext();
    if (connect == connectTimeout && selector == proxy && tls == sslContext) {
      return this; // everything the client sets, these credentials set themselves
    }
    return new ContaboCredentials(this, endpoint.through(connect, selector, tls));
  }

  /**
   * Drops the cached access token if it is {@code rejectedToken}; a newer one is kept.
   *
   * @param rejectedToken the token the API answered 401 to
   */
  @Override
  public void invalidate(String rejectedToken) {
    cache.invalidate(rejectedToken);
  }

  /** For tests of the single flight: callers waiting for a renewal in progress. */
  int queuedCallers() {
    return cache.queuedCallers();
  }

  /**
   * The source the chain took them from (if it did), the token URI, client id, user name and skew;
   * never the secret, the password or a token.
   */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Builds {@link ContaboCredentials}. The client id, client secret, user name and password are
   * required; everything else has a default. Setters check their value and throw {@link
   * IllegalArgumentException} for a bad one, {@link #build()} throws {@link IllegalStateException} for
   * a missing one; messages name the setting, never its value.
   */
  public static final class Builder {
    private String tokenUri = DEFAULT_TOKEN_URI;
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private @Nullable String username;
    private @Nullable String password;
    private Duration refreshSkew = DEFAULT_REFRESH_SKEW;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private @Nullable Duration connectTimeout;
    private @Nullable ProxySelector proxy;
    private @Nullable SSLContext sslContext;
    private ResiliencePolicy policy = ResiliencePolicy.defaults();
    private @Nullable Clock clock;
    private Sleeper sleeper = Sleeper.system();
    private @Nullable FoundCredentials origin;

    private Builder() {}

    /** Set by {@link CredentialsChain#resolve()}: where the four credentials came from. */
    Builder origin(FoundCredentials origin) {
      this.origin = origin;
      return this;
    }

    /**
     * The token endpoint. Default {@value ContaboCredentials#DEFAULT_TOKEN_URI}. Only {@code https} is
     * accepted, except {@code http} on loopback hosts ({@code localhost}, {@code 127.0.0.0/8}, {@code
     * ::1}); user-info, a query and a fragment are rejected.
     *
     * @param tokenUri the absolute URI
     * @return this builder
     * @throws IllegalArgumentException if it breaks the rule
     */
    public Builder tokenUri(String tokenUri) {
      this.tokenUri = Checks.setting(() -> Checks.requireBaseUri("tokenUri", tokenUri)).toString();
      return this;
    }

    /**
     * The OAuth2 client id. Required.
     *
     * @param clientId non-blank
     * @return this builder
     * @throws IllegalArgumentException naming the setting if blank
     */
    public Builder clientId(String clientId) {
      this.clientId = required("clientId", clientId);
      return this;
    }

    /**
     * The OAuth2 client secret. Required; never shown.
     *
     * @param clientSecret non-blank
     * @return this builder
     * @throws IllegalArgumentException naming the setting if blank
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = required("clientSecret", clientSecret);
      return this;
    }

    /**
     * The API user's name, usually the account's e-mail address. Required.
     *
     * @param username non-blank
     * @return this builder
     * @throws IllegalArgumentException naming the setting if blank
     */
    public Builder username(String username) {
      this.username = required("username", username);
      return this;
    }

    /**
     * The API user's password. Required; never shown.
     *
     * @param password non-empty
     * @return this builder
     * @throws IllegalArgumentException naming {@code password} if empty
     */
    public Builder password(String password) {
      if (password == null) {
        throw new NullPointerException("password == null");
      }
      if (password.isEmpty()) {
        throw new IllegalArgumentException("password must not be empty");
      }
      this.password = password;
      return this;
    }

    /**
     * Sets the four credentials from an environment: {@value ContaboCredentials#ENV_CLIENT_ID},
     * {@value ContaboCredentials#ENV_CLIENT_SECRET}, {@value ContaboCredentials#ENV_API_USER} and
     * {@value ContaboCredentials#ENV_API_PASSWORD}.
     *
     * @param environment variable names to values, e.g. {@link System#getenv()}
     * @return this builder
     * @throws IllegalArgumentException naming the first variable that is unset or blank (never a value)
     */
    public Builder environment(Map<String, String> environment) {
      Objects.requireNonNull(environment, "environment == null");
      String id = variable(environment, ENV_CLIENT_ID);
      String secret = variable(environment, ENV_CLIENT_SECRET);
      String user = variable(environment, ENV_API_USER);
      String pass = variable(environment, ENV_API_PASSWORD);
      this.clientId = id;
      this.clientSecret = secret;
      this.username = user;
      this.password = pass;
      return this;
    }

    /**
     * How long before {@code expires_in} a token counts as expired, so that it is not sent just as it
     * lapses. Default 30 s.
     *
     * @param refreshSkew zero to one day
     * @return this builder
     * @throws IllegalArgumentException naming the setting if negative or longer than one day
     */
    public Builder refreshSkew(Duration refreshSkew) {
      this.refreshSkew = duration("refreshSkew", refreshSkew, false);
      return this;
    }

    /**
     * How long one token request may take, from sending to the last byte of the answer (an API call
     * that needs a token also cuts it at its own deadline); the connect timeout, unless {@link
     * #connectTimeout set}, is the smaller of this and 10 s. Default 30 s.
     *
     * @param requestTimeout more than zero, at most one day
     * @return this builder
     * @throws IllegalArgumentException naming the setting if not positive or longer than one day
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = duration("requestTimeout", requestTimeout, true);
      return this;
    }

    /**
     * The time allowed to open a connection to the token endpoint. Default: the connect timeout of
     * the transport builder these credentials are given to, if set there, else the smaller of {@link
     * #requestTimeout} and 10 s.
     *
     * @param connectTimeout more than zero, at most one day
     * @return this builder
     * @throws IllegalArgumentException naming the setting if not positive or longer than one day
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = duration("connectTimeout", connectTimeout, true);
      return this;
    }

    /**
     * Sends token requests through proxies chosen by this selector. Default: the proxy of the
     * transport builder these credentials are given to, if set there, else the JVM's {@link
     * ProxySelector#getDefault()}, as the transports do.
     *
     * @param proxy e.g. {@code ProxySelector.of(new InetSocketAddress("proxy", 3128))}
     * @return this builder
     */
    public Builder proxy(ProxySelector proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy == null");
      return this;
    }

    /**
     * Uses this TLS context for the token endpoint, e.g. with a private trust store. Default: the TLS
     * context of the transport builder these credentials are given to, if set there, else the JVM's
     * default context ({@link SSLContext#getDefault()}), as the transports do.
     *
     * @param sslContext the context
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext == null");
      return this;
    }

    /**
     * The retry policy for token requests: its {@code maxAttempts} and backoff apply to HTTP 429,
     * 5xx, timeouts and I/O failures. Default {@link ResiliencePolicy#defaults()}; {@link
     * ResiliencePolicy#none()} tries once.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(ResiliencePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * The time source of token lifetimes; only differences between its instants matter. Default: a
     * monotonic clock over {@link System#nanoTime()}.
     *
     * @param clock the clock; tests pass a virtual one
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * How the backoff between token requests waits. Default {@link Sleeper#system()}.
     *
     * @param sleeper the sleeper; tests pass one that records
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Builds the token source. No request is made until the first {@link
     * ContaboCredentials#accessToken()}.
     *
     * @return the token source
     * @throws IllegalStateException naming the first required credential that was not set
     */
    public ContaboCredentials build() {
      return new ContaboCredentials(this, present("clientId", clientId), present("clientSecret", clientSecret),
          present("username", username), present("password", password));
    }

    /** The token URI, client id, user name and skew; never the secret or the password. */
    @Override
    public String toString() {
      return "ContaboCredentials.Builder{tokenUri=" + tokenUri + ", clientId=" + clientId + ", username=" + username
          + ", clientSecret=" + (clientSecret == null ? "unset" : "<redacted>")
          + ", password=" + (password == null ? "unset" : "<redacted>")
          + ", refreshSkew=" + refreshSkew + ", requestTimeout=" + requestTimeout + "}";
    }

    private static String required(String setting, String value) {
      if (value == null) {
        throw new NullPointerException(setting + " == null");
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException(setting + " must not be blank");
      }
      return value;
    }

    private static String variable(Map<String, String> environment, String name) {
      String value = environment.get(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must be set in the environment and not blank");
      }
      return value;
    }

    private static String present(String setting, @Nullable String value) {
      if (value == null) {
        throw new IllegalStateException(setting + " == null: set " + setting + "(...) or environment(...)");
      }
      return value;
    }

    private static Duration duration(String setting, Duration value, boolean positive) {
      if (value == null) {
        throw new NullPointerException(setting + " == null");
      }
      if (value.isNegative() || (positive && value.isZero())) {
        throw new IllegalArgumentException(setting + (positive ? " must be positive" : " must not be negative"));
      }
      if (value.compareTo(MAX_DURATION) > 0) {
        throw new IllegalArgumentException(setting + " must be at most " + MAX_DURATION);
      }
      return value;
    }
  }
}
