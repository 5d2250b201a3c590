package io.github.contabo4j.images.internal.wire;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire log, one format for both transports, through SLF4J under the logger {@value #LOGGER}.
 *
 * <ul>
 *   <li>DEBUG, before sending: {@code --> GET /v1/compute/images/42?x=1 x-request-id=<id>
 *       x-trace-id=<trace>} (the trace id only when one is sent);
 *   <li>DEBUG, on an answer: {@code <-- 200 GET /v1/compute/images/42 (12 ms) x-request-id=<id>};
 *   <li>DEBUG, when no answer came: {@code <-- failed GET /v1/compute/images/42 (30001 ms)
 *       x-request-id=<id>: HttpTimeoutException} (the exception's class only: I/O messages may
 *       quote anything);
 *   <li>TRACE, after each request line: {@code --> <name>: <value>} for each header on the {@linkplain
 *       #ALLOWED_HEADERS allow-list}; after each answer line the same for {@code retry-after}.
 * </ul>
 *
 * <p>Only headers on the allow-list are ever logged, so {@code Authorization} never is; bodies are never
 * logged, and the token endpoint (which logs only its grant type and status) never comes here.
 * Stateless and thread-safe.
 */
public final class WireLog {
  /** The logger name. */
  public static final String LOGGER = "io.github.contabo4j.images.wire";

  /** The only headers ever logged (at TRACE), lower case. */
  public static final Set<String> ALLOWED_HEADERS =
      Set.of("x-request-id", "x-trace-id", "content-type", "accept", "retry-after", "user-agent");

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private WireLog() {}

  /**
   * Logs a request about to be sent.
   *
   * @param request the attempt
   * @return the start time for {@link #response} or {@link #failure}, from {@link System#nanoTime()}
   */
  public static long request(WireRequest request) {
    if (LOG.isDebugEnabled()) {
      String trace = request.traceId() == null ? "" : " x-trace-id=" + request.traceId();
      LOG.debug("--> {} {} x-request-id={}{}", request.method(), target(request), request.requestId(), trace);
    }
    if (LOG.isTraceEnabled()) {
      headers("-->", request.headers());
    }
    return System.nanoTime();
  }

  /**
   * Logs an answer (any status).
   *
   * @param request the attempt
   * @param statusCode the status
   * @param retryAfter the {@code Retry-After} value, if any
   * @param startNanos what {@link #request} returned
   */
  public static void response(WireRequest request, int statusCode, @Nullable String retryAfter, long startNanos) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("<-- {} {} {} ({} ms) x-request-id={}", statusCode, request.method(), request.path(),
          elapsedMillis(startNanos), request.requestId());
    }
    if (retryAfter != null && LOG.isTraceEnabled()) {
      headers("<--", Map.of("retry-after", retryAfter));
    }
  }

  /**
   * Logs an attempt that got no answer.
   *
   * @param request the attempt
   * @param failure why; only its class is logged
   * @param startNanos what {@link #request} returned
   */
  public static void failure(WireRequest request, Throwable failure, long startNanos) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("<-- failed {} {} ({} ms) x-request-id={}: {}", request.method(), request.path(),
          elapsedMillis(startNanos), request.requestId(), failure.getClass().getSimpleName());
    }
  }

  private static String target(WireRequest request) {
    return request.query().isEmpty() ? request.path() : request.path() + '?' + request.query();
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static void headers(String direction, Map<String, String> headers) {
    headers.forEach((name, value) -> {
      if (ALLOWED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        LOG.trace("{} {}: {}", direction, name, value);
      }
    });
  }
}
