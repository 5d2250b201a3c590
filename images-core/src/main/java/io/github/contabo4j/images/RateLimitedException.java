package io.github.contabo4j.images;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: the rate limit was hit and the request was not processed. {@link #retryAfter()} holds the
 * service's {@code Retry-After}, in seconds or as an HTTP-date, when it sent a parseable one.
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
    super(operation, 429, serviceMessage, retryAfter, requestIds, traceId);
  }
}
