package io.github.contabo4j.images;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * No usable answer came back: the connect failed, the request timed out, the connection was reset or
 * closed, or the body was empty or malformed. {@link #delivery()} says whether the request may have
 * been processed; {@link #failure()} says what went wrong.
 */
public class ImagesTransportException extends ImagesException {
  private static final long serialVersionUID = 1L;

  /** What went wrong on the way. */
  public enum Failure {
    /** The connection could not be opened; nothing was sent. */
    CONNECT_FAILED,
    /** No complete answer within the time allowed. */
    TIMEOUT,
    /** The connection was reset or closed before a complete answer. */
    CONNECTION_CLOSED,
    /** An answer came with an empty body where one was required. */
    EMPTY_RESPONSE,
    /** The answer could not be parsed: truncated, garbled, or not the documented shape. */
    MALFORMED_RESPONSE,
    /** The calling thread was interrupted; the interrupt flag is kept set. */
    INTERRUPTED,
    /** Another I/O failure. */
    IO_ERROR,
    /**
     * The answer's body was larger than the client's response-size limit (the builder setting {@code
     * maxResponseBytes}): declared so by its {@code Content-Length}, or found so while reading. Never
     * retried, as the same server would send the same body; the answer came, so it is {@code
     * MAYBE_PROCESSED} and a create is reconciled.
     */
    RESPONSE_TOO_LARGE,
    /**
     * No access token could be had from the token source (e.g. the token endpoint failed, was too
     * slow for the call's deadline, or refused the credentials), so the API request was never sent
     * ({@link Delivery#NOT_SENT}). The cause is the token source's own failure. Not retried by the
     * resilience layer: a fetching source such as {@code ContaboCredentials} has its own retries.
     */
    TOKEN_UNAVAILABLE
  }

  private final Failure failure;

  /**
   * Creates the exception.
   *
   * @param operation the operation that failed
   * @param failure what went wrong
   * @param delivery how far the request got
   * @param detail a short description, without secrets
   * @param cause the underlying exception, if any
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public ImagesTransportException(
      ImagesOperation operation,
      Failure failure,
      Delivery delivery,
      String detail,
      @Nullable Throwable cause,
      List<String> requestIds,
      @Nullable String traceId) {
    super(operation.operationId() + " failed, " + failure + " (" + delivery + "): " + detail
            + idSuffix(requestIds, traceId),
        cause, operation, delivery, requestIds, traceId);
    this.failure = failure;
  }

  /** What went wrong. */
  public Failure failure() {
    return failure;
  }
}
