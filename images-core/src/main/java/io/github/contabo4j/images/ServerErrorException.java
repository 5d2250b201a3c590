package io.github.contabo4j.images;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 5xx. The service may or may not have acted: Contabo answers 500 even for some bad input, and a
 * 502/503/504 may come from a proxy after the request was processed.
 */
public class ServerErrorException extends ImagesServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param operation the operation that failed
   * @param statusCode the status, 500 to 599
   * @param serviceMessage the service's message
   * @param retryAfter the delay asked for, if any
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public ServerErrorException(
      ImagesOperation operation,
      int statusCode,
      String serviceMessage,
      @Nullable Duration retryAfter,
      List<String> requestIds,
      @Nullable String traceId) {
    this(operation, statusCode, serviceMessage, retryAfter, null, requestIds, traceId);
  }

  /**
   * Creates the exception, keeping the service's own {@code Retry-After} value.
   *
   * @param operation the operation that failed
   * @param statusCode the status, 500 to 599
   * @param serviceMessage the service's message
   * @param retryAfter the delay applied, if any
   * @param retryAfterHeader the {@code Retry-After} value as sent, if any
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public ServerErrorException(
      ImagesOperation operation,
      int statusCode,
      String serviceMessage,
      @Nullable Duration retryAfter,
      @Nullable String retryAfterHeader,
      List<String> requestIds,
      @Nullable String traceId) {
    super(operation, statusCode, serviceMessage, retryAfter, retryAfterHeader, requestIds, traceId);
  }
}
