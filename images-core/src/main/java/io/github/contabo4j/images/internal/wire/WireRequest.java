package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.internal.AttemptTimeouts;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImagesOperation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt, fully encoded and validated: what a transport puts on the wire. Its {@code
 * toString()} shows method, path and request id, never headers (they hold the bearer token).
 *
 * @param operation the API operation
 * @param method the HTTP method
 * @param path the encoded path, starting with {@code /v1/}
 * @param query the encoded query string without {@code ?}, or empty
 * @param headers header name to value, in sending order; includes {@code Authorization}
 * @param body the JSON body, or null for none
 * @param requestId this attempt's {@code x-request-id}
 * @param traceId the {@code x-trace-id} sent, if any
 * @param context the call's context, which records every request id sent
 */
public record WireRequest(
    ImagesOperation operation,
    String method,
    String path,
    String query,
    Map<String, String> headers,
    byte @Nullable [] body,
    String requestId,
    @Nullable String traceId,
    CallContext context) {

  /**
   * The absolute URI of this request against a base URI such as {@code https://api.contabo.com} or
   * {@code http://127.0.0.1:8080/prefix}.
   *
   * @param baseUri the base URI; a trailing slash is ignored
   * @return the request URI
   */
  public URI uri(String baseUri) {
    String base = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
    return URI.create(query.isEmpty() ? base + path : base + path + '?' + query);
  }

  /**
   * How long this attempt may take: the transport's own per-attempt timeout, shortened to what the
   * call's deadline leaves ({@link AttemptTimeouts}, set by the resilience decorator).
   * Both transports bound the whole exchange, body included, by this.
   *
   * @param transportTimeout the transport's configured per-attempt timeout
   * @return the shorter of the two
   */
  public java.time.Duration attemptTimeout(java.time.Duration transportTimeout) {
    return AttemptTimeouts.of(context)
        .filter(limit -> limit.compareTo(transportTimeout) < 0)
        .orElse(transportTimeout);
  }

  /** Every request id the call has sent so far, this one last. */
  public List<String> requestIds() {
    return context.requestIds();
  }

  /** The bearer token this attempt carries, for redaction from exception messages; null if none. */
  @Nullable String bearerToken() {
    String authorization = headers.get("Authorization");
    return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " [x-request-id=" + requestId + "]";
  }
}
