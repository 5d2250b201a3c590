package io.github.contabo4j.images;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: the rate limit was hit and the request was not processed. {@link #retryAfter()} holds the
 * delay applied for the service's {@code Retry-After} (seconds or any HTTP-date form, capped), and
 * {@link #retryAfterHeader()} the value as sent.
 */
public class RateLimitedException extends ImagesServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param operation the operation that failed
   * @param serviceMessage the service's message
   * @param retryAfter the delay asked for, if any
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public RateLimitedException(
      ImagesOperation operation,
      String serviceMessage,
      @Nullable Duration retryAfter,
      List<String> requestIds,
      @Nullable String traceId) {
    this(operation, serviceMessage, retryAfter, null, requestIds, traceId);
  }

  /**
   * Creates the exception, keeping the service's own {@code Retry-After} value.
   *
   * @param operation the operation that failed
   * @param serviceMessage the service's message
   * @param retryAfter the delay applied, if any
   * @param retryAfterHeader the {@code Retry-After} value as sent, if any
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public RateLimitedException(
      ImagesOperation operation,
      String serviceMessage,
      @Nullable Duration retryAfter,
      @Nullable String retryAfterHeader,
      List<String> requestIds,
      @Nullable String traceId) {
    super(operation, 429, serviceMessage, retryAfter, retryAfterHeader, requestIds, traceId);
  }
}
