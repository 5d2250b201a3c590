package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A 2xx body larger than the response-size limit, thrown by the transport that read it (see {@link
 * ResponseLimit}); the port turns it into an {@link ImagesTransportException} with {@link
 * Failure#RESPONSE_TOO_LARGE} by {@link #toFailure}. An {@link IOException}, so it travels through
 * HTTP clients that wrap what a body reader throws.
 */
public final class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int limit;
  private final long declaredLength;

  /**
   * Creates the exception.
   *
   * @param limit the limit in bytes
   * @param declaredLength the {@code Content-Length}, or negative when there was none
   * @param arrived how many bytes arrived before reading stopped, or negative when none was read
   */
  ResponseTooLargeException(int limit, long declaredLength, long arrived) {
    super(arrived < 0
        ? "Content-Length " + declaredLength + " exceeds the response-size limit of " + limit + " bytes"
        : "more than " + limit + " body bytes arrived, the response-size limit");
    this.limit = limit;
    this.declaredLength = declaredLength;
  }

  /**
   * Finds this exception in what an HTTP client threw (it may wrap it).
   *
   * @param thrown what the client threw
   * @return the exception, or null if it is not in the chain
   */
  public static @Nullable ResponseTooLargeException in(Throwable thrown) {
    for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ResponseTooLargeException) {
        return (ResponseTooLargeException) c;
      }
    }
    return null;
  }

  /**
   * The failure for the attempt: {@link Failure#RESPONSE_TOO_LARGE}, {@link Delivery#MAYBE_PROCESSED}
   * (an answer came). Its message names the limit and the setting, and for a list the page size.
   *
   * @param request the attempt
   * @return the exception to throw
   */
  public ImagesTransportException toFailure(WireRequest request) {
    StringBuilder detail = new StringBuilder("the answer's body is larger than the response-size limit of ")
        .append(limit).append(" bytes (builder setting ").append(ResponseLimit.SETTING).append(")");
    if (declaredLength >= 0) {
      detail.append(": its Content-Length declares ").append(declaredLength).append(" bytes");
    }
    if (request.operation() == ImagesOperation.RETRIEVE_IMAGE_LIST
        || request.operation() == ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST) {
      String size = queryValue(request.query(), "size");
      detail.append(size == null
          ? "; the page had the service's default size: ask for smaller pages (size) or raise the limit"
          : "; the page asked for size=" + size + ": ask for smaller pages or raise the limit");
    }
    return new ImagesTransportException(request.operation(), Failure.RESPONSE_TOO_LARGE, Delivery.MAYBE_PROCESSED,
        detail.toString(), this, request.requestIds(), request.traceId());
  }

  private static @Nullable String queryValue(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }
}
