package io.github.contabo4j.images.testkit.resilience;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fault the {@link FaultMatrixContract} asks an adapter to script: an error status (with an
 * optional raw {@code Retry-After} header), or a connection that misbehaves. Each adapter turns it
 * into its own means: WireMock stubs and faults, or the fake's {@code faults()} script.
 *
 * @param kind what goes wrong
 * @param status the HTTP status of a {@link Kind#STATUS} fault, else 0
 * @param retryAfter the raw {@code Retry-After} header value of a status fault, exactly as the
 *     service would send it (delay-seconds, an HTTP-date, or garbage), or null for none
 * @param delay how late a {@link Kind#SLOW_ANSWER} answers, else zero
 */
public record MatrixFault(Kind kind, int status, @Nullable String retryAfter, Duration delay) {

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
    /** A valid answer that arrives after {@link MatrixFault#delay()}, past the attempt timeout. */
    SLOW_ANSWER
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
    return new MatrixFault(Kind.STATUS, status, null, Duration.ZERO);
  }

  /**
   * HTTP 429 with this raw {@code Retry-After}.
   *
   * @param retryAfter the header value, or null for no header
   * @return the fault
   */
  public static MatrixFault rateLimited(@Nullable String retryAfter) {
    return new MatrixFault(Kind.STATUS, 429, retryAfter, Duration.ZERO);
  }

  /**
   * A connection fault (any kind but {@link Kind#STATUS} and {@link Kind#SLOW_ANSWER}).
   *
   * @param kind the kind
   * @return the fault
   */
  public static MatrixFault connection(Kind kind) {
    if (kind == Kind.STATUS || kind == Kind.SLOW_ANSWER) {
      throw new IllegalArgumentException("not a connection fault: " + kind);
    }
    return new MatrixFault(kind, 0, null, Duration.ZERO);
  }

  /**
   * A valid answer that comes too late.
   *
   * @param delay how late, longer than the attempt timeout
   * @return the fault
   */
  public static MatrixFault slowAnswer(Duration delay) {
    return new MatrixFault(Kind.SLOW_ANSWER, 0, null, delay);
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
    switch (kind) {
      case STATUS:
        return "HTTP " + status + (retryAfter == null ? "" : " Retry-After: " + retryAfter);
      case SLOW_ANSWER:
        return "answer after " + delay.toMillis() + " ms";
      default:
        return kind.toString();
    }
  }
}
