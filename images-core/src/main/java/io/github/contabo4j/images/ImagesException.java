package io.github.contabo4j.images;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every failure of an {@link ImagesPort} call other than bad input (which is an {@link
 * InvalidRequestException}, thrown before anything is sent).
 *
 * <p>Two branches, and one verdict on top of them:
 *
 * <ul>
 *   <li>{@link ImagesTransportException}: no usable answer came back (the connect failed, a timeout,
 *       a reset, an empty or malformed body);
 *   <li>{@link ImagesServiceException}: the service answered with an error status, with typed
 *       subclasses per status;
 *   <li>{@link OutcomeUnknownException}: a create ended ambiguously and the audit log could not
 *       tell whether it took effect (thrown by the resilience decorator's safe create).
 * </ul>
 *
 * <p>Exceptions state facts, not verdicts: {@link #delivery()} says how far the request got, the
 * service branch adds the status and {@code Retry-After}. Whether to retry depends on the operation
 * as well, so that is the retry policy's call. Messages never contain tokens or secrets, and a service
 * message is truncated.
 */
public abstract class ImagesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ImagesOperation operation;
  private final Delivery delivery;
  private final List<String> requestIds;
  private final @Nullable String traceId;

  /**
   * Creates the exception.
   *
   * @param message the detail message
   * @param cause the cause, if any
   * @param operation the operation that failed
   * @param delivery how far the request got
   * @param requestIds every {@code x-request-id} the call sent, in order
   * @param traceId the {@code x-trace-id} sent, if any
   */
  protected ImagesException(
      String message,
      @Nullable Throwable cause,
      ImagesOperation operation,
      Delivery delivery,
      List<String> requestIds,
      @Nullable String traceId) {
    super(message, cause);
    this.operation = operation;
    this.delivery = delivery;
    this.requestIds = List.copyOf(requestIds);
    this.traceId = traceId;
  }

  /** The operation that failed. */
  public ImagesOperation operation() {
    return operation;
  }

  /** How far the request got: not sent, maybe processed, or answered. */
  public Delivery delivery() {
    return delivery;
  }

  /** Every {@code x-request-id} the call sent, in order; the last one got this failure. */
  public List<String> requestIds() {
    return requestIds;
  }

  /** The {@code x-request-id} of the attempt that failed last, if anything was sent. */
  public Optional<String> lastRequestId() {
    return requestIds.isEmpty() ? Optional.empty() : Optional.of(requestIds.get(requestIds.size() - 1));
  }

  /** The {@code x-trace-id} sent, if any. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /**
   * Formats the ids for a message.
   *
   * @param requestIds the request ids
   * @param traceId the trace id
   * @return e.g. {@code " [x-request-id=a, b; x-trace-id=t]"}
   */
  static String idSuffix(List<String> requestIds, @Nullable String traceId) {
    StringBuilder sb = new StringBuilder(" [x-request-id=");
    sb.append(requestIds.isEmpty() ? "none" : String.join(", ", requestIds));
    if (traceId != null) {
      sb.append("; x-trace-id=").append(traceId);
    }
    return sb.append(']').toString();
  }
}
