package io.github.contabo4j.images.resilience;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link io.github.contabo4j.images.ImagesPort} call copes with failure: how often it is tried,
 * how long it waits between tries, which {@code Retry-After} it honours, and how fast all calls
 * together may go. An immutable value; {@link ResilientImagesPort} applies it.
 *
 * <p><b>Defaults</b> ({@link #defaults()}, and every setting a {@link #builder()} is not given):
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>Setting</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code maxAttempts}</td><td>4</td><td>attempts per call, the first included (1 + 3
 *       retries)</td></tr>
 *   <tr><td>{@code backoffBase}</td><td>200 ms</td><td>upper bound of the wait before the first
 *       retry</td></tr>
 *   <tr><td>{@code backoffMultiplier}</td><td>2.0</td><td>growth of that bound per retry, for both
 *       backoffs</td></tr>
 *   <tr><td>{@code backoffCap}</td><td>5 s</td><td>the bound never exceeds this</td></tr>
 *   <tr><td>{@code throttleBackoffBase}</td><td>1 s</td><td>the same, after an HTTP 429 without a
 *       usable {@code Retry-After}</td></tr>
 *   <tr><td>{@code throttleBackoffCap}</td><td>30 s</td><td>its cap</td></tr>
 *   <tr><td>{@code maxRetryAfter}</td><td>60 s</td><td>the longest {@code Retry-After} honoured; a
 *       longer one fails the call at once</td></tr>
 *   <tr><td>{@code permitsPerPeriod} / {@code ratePeriod}</td><td>10 per 1 s</td><td>attempts all
 *       calls through one decorator may start per period</td></tr>
 *   <tr><td>{@code attemptTimeout}</td><td>30 s</td><td>the longest one attempt may take</td></tr>
 *   <tr><td>{@code callTimeout}</td><td>2 min</td><td>the longest a whole call may take, every
 *       attempt and wait included</td></tr>
 *   <tr><td>{@code reconcileAttempts}</td><td>3</td><td>audit-log lookups after a create that ended
 *       ambiguously; 0 turns the lookup off</td></tr>
 *   <tr><td>{@code reconcileInterval}</td><td>1 s</td><td>the wait between two lookups, for the audit
 *       log to catch up</td></tr>
 * </table>
 *
 * <p><b>Backoff.</b> Exponential with full jitter: before retry {@code k} (1 for the first retry)
 * the call waits a uniformly random time in {@code [0, min(cap, base * multiplier^(k-1))]}, drawn at
 * millisecond resolution. An HTTP 429 without a usable {@code Retry-After} uses the throttle base and
 * cap instead; a {@code Retry-After} the service sent (at most {@code maxRetryAfter}) is waited
 * exactly, without jitter.
 *
 * <p><b>Timeouts.</b> {@code callTimeout} is the call's deadline, counted on the decorator's clock from
 * the moment the call starts; it wins over every retry schedule. {@code attemptTimeout} bounds each
 * attempt. Before each attempt the decorator hands the transport the smaller of the two that is left
 * (through the call's context); the transport cuts the attempt
 * there, and an attempt cut short fails as a {@code TIMEOUT} that may have been processed.
 *
 * <p><b>Reconciliation.</b> When a create ends ambiguously, the decorator looks its request ids up in
 * the audit log: {@code reconcileAttempts} rounds, {@code reconcileInterval} apart. This lookup has a
 * budget of its own, separate from the create's deadline (which may be what ended the create): it is
 * bounded by those two settings and, in all, by one more {@code callTimeout} counted from its start.
 *
 * <p>{@link #none()} turns resilience off: one attempt, no rate limit, no reconciliation.
 */
public final class ResiliencePolicy {
  /** The longest duration any setting accepts, to keep the arithmetic far from overflow. */
  private static final Duration MAX_SETTING = Duration.ofDays(1);

  private static final ResiliencePolicy DEFAULTS = new Builder().build();
  private static final ResiliencePolicy NONE = new Builder().maxAttempts(1).noRateLimit().reconcileAttempts(0).build();

  /**
   * The settings, listed once: {@code equals} and {@code hashCode} are the record's, so a new setting
   * cannot be left out of them, and the builder's {@link Builder#build()} must name it to compile.
   */
  private record Settings(
      int maxAttempts,
      Duration backoffBase,
      double backoffMultiplier,
      Duration backoffCap,
      Duration throttleBackoffBase,
      Duration throttleBackoffCap,
      Duration maxRetryAfter,
      int permitsPerPeriod,
      Duration ratePeriod,
      Duration attemptTimeout,
      Duration callTimeout,
      int reconcileAttempts,
      Duration reconcileInterval) {}

  private final Settings settings;

  private ResiliencePolicy(Settings settings) {
    this.settings = settings;
  }

  /** The defaults listed in the class description. */
  public static ResiliencePolicy defaults() {
    return DEFAULTS;
  }

  /**
   * No resilience: one attempt per call, no rate limit and no reconciliation, so every failure
   * reaches the caller as the transport reported it. For tests and for callers who bring their own.
   * The attempt and call timeouts stay at their defaults.
   */
  public static ResiliencePolicy none() {
    return NONE;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy's settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Attempts per call, the first included; 1 means no retry. */
  public int maxAttempts() {
    return settings.maxAttempts();
  }

  /** Upper bound of the jittered wait before the first retry. */
  public Duration backoffBase() {
    return settings.backoffBase();
  }

  /** Growth of the backoff bound per retry (for both the normal and the throttle backoff). */
  public double backoffMultiplier() {
    return settings.backoffMultiplier();
  }

  /** The backoff bound never exceeds this. */
  public Duration backoffCap() {
    return settings.backoffCap();
  }

  /** Upper bound of the jittered wait before the first retry after a 429 without usable Retry-After. */
  public Duration throttleBackoffBase() {
    return settings.throttleBackoffBase();
  }

  /** The throttle backoff bound never exceeds this. */
  public Duration throttleBackoffCap() {
    return settings.throttleBackoffCap();
  }

  /** The longest {@code Retry-After} honoured; a longer one fails the call at once. */
  public Duration maxRetryAfter() {
    return settings.maxRetryAfter();
  }

  /** Whether attempts are rate limited ({@code false} after {@link Builder#noRateLimit()}). */
  public boolean rateLimited() {
    return settings.permitsPerPeriod() > 0;
  }

  /** Attempts all calls through one decorator may start per {@link #ratePeriod()}; 0 if unlimited. */
  public int permitsPerPeriod() {
    return settings.permitsPerPeriod();
  }

  /** The rate limiter's period. */
  public Duration ratePeriod() {
    return settings.ratePeriod();
  }

  /** The longest one attempt may take; the transports apply it. */
  public Duration attemptTimeout() {
    return settings.attemptTimeout();
  }

  /** The longest a whole call may take, all attempts and waits included: its deadline. */
  public Duration callTimeout() {
    return settings.callTimeout();
  }

  /** Audit-log lookups after an ambiguous create; 0 means none. */
  public int reconcileAttempts() {
    return settings.reconcileAttempts();
  }

  /** The wait between two audit-log lookups of one reconciliation. */
  public Duration reconcileInterval() {
    return settings.reconcileInterval();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ResiliencePolicy && settings.equals(((ResiliencePolicy) o).settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    return "ResiliencePolicy{maxAttempts=" + maxAttempts()
        + ", backoff=" + backoffBase() + " x" + backoffMultiplier() + " cap " + backoffCap()
        + ", throttleBackoff=" + throttleBackoffBase() + " cap " + throttleBackoffCap()
        + ", maxRetryAfter=" + maxRetryAfter()
        + ", rateLimit=" + (rateLimited() ? permitsPerPeriod() + " per " + ratePeriod() : "none")
        + ", attemptTimeout=" + attemptTimeout()
        + ", callTimeout=" + callTimeout()
        + ", reconcile=" + (reconcileAttempts() == 0 ? "off" : reconcileAttempts() + " every " + reconcileInterval())
        + "}";
  }

  /**
   * Builds a {@link ResiliencePolicy}. Each setter checks its own value; {@link #build()} checks that
   * each cap is at least its base. Messages name the setting.
   */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration backoffBase = Duration.ofMillis(200);
    private double backoffMultiplier = 2.0;
    private Duration backoffCap = Duration.ofSeconds(5);
    private Duration throttleBackoffBase = Duration.ofSeconds(1);
    private Duration throttleBackoffCap = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private int permitsPerPeriod = 10;
    private Duration ratePeriod = Duration.ofSeconds(1);
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofMinutes(2);
    private int reconcileAttempts = 3;
    private Duration reconcileInterval = Duration.ofSeconds(1);

    private Builder() {}

    private Builder(ResiliencePolicy policy) {
      Settings p = policy.settings;
      this.maxAttempts = p.maxAttempts();
      this.backoffBase = p.backoffBase();
      this.backoffMultiplier = p.backoffMultiplier();
      this.backoffCap = p.backoffCap();
      this.throttleBackoffBase = p.throttleBackoffBase();
      this.throttleBackoffCap = p.throttleBackoffCap();
      this.maxRetryAfter = p.maxRetryAfter();
      this.permitsPerPeriod = p.permitsPerPeriod();
      this.ratePeriod = p.ratePeriod();
      this.attemptTimeout = p.attemptTimeout();
      this.callTimeout = p.callTimeout();
      this.reconcileAttempts = p.reconcileAttempts();
      this.reconcileInterval = p.reconcileInterval();
    }

    /**
     * Attempts per call, the first included. Default 4.
     *
     * @param maxAttempts at least 1; 1 means no retry
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Upper bound of the jittered wait before the first retry. Default 200 ms.
     *
     * @param backoffBase zero to one day
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than one day
     */
    public Builder backoffBase(Duration backoffBase) {
      this.backoffBase = checkDuration("backoffBase", backoffBase, false);
      return this;
    }

    /**
     * Growth of the backoff bound per retry, for the normal and the throttle backoff. Default 2.0.
     *
     * @param backoffMultiplier a finite number from 1.0 to 100.0
     * @return this builder
     * @throws IllegalArgumentException if out of range or not finite
     */
    public Builder backoffMultiplier(double backoffMultiplier) {
      if (!(backoffMultiplier >= 1.0 && backoffMultiplier <= 100.0)) {
        throw new IllegalArgumentException(
            "backoffMultiplier must be a number from 1.0 to 100.0, was " + backoffMultiplier);
      }
      this.backoffMultiplier = backoffMultiplier;
      return this;
    }

    /**
     * The backoff bound never exceeds this. Default 5 s.
     *
     * @param backoffCap zero to one day, at least {@code backoffBase}
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than one day
     */
    public Builder backoffCap(Duration backoffCap) {
      this.backoffCap = checkDuration("backoffCap", backoffCap, false);
      return this;
    }

    /**
     * Upper bound of the jittered wait before the first retry after an HTTP 429 without a usable
     * {@code Retry-After}. Default 1 s.
     *
     * @param throttleBackoffBase zero to one day
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than one day
     */
    public Builder throttleBackoffBase(Duration throttleBackoffBase) {
      this.throttleBackoffBase = checkDuration("throttleBackoffBase", throttleBackoffBase, false);
      return this;
    }

    /**
     * The throttle backoff bound never exceeds this. Default 30 s.
     *
     * @param throttleBackoffCap zero to one day, at least {@code throttleBackoffBase}
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than one day
     */
    public Builder throttleBackoffCap(Duration throttleBackoffCap) {
      this.throttleBackoffCap = checkDuration("throttleBackoffCap", throttleBackoffCap, false);
      return this;
    }

    /**
     * The longest {@code Retry-After} honoured. A longer one fails the call at once with the
     * service's exception, whose {@code retryAfter()} tells the caller when to come back. Default 60
     * s.
     *
     * @param maxRetryAfter zero to one day
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than one day
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = checkDuration("maxRetryAfter", maxRetryAfter, false);
      return this;
    }

    /**
     * Limits how many attempts all calls through one decorator may start per period. Default 10 per
     * 1 s.
     *
     * @param permitsPerPeriod at least 1
     * @param ratePeriod more than zero, at most one day
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder rateLimit(int permitsPerPeriod, Duration ratePeriod) {
      if (permitsPerPeriod < 1) {
        throw new IllegalArgumentException("permitsPerPeriod must be at least 1, was " + permitsPerPeriod);
      }
      this.ratePeriod = checkDuration("ratePeriod", ratePeriod, true);
      this.permitsPerPeriod = permitsPerPeriod;
      return this;
    }

    /**
     * No rate limit: attempts start as soon as their backoff allows. Without a limiter there is also
     * no shared "not before" time after a 429; each call still honours its own {@code Retry-After}.
     *
     * @return this builder
     */
    public Builder noRateLimit() {
      this.permitsPerPeriod = 0;
      return this;
    }

    /**
     * The longest one attempt may take; the transports apply it. Default 30 s.
     *
     * @param attemptTimeout more than zero, at most one day
     * @return this builder
     * @throws IllegalArgumentException if not positive or longer than one day
     */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = checkDuration("attemptTimeout", attemptTimeout, true);
      return this;
    }

    /**
     * The longest a whole call may take, counted from its start: every attempt, backoff, {@code
     * Retry-After} and permit wait included. It wins over any retry schedule: a wait that would end
     * at or after it is not started, and the call fails at once instead. Default 2 min.
     *
     * @param callTimeout more than zero, at most one day
     * @return this builder
     * @throws IllegalArgumentException if not positive or longer than one day
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = checkDuration("callTimeout", callTimeout, true);
      return this;
    }

    /**
     * How many rounds of audit-log lookups follow a create that ended ambiguously, before the call
     * gives up with an {@link io.github.contabo4j.images.OutcomeUnknownException}. Default 3.
     *
     * @param reconcileAttempts 0 to 20; 0 turns reconciliation off, so the ambiguous failure reaches
     *     the caller unchanged
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder reconcileAttempts(int reconcileAttempts) {
      if (reconcileAttempts < 0 || reconcileAttempts > 20) {
        throw new IllegalArgumentException("reconcileAttempts must be from 0 to 20, was " + reconcileAttempts);
      }
      this.reconcileAttempts = reconcileAttempts;
      return this;
    }

    /**
     * The wait between two rounds of audit-log lookups, for the log to catch up. Default 1 s.
     *
     * @param reconcileInterval zero to one day
     * @return this builder
     * @throws IllegalArgumentException if negative or longer than one day
     */
    public Builder reconcileInterval(Duration reconcileInterval) {
      this.reconcileInterval = checkDuration("reconcileInterval", reconcileInterval, false);
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if a cap is below its base
     */
    public ResiliencePolicy build() {
      if (backoffCap.compareTo(backoffBase) < 0) {
        throw new IllegalArgumentException("backoffCap must be at least backoffBase");
      }
      if (throttleBackoffCap.compareTo(throttleBackoffBase) < 0) {
        throw new IllegalArgumentException("throttleBackoffCap must be at least throttleBackoffBase");
      }
      return new ResiliencePolicy(new Settings(maxAttempts, backoffBase, backoffMultiplier, backoffCap,
          throttleBackoffBase, throttleBackoffCap, maxRetryAfter, permitsPerPeriod, ratePeriod, attemptTimeout,
          callTimeout, reconcileAttempts, reconcileInterval));
    }

    private static Duration checkDuration(String name, Duration value, boolean positive) {
      Objects.requireNonNull(value, () -> name + " == null");
      if (value.isNegative() || (positive && value.isZero())) {
        throw new IllegalArgumentException(name + (positive ? " must be positive" : " must not be negative"));
      }
      if (value.compareTo(MAX_SETTING) > 0) {
        throw new IllegalArgumentException(name + " must be at most " + MAX_SETTING);
      }
      return value;
    }
  }
}
