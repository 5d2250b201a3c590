package io.github.contabo4j.images;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A create ended ambiguously and the audit log could not settle it: the image may or may not exist.
 *
 * <p>Contabo offers no idempotency key, so a create whose answer was lost (a reset after sending, a
 * timeout, an empty or malformed answer, a 5xx) is never sent again. The resilience decorator instead
 * looks each request id the call sent up in the audit log; when a {@code CREATED} entry turns up, the
 * create returns that image as {@linkplain CreatedImage#reconciled() reconciled}. This exception is
 * thrown when no entry turned up within the lookup's budget, or the lookup itself failed.
 *
 * <p>Nothing is silently lost or doubled: nothing was sent again, and this exception carries what the
 * caller needs to settle the question later, for example with {@link AuditQuery#byRequestId}:
 *
 * <ul>
 *   <li>{@link #requestIds()}: every {@code x-request-id} the create sent;
 *   <li>{@link #ambiguousFailure()}: how the create ended (also attached as a suppressed exception);
 *   <li>{@link #getCause()}: the lookup's failure if it failed, else {@code null}.
 * </ul>
 *
 * <p>{@link #delivery()} is always {@link Delivery#MAYBE_PROCESSED}.
 */
public final class OutcomeUnknownException extends ImagesException {
  private static final long serialVersionUID = 1L;

  private final ImagesException ambiguousFailure;

  /**
   * Creates the exception.
   *
   * @param ambiguousFailure how the create ended; its operation, request ids and trace id are taken
   * @param lookupFailure why the audit lookup failed, or {@code null} when it found nothing
   * @param rounds how many rounds of audit-log lookups were made
   */
  public OutcomeUnknownException(
      ImagesException ambiguousFailure, @Nullable Throwable lookupFailure, int rounds) {
    super(message(ambiguousFailure, lookupFailure, rounds), lookupFailure, ambiguousFailure.operation(),
        Delivery.MAYBE_PROCESSED, ambiguousFailure.requestIds(), ambiguousFailure.traceId().orElse(null));
    this.ambiguousFailure = ambiguousFailure;
    addSuppressed(ambiguousFailure);
  }

  /** How the create ended: the transport or service failure that left its outcome open. */
  public ImagesException ambiguousFailure() {
    return ambiguousFailure;
  }

  private static String message(ImagesException failure, @Nullable Throwable lookupFailure, int rounds) {
    List<String> ids = failure.requestIds();
    String why = lookupFailure == null
        ? "no audit entry after " + rounds + (rounds == 1 ? " lookup round" : " lookup rounds")
        : "the audit lookup failed";
    return failure.operation().operationId() + " outcome unknown: it may or may not have been applied; "
        + why + idSuffix(ids, failure.traceId().orElse(null));
  }
}
