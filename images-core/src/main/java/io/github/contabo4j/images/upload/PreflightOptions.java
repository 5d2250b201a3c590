package io.github.contabo4j.images.upload;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The preflight's own HTTP settings. It never shares the API client's settings, headers or token.
 *
 * <p>Defaults: connect timeout 5 s; request timeout 15 s (each request in all, headers and the
 * bounded body read); 3 redirects; loopback refused.
 *
 * <p>Made with {@link #defaults()} and changed with copies ({@link #withTimeouts}, {@link
 * #withMaxRedirects}, {@link #allowingLoopbackForTests}); a value class, so it can gain settings
 * without breaking callers. A setting out of range throws {@link IllegalArgumentException} naming it.
 */
public final class PreflightOptions {
  private static final PreflightOptions DEFAULTS =
      new PreflightOptions(Duration.ofSeconds(5), Duration.ofSeconds(15), 3, false);

  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxRedirects;
  private final boolean allowLoopback;

  private PreflightOptions(Duration connectTimeout, Duration requestTimeout, int maxRedirects, boolean allowLoopback) {
    within("connectTimeout", connectTimeout, Duration.ofMinutes(1));
    within("requestTimeout", requestTimeout, Duration.ofMinutes(5));
    if (maxRedirects < 0 || maxRedirects > 10) {
      throw new IllegalArgumentException("maxRedirects must be from 0 to 10");
    }
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.maxRedirects = maxRedirects;
    this.allowLoopback = allowLoopback;
  }

  /** The defaults. */
  public static PreflightOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with other timeouts.
   *
   * @param connect the connect timeout, 1 ms to 1 min
   * @param request the request timeout, 1 ms to 5 min
   * @return the copy
   * @throws IllegalArgumentException naming the timeout that is out of range
   */
  public PreflightOptions withTimeouts(Duration connect, Duration request) {
    return new PreflightOptions(connect, request, maxRedirects, allowLoopback);
  }

  /**
   * A copy following at most {@code redirects} redirects.
   *
   * @param redirects 0 to 10
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public PreflightOptions withMaxRedirects(int redirects) {
    return new PreflightOptions(connectTimeout, requestTimeout, redirects, allowLoopback);
  }

  /**
   * A copy that may reach loopback addresses: for tests against a local server only.
   *
   * @return the copy
   */
  public PreflightOptions allowingLoopbackForTests() {
    return new PreflightOptions(connectTimeout, requestTimeout, maxRedirects, true);
  }

  /** How long a connect may take, 1 ms to 1 min. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long each request may take in all, 1 ms to 5 min. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** How many redirects to follow, each checked like the first URL, 0 to 10. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /**
   * True to let the preflight reach loopback addresses: <b>for tests only</b> (Contabo cannot reach
   * your loopback). Private, link-local and metadata addresses stay refused.
   */
  public boolean allowLoopback() {
    return allowLoopback;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof PreflightOptions)) {
      return false;
    }
    PreflightOptions other = (PreflightOptions) o;
    return connectTimeout.equals(other.connectTimeout) && requestTimeout.equals(other.requestTimeout)
        && maxRedirects == other.maxRedirects && allowLoopback == other.allowLoopback;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, requestTimeout, maxRedirects, allowLoopback);
  }

  @Override
  public String toString() {
    return "PreflightOptions[connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
        + ", maxRedirects=" + maxRedirects + ", allowLoopback=" + allowLoopback + "]";
  }

  private static void within(String field, Duration value, Duration max) {
    Objects.requireNonNull(value, field + " == null");
    if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(field + " must be from 1 ms to " + max);
    }
  }
}
