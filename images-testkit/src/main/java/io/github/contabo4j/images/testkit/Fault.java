package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One planned fault of one call. {@code applied} says whether the operation takes effect before the
 * failure is thrown. A {@link Kind#DELAY} only waits and then lets the call proceed.
 */
record Fault(Kind kind, boolean applied, int status, String message, @Nullable Duration retryAfter, Duration delay) {

  enum Kind {
    STATUS,
    CONNECT_FAILED,
    CONNECTION_CLOSED,
    TIMEOUT,
    DELAY
  }

  static Fault status(int status, String message, @Nullable Duration retryAfter, boolean applied) {
    return new Fault(Kind.STATUS, applied, status, message, retryAfter, Duration.ZERO);
  }

  static Fault transport(Kind kind, boolean applied) {
    return new Fault(kind, applied, 0, "", null, Duration.ZERO);
  }

  static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, false, 0, "", null, delay);
  }

  /** Whether the call fails at all (a delay does not). */
  boolean fails() {
    return kind != Kind.DELAY;
  }

  /** The exception this fault throws, carrying the call's ids. */
  ImagesException toException(ImagesOperation operation, CallContext context) {
    String traceId = context.traceId().orElse(null);
    String effect = applied ? "after the operation was applied" : "before the operation was applied";
    switch (kind) {
      case STATUS:
        return ImagesServiceException.forStatus(
            operation, status, message, retryAfter, context.requestIds(), traceId);
      case CONNECT_FAILED:
        return new ImagesTransportException(operation, Failure.CONNECT_FAILED, Delivery.NOT_SENT,
            "fake: connection refused", null, context.requestIds(), traceId);
      case CONNECTION_CLOSED:
        return new ImagesTransportException(operation, Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED,
            "fake: connection closed " + effect, null, context.requestIds(), traceId);
      case TIMEOUT:
        return new ImagesTransportException(operation, Failure.TIMEOUT, Delivery.MAYBE_PROCESSED,
            "fake: no answer in time, " + effect, null, context.requestIds(), traceId);
      default:
        throw new IllegalStateException("a delay does not fail");
    }
  }

  /** The reason phrase the fake uses as the message of a status it was told to answer. */
  static String reasonPhrase(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 409: return "Conflict";
      case 415: return "Unsupported Media Type";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return status >= 500 ? "Server Error" : "Client Error";
    }
  }
}
