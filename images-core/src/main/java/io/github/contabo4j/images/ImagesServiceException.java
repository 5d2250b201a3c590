package io.github.contabo4j.images;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The service answered with an error status. The status comes from the HTTP status line; the message
 * from the error body's {@code message}, a string or an array of strings, truncated to 500
 * characters. Typed subclasses cover the statuses a caller acts on; other statuses are thrown as this
 * class.
 *
 * @see #forStatus
 */
public class ImagesServiceException extends ImagesException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String serviceMessage;
  private final @Nullable Duration retryAfter;
  private final @Nullable String retryAfterHeader;

  /**
   * Creates the exception.
   *
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param serviceMessage the service's message, already decoded and truncated
   * @param retryAfter the {@code Retry-After} the service sent, if any and parseable
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public ImagesServiceException(
      ImagesOperation operation,
      int statusCode,
      String serviceMessage,
      @Nullable Duration retryAfter,
      List<String> requestIds,
      @Nullable String traceId) {
    this(operation, statusCode, serviceMessage, retryAfter, null, requestIds, traceId);
  }

  /**
   * Creates the exception, keeping the service's own {@code Retry-After} value beside the delay
   * applied.
   *
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param serviceMessage the service's message, already decoded and truncated
   * @param retryAfter the delay the client applies for {@code Retry-After}, if parseable (capped)
   * @param retryAfterHeader the {@code Retry-After} value as the service sent it, if any
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public ImagesServiceException(
      ImagesOperation operation,
      int statusCode,
      String serviceMessage,
      @Nullable Duration retryAfter,
      @Nullable String retryAfterHeader,
      List<String> requestIds,
      @Nullable String traceId) {
    super(operation.operationId() + " failed: HTTP " + statusCode + ": " + serviceMessage
            + idSuffix(requestIds, traceId),
        null, operation, Delivery.ANSWERED, requestIds, traceId);
    this.statusCode = statusCode;
    this.serviceMessage = serviceMessage;
    this.retryAfter = retryAfter;
    this.retryAfterHeader = retryAfterHeader == null ? null : cleanHeader(retryAfterHeader);
  }

  /**
   * Creates the typed subclass for a status: 400 {@link BadRequestException}, 401 {@link
   * AuthenticationException}, 403 {@link PermissionDeniedException}, 404 {@link
   * ImageNotFoundException}, 409 {@link ConflictException}, 415 {@link
   * UnsupportedImageFormatException}, 429 {@link RateLimitedException}, 5xx {@link
   * ServerErrorException}; anything else this class.
   *
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param serviceMessage the service's message
   * @param retryAfter the {@code Retry-After} the service sent, if any
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   * @return the exception, not thrown
   */
  public static ImagesServiceException forStatus(
      ImagesOperation operation,
      int statusCode,
      String serviceMessage,
      @Nullable Duration retryAfter,
      List<String> requestIds,
      @Nullable String traceId) {
    return forStatus(operation, statusCode, serviceMessage, retryAfter, null, requestIds, traceId);
  }

  /**
   * {@link #forStatus(ImagesOperation, int, String, Duration, List, String)}, keeping the service's
   * own {@code Retry-After} value for 429 and 5xx.
   *
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param serviceMessage the service's message
   * @param retryAfter the delay the client applies for {@code Retry-After}, if parseable (capped)
   * @param retryAfterHeader the {@code Retry-After} value as the service sent it, if any
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   * @return the exception, not thrown
   */
  public static ImagesServiceException forStatus(
      ImagesOperation operation,
      int statusCode,
      String serviceMessage,
      @Nullable Duration retryAfter,
      @Nullable String retryAfterHeader,
      List<String> requestIds,
      @Nullable String traceId) {
    switch (statusCode) {
      case 400:
        return new BadRequestException(operation, serviceMessage, requestIds, traceId);
      case 401:
        return new AuthenticationException(operation, serviceMessage, requestIds, traceId);
      case 403:
        return new PermissionDeniedException(operation, serviceMessage, requestIds, traceId);
      case 404:
        return new ImageNotFoundException(operation, serviceMessage, requestIds, traceId);
      case 409:
        return new ConflictException(operation, serviceMessage, requestIds, traceId);
      case 415:
        return new UnsupportedImageFormatException(operation, serviceMessage, requestIds, traceId);
      case 429:
        return new RateLimitedException(operation, serviceMessage, retryAfter, retryAfterHeader, requestIds, traceId);
      default:
        if (statusCode >= 500 && statusCode <= 599) {
          return new ServerErrorException(
              operation, statusCode, serviceMessage, retryAfter, retryAfterHeader, requestIds, traceId);
        }
        return new ImagesServiceException(
            operation, statusCode, serviceMessage, retryAfter, retryAfterHeader, requestIds, traceId);
    }
  }

  /** The HTTP status from the status line. */
  public int statusCode() {
    return statusCode;
  }

  /** The service's message, decoded from the error body and truncated; never the whole raw body. */
  public String serviceMessage() {
    return serviceMessage;
  }

  /**
   * The delay the client applies for the service's {@code Retry-After} (delay-seconds or any of the
   * three HTTP-date forms), if it sent a parseable one: a date is measured against the client's
   * clock, a date in the past is zero, and anything longer than 366 days is capped to 366 days. The
   * value as sent is {@link #retryAfterHeader()}.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * The service's own {@code Retry-After} value, as it sent it (control characters replaced by spaces,
   * cut at 100 characters), parseable or not; empty if it sent none.
   */
  public Optional<String> retryAfterHeader() {
    return Optional.ofNullable(retryAfterHeader);
  }

  private static String cleanHeader(String value) {
    StringBuilder sb = new StringBuilder(Math.min(value.length(), 100));
    for (int i = 0; i < value.length() && sb.length() < 100; i++) {
      char c = value.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.toString();
  }
}
