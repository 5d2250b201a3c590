package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code contabo.images.*} properties. Every setting is optional: one left unset keeps the
 * library's own default (the transport builders' and {@link ResiliencePolicy#defaults()}), so the
 * defaults are written once, in the library. {@link #toString()} never shows a secret.
 */
@ConfigurationProperties(prefix = ContaboImagesProperties.PREFIX)
public class ContaboImagesProperties {
  /** The prefix of every property. */
  public static final String PREFIX = "contabo.images";

  /**
   * The HTTP transport. Unset: feign when images-transport-feign is on the classpath (the
   * starter brings only the JDK transport, so Feign there was added on purpose), else jdk.
   */
  private @Nullable Transport transport;

  /**
   * The API base URL, https (or http on a loopback host). Unset: the one the credentials chain's
   * source names (CNTB_API, the cntb file's api), else https://api.contabo.com.
   */
  private @Nullable String baseUrl;

  /**
   * The OAuth2 token endpoint. Unset: the one the credentials chain's source names, else Contabo's
   * (https://auth.contabo.com/auth/realms/contabo/protocol/openid-connect/token).
   */
  private @Nullable String tokenUrl;

  /** Time allowed to open a connection. Unset: 10 s. */
  private @Nullable Duration connectTimeout;

  /**
   * Time allowed for one attempt, from sending to the last body byte; the resilience policy's
   * attempt timeout. Unset: 30 s.
   */
  private @Nullable Duration attemptTimeout;

  /** Time allowed for a whole call, retries and waits included. Unset: 2 min. */
  private @Nullable Duration callTimeout;

  /**
   * The most bytes of an answer's body the client reads, at least 1024; a larger answer fails
   * (RESPONSE_TOO_LARGE) and is never retried. Unset: 4194304 (4 MiB).
   */
  private @Nullable Integer maxResponseBytes;

  /**
   * Start the testkit's fake Contabo API (images-testkit's FakeImagesServer on a loopback port) and
   * point the client at it, with made-up credentials. Honoured only when images-testkit is on the
   * classpath; a WARN is logged at start-up either way. For tests only.
   */
  private boolean fake;

  private final Credentials credentials = new Credentials();
  private final Resilience resilience = new Resilience();
  private final Feign feign = new Feign();

  /** The two transports. */
  public enum Transport {
    /** images-transport-jdk, on java.net.http. */
    JDK,
    /** images-transport-feign, on Feign and Apache HttpClient 5. */
    FEIGN
  }

  public @Nullable Transport getTransport() {
    return transport;
  }

  public void setTransport(@Nullable Transport transport) {
    this.transport = transport;
  }

  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public @Nullable String getTokenUrl() {
    return tokenUrl;
  }

  public void setTokenUrl(@Nullable String tokenUrl) {
    this.tokenUrl = tokenUrl;
  }

  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public @Nullable Duration getAttemptTimeout() {
    return attemptTimeout;
  }

  public void setAttemptTimeout(@Nullable Duration attemptTimeout) {
    this.attemptTimeout = attemptTimeout;
  }

  public @Nullable Duration getCallTimeout() {
    return callTimeout;
  }

  public void setCallTimeout(@Nullable Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  public @Nullable Integer getMaxResponseBytes() {
    return maxResponseBytes;
  }

  public void setMaxResponseBytes(@Nullable Integer maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
  }

  public boolean isFake() {
    return fake;
  }

  public void setFake(boolean fake) {
    this.fake = fake;
  }

  public Credentials getCredentials() {
    return credentials;
  }

  public Resilience getResilience() {
    return resilience;
  }

  public Feign getFeign() {
    return feign;
  }

  /**
   * The resilience policy these properties describe: {@link ResiliencePolicy#defaults()} with each
   * property that is set applied on top.
   *
   * @return the policy
   * @throws IllegalArgumentException naming the setting that breaks a rule
   */
  public ResiliencePolicy resiliencePolicy() {
    ResiliencePolicy.Builder b = ResiliencePolicy.defaults().toBuilder();
    Resilience r = resilience;
    if (r.maxAttempts != null) {
      b.maxAttempts(r.maxAttempts);
    }
    if (r.backoffBase != null) {
      b.backoffBase(r.backoffBase);
    }
    if (r.backoffMultiplier != null) {
      b.backoffMultiplier(r.backoffMultiplier);
    }
    if (r.backoffCap != null) {
      b.backoffCap(r.backoffCap);
    }
    if (r.throttleBackoffBase != null) {
      b.throttleBackoffBase(r.throttleBackoffBase);
    }
    if (r.throttleBackoffCap != null) {
      b.throttleBackoffCap(r.throttleBackoffCap);
    }
    if (r.maxRetryAfter != null) {
      b.maxRetryAfter(r.maxRetryAfter);
    }
    RateLimit limit = r.rateLimit;
    if (Boolean.FALSE.equals(limit.enabled)) {
      b.noRateLimit();
    } else if (limit.permitsPerPeriod != null || limit.period != null) {
      ResiliencePolicy defaults = ResiliencePolicy.defaults();
      b.rateLimit(limit.permitsPerPeriod != null ? limit.permitsPerPeriod : defaults.permitsPerPeriod(),
          limit.period != null ? limit.period : defaults.ratePeriod());
    }
    if (r.reconcileAttempts != null) {
      b.reconcileAttempts(r.reconcileAttempts);
    }
    if (r.reconcileInterval != null) {
      b.reconcileInterval(r.reconcileInterval);
    }
    if (attemptTimeout != null) {
      b.attemptTimeout(attemptTimeout);
    }
    if (callTimeout != null) {
      b.callTimeout(callTimeout);
    }
    return b.build();
  }

  /** Settings only: the credentials show which are set, never a secret. */
  @Override
  public String toString() {
    return "ContaboImagesProperties{transport=" + transport + ", baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl
        + ", connectTimeout=" + connectTimeout + ", attemptTimeout=" + attemptTimeout + ", callTimeout="
        + callTimeout + ", maxResponseBytes=" + maxResponseBytes + ", fake=" + fake + ", credentials=" + credentials + "}";
  }

  /**
   * Explicit OAuth2 credentials. Set all four, or none: with none, the default credentials chain is
   * used (system properties contabo.*, the CONTABO_* and CNTB_OAUTH2_* variables, the cntb CLI's
   * config file).
   */
  public static class Credentials {
    /** The OAuth2 client id. */
    private @Nullable String clientId;
    /** The OAuth2 client secret. */
    private @Nullable String clientSecret;
    /** The API user's name (an e-mail address). */
    private @Nullable String username;
    /** The API user's password. */
    private @Nullable String password;
    /**
     * Whether start-up fails when no credentials are found. Set false to let a service start without
     * them: the client bean then exists and every call fails with a message saying why.
     */
    private boolean required = true;

    public @Nullable String getClientId() {
      return clientId;
    }

    public void setClientId(@Nullable String clientId) {
      this.clientId = clientId;
    }

    public @Nullable String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(@Nullable String clientSecret) {
      this.clientSecret = clientSecret;
    }

    public @Nullable String getUsername() {
      return username;
    }

    public void setUsername(@Nullable String username) {
      this.username = username;
    }

    public @Nullable String getPassword() {
      return password;
    }

    public void setPassword(@Nullable String password) {
      this.password = password;
    }

    public boolean isRequired() {
      return required;
    }

    public void setRequired(boolean required) {
      this.required = required;
    }

    /** The client id and user name, and whether the secret and the password are set. */
    @Override
    public String toString() {
      return "Credentials{clientId=" + clientId + ", username=" + username + ", clientSecret="
          + (clientSecret == null ? "unset" : "<redacted>") + ", password="
          + (password == null ? "unset" : "<redacted>") + ", required=" + required + "}";
    }
  }

  /** The retry and rate-limit settings of {@link ResiliencePolicy}; each unset one keeps its default. */
  public static class Resilience {
    /** Attempts per call, the first included; 1 means no retry. Unset: 4. */
    private @Nullable Integer maxAttempts;
    /** The first retry's backoff. Unset: 200 ms. */
    private @Nullable Duration backoffBase;
    /** How much each backoff grows, 1.0 to 100.0. Unset: 2.0. */
    private @Nullable Double backoffMultiplier;
    /** The longest backoff. Unset: 5 s. */
    private @Nullable Duration backoffCap;
    /** The first wait after a 429 without Retry-After. Unset: 1 s. */
    private @Nullable Duration throttleBackoffBase;
    /** The longest wait after a 429 without Retry-After. Unset: 30 s. */
    private @Nullable Duration throttleBackoffCap;
    /** The longest Retry-After honoured; a longer one fails the call. Unset: 60 s. */
    private @Nullable Duration maxRetryAfter;
    /** Audit-log lookups that settle a create that ended ambiguously; 0 turns it off. Unset: 3. */
    private @Nullable Integer reconcileAttempts;
    /** The wait between those lookups. Unset: 1 s. */
    private @Nullable Duration reconcileInterval;

    private final RateLimit rateLimit = new RateLimit();

    public @Nullable Integer getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(@Nullable Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public @Nullable Duration getBackoffBase() {
      return backoffBase;
    }

    public void setBackoffBase(@Nullable Duration backoffBase) {
      this.backoffBase = backoffBase;
    }

    public @Nullable Double getBackoffMultiplier() {
      return backoffMultiplier;
    }

    public void setBackoffMultiplier(@Nullable Double backoffMultiplier) {
      this.backoffMultiplier = backoffMultiplier;
    }

    public @Nullable Duration getBackoffCap() {
      return backoffCap;
    }

    public void setBackoffCap(@Nullable Duration backoffCap) {
      this.backoffCap = backoffCap;
    }

    public @Nullable Duration getThrottleBackoffBase() {
      return throttleBackoffBase;
    }

    public void setThrottleBackoffBase(@Nullable Duration throttleBackoffBase) {
      this.throttleBackoffBase = throttleBackoffBase;
    }

    public @Nullable Duration getThrottleBackoffCap() {
      return throttleBackoffCap;
    }

    public void setThrottleBackoffCap(@Nullable Duration throttleBackoffCap) {
      this.throttleBackoffCap = throttleBackoffCap;
    }

    public @Nullable Duration getMaxRetryAfter() {
      return maxRetryAfter;
    }

    public void setMaxRetryAfter(@Nullable Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
    }

    public @Nullable Integer getReconcileAttempts() {
      return reconcileAttempts;
    }

    public void setReconcileAttempts(@Nullable Integer reconcileAttempts) {
      this.reconcileAttempts = reconcileAttempts;
    }

    public @Nullable Duration getReconcileInterval() {
      return reconcileInterval;
    }

    public void setReconcileInterval(@Nullable Duration reconcileInterval) {
      this.reconcileInterval = reconcileInterval;
    }

    public RateLimit getRateLimit() {
      return rateLimit;
    }
  }

  /** The client-side rate limiter. */
  public static class RateLimit {
    /** Whether calls are rate limited on the client. Unset: on, 10 per second. */
    private @Nullable Boolean enabled;
    /** Permits per period. Unset: 10. */
    private @Nullable Integer permitsPerPeriod;
    /** The period the permits renew in. Unset: 1 s. */
    private @Nullable Duration period;

    public @Nullable Boolean getEnabled() {
      return enabled;
    }

    public void setEnabled(@Nullable Boolean enabled) {
      this.enabled = enabled;
    }

    public @Nullable Integer getPermitsPerPeriod() {
      return permitsPerPeriod;
    }

    public void setPermitsPerPeriod(@Nullable Integer permitsPerPeriod) {
      this.permitsPerPeriod = permitsPerPeriod;
    }

    public @Nullable Duration getPeriod() {
      return period;
    }

    public void setPeriod(@Nullable Duration period) {
      this.period = period;
    }
  }

  /** Settings of the Feign transport only. */
  public static class Feign {
    /** The Apache connection pool's size, total and per route. Unset: 20. */
    private @Nullable Integer maxConnections;

    public @Nullable Integer getMaxConnections() {
      return maxConnections;
    }

    public void setMaxConnections(@Nullable Integer maxConnections) {
      this.maxConnections = maxConnections;
    }
  }
}
