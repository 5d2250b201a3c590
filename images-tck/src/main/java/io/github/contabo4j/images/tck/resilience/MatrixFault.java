package io.github.contabo4j.images.tck.resilience;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fault the {@link FaultMatrixContract} asks an adapter to script: an error status (with an
 * optional raw {@code Retry-After} header), or a connection that misbehaves. Each adapter turns it
 * into its own means: WireMock stubs and faults, or the fake's {@code faults()} script.
 *
 * <p>A fault strikes before the service applied the request unless it was made with {@link
 * #afterApplying()}: then the service did what was asked (an image created, with its {@code CREATED}
 * audit entry; an image deleted) and only the answer went wrong, which is what a lost answer looks
 * like to a client.
 *
 * @param kind what goes wrong
 * @param status the HTTP status of a {@link Kind#STATUS} fault, else 0
 * @param retryAfter the raw {@code Retry-After} header value of a status fault, exactly as the
 *     service would send it (delay-seconds, an HTTP-date, or garbage), or null for none
 * @param delay how late a {@link Kind#SLOW_ANSWER} answers, or how long a {@link
 *     Kind#DRIBBLED_ANSWER} takes to arrive, else zero
 * @param applied whether the service applied the request before the fault struck
 */
public record MatrixFault(Kind kind, int status, @Nullable String retryAfter, Duration delay, boolean applied) {

  /** What goes wrong. */
  public enum Kind {
    /** The service answers an error status. */
    STATUS,
    /** The connection is refused: nothing is sent. */
    CONNECTION_REFUSED,
    /** The connection is reset before any answer (WireMock {@code CONNECTION_RESET_BY_PEER}). */
    CONNECTION_RESET,
    /** The connection closes without a byte of answer (WireMock {@code EMPTY_RESPONSE}). */
    EMPTY_RESPONSE,
    /** A 200 whose chunked body is broken (WireMock {@code MALFORMED_RESPONSE_CHUNK}). */
    MALFORMED_RESPONSE_CHUNK,
    /** Random bytes instead of HTTP, then close (WireMock {@code RANDOM_DATA_THEN_CLOSE}). */
    RANDOM_DATA_THEN_CLOSE,
    /**
     * A valid answer that arrives after {@link MatrixFault#delay()}: past the attempt timeout in the
     * timeout rows, well within it where the caller is interrupted while waiting.
     */
    SLOW_ANSWER,
    /**
     * A valid answer whose status comes at once and whose chunked body trickles in over {@link
     * MatrixFault#delay()} (WireMock {@code chunkedDribbleDelay}): each chunk arrives well within a
     * read timeout, so only a deadline on the whole exchange ends it. Exists only on the wire.
     */
    DRIBBLED_ANSWER
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code kind} or {@code delay} is null
   */
  public MatrixFault {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(delay, "delay == null");
  }

  /**
   * An error status without {@code Retry-After}.
   *
   * @param status 400 to 599
   * @return the fault
   */
  public static MatrixFault status(int status) {
    return new MatrixFault(Kind.STATUS, status, null, Duration.ZERO, false);
  }

  /**
   * HTTP 429 with this raw {@code Retry-After}.
   *
   * @param retryAfter the header value, or null for no header
   * @return the fault
   */
  public static MatrixFault rateLimited(@Nullable String retryAfter) {
    return new MatrixFault(Kind.STATUS, 429, retryAfter, Duration.ZERO, false);
  }

  /**
   * A connection fault (any kind but {@link Kind#STATUS} and {@link Kind#SLOW_ANSWER}).
   *
   * @param kind the kind
   * @return the fault
   */
  public static MatrixFault connection(Kind kind) {
    if (kind == Kind.STATUS || kind == Kind.SLOW_ANSWER || kind == Kind.DRIBBLED_ANSWER) {
      throw new IllegalArgumentException("not a connection fault: " + kind);
    }
    return new MatrixFault(kind, 0, null, Duration.ZERO, false);
  }

  /**
   * A valid answer that comes too late.
   *
   * @param delay how late, longer than the attempt timeout
   * @return the fault
   */
  public static MatrixFault slowAnswer(Duration delay) {
    return new MatrixFault(Kind.SLOW_ANSWER, 0, null, delay, false);
  }

  /**
   * A valid answer whose body trickles in.
   *
   * @param over how long the whole body takes, longer than the call's deadline
   * @return the fault
   */
  public static MatrixFault dribbledAnswer(Duration over) {
    return new MatrixFault(Kind.DRIBBLED_ANSWER, 0, null, over, false);
  }

  /**
   * The same fault, striking after the service applied the request.
   *
   * @return the fault
   * @throws IllegalStateException for a refused connection, which cannot have applied anything
   */
  public MatrixFault afterApplying() {
    if (kind == Kind.CONNECTION_REFUSED) {
      throw new IllegalStateException("a refused connection cannot have applied the request");
    }
    return new MatrixFault(kind, status, retryAfter, delay, true);
  }

  /** The service message of a status fault's error body; the suite expects it back. */
  public String message() {
    return "fault matrix says " + status;
  }

  /** Whether the connection dies before the first answer byte (a reset or an empty response). */
  public boolean diesBeforeTheFirstByte() {
    return kind == Kind.CONNECTION_RESET || kind == Kind.EMPTY_RESPONSE;
  }

  @Override
  public String toString() {
    return describe() + (applied ? " after applying" : "");
  }

  private String describe() {
    switch (kind) {
      case STATUS:
        return "HTTP " + status + (retryAfter == null ? "" : " Retry-After: " + retryAfter);
      case SLOW_ANSWER:
        return "answer after " + delay.toMillis() + " ms";
      case DRIBBLED_ANSWER:
        return "answer dribbled over " + delay.toMillis() + " ms";
      default:
        return kind.toString();
    }
  }
}
