package io.github.contabo4j.images.upload;

import io.github.contabo4j.images.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * The preflight's own HTTP settings. It never shares the API client's settings, headers or token.
 *
 * <p>Defaults: connect timeout 5 s; request timeout 15 s (each request in all, headers and the
 * bounded body read); 3 redirects; loopback refused.
 *
 * @param connectTimeout how long a connect may take, 1 ms to 1 min
 * @param requestTimeout how long each request may take in all, 1 ms to 5 min
 * @param maxRedirects how many redirects to follow, each checked like the first URL, 0 to 10
 * @param allowLoopback true to let the preflight reach loopback addresses: <b>for tests only</b>
 *     (Contabo cannot reach your loopback). Private, link-local and metadata addresses stay refused.
 */
public record PreflightOptions(
    Duration connectTimeout, Duration requestTimeout, int maxRedirects, boolean allowLoopback) {

  private static final PreflightOptions DEFAULTS =
      new PreflightOptions(Duration.ofSeconds(5), Duration.ofSeconds(15), 3, false);

  /**
   * Creates and checks the options.
   *
   * @throws InvalidRequestException naming the field and the rule it breaks
   */
  public PreflightOptions {
    within("connectTimeout", connectTimeout, Duration.ofMinutes(1));
    within("requestTimeout", requestTimeout, Duration.ofMinutes(5));
    if (maxRedirects < 0 || maxRedirects > 10) {
      throw new InvalidRequestException("maxRedirects", "must be from 0 to 10");
    }
  }

  /** The defaults. */
  public static PreflightOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with other timeouts.
   *
   * @param connect the connect timeout
   * @param request the request timeout
   * @return the copy
   */
  public PreflightOptions withTimeouts(Duration connect, Duration request) {
    return new PreflightOptions(connect, request, maxRedirects, allowLoopback);
  }

  /**
   * A copy following at most {@code redirects} redirects.
   *
   * @param redirects 0 to 10
   * @return the copy
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

  private static void within(String field, Duration value, Duration max) {
    Objects.requireNonNull(value, field + " == null");
    if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(max) > 0) {
      throw new InvalidRequestException(field, "must be from 1 ms to " + max);
    }
  }
}
