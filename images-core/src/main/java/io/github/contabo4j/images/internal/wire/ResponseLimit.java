package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.InvalidRequestException;

/**
 * How much of an answer a transport may read, written once for every transport: the builder's
 * response-size limit ({@code maxResponseBytes}) for a 2xx body, and a small cap for an error body.
 *
 * <ul>
 *   <li>A 2xx body larger than the limit is a {@link ResponseTooLargeException}: at once, before any
 *       allocation, when its {@code Content-Length} declares too much; else as soon as one byte too
 *       many has arrived (a chunked or close-delimited body). The limit applies to the bytes the
 *       transport reads, after any content decoding.
 *   <li>An error body is read up to {@link #ERROR_BODY_CAP} bytes (or the limit, if smaller). A
 *       longer one is cut there: its first bytes still make the error's message, and the transport
 *       closes that connection, never returning it to a pool, as the rest of the body is unread.
 * </ul>
 *
 * <p>Immutable and thread-safe; each answer is read into its own {@link BodyBuffer}.
 */
public final class ResponseLimit {
  /** The default response-size limit: 4 MiB. */
  public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
  /** The smallest limit the builder accepts: 1 KiB. */
  public static final int MIN_BYTES = 1024;
  /** The most bytes of an error body read: 64 KiB. The message keeps far less. */
  public static final int ERROR_BODY_CAP = 64 * 1024;
  /** The builder setting's name, for messages. */
  public static final String SETTING = "maxResponseBytes";

  private static final ResponseLimit DEFAULT = new ResponseLimit(DEFAULT_MAX_BYTES);

  private final int maxBytes;

  /**
   * Creates a limit.
   *
   * @param maxBytes the most bytes of a 2xx body, at least {@value #MIN_BYTES}
   * @throws InvalidRequestException naming {@value #SETTING} if smaller
   */
  public ResponseLimit(int maxBytes) {
    this.maxBytes = requireValid(maxBytes);
  }

  /** The limit with its default, {@value #DEFAULT_MAX_BYTES} bytes. */
  public static ResponseLimit defaults() {
    return DEFAULT;
  }

  /**
   * Checks a limit.
   *
   * @param maxBytes the limit
   * @return the limit
   * @throws InvalidRequestException naming {@value #SETTING} if it is below {@value #MIN_BYTES}
   */
  public static int requireValid(int maxBytes) {
    if (maxBytes < MIN_BYTES) {
      throw new InvalidRequestException(SETTING, "must be at least " + MIN_BYTES + " bytes");
    }
    return maxBytes;
  }

  /** The most bytes of a 2xx body. */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Whether an answer may be read whole at its declared length without this class's buffer: a 2xx
   * declaring a {@code Content-Length} within the limit, so a client that reads exactly that many
   * bytes keeps the limit.
   *
   * @param statusCode the answer's status
   * @param declaredLength its {@code Content-Length}, or a negative number when it has none
   * @return whether reading the declared length stays within the limit
   */
  public boolean allowsDeclared(int statusCode, long declaredLength) {
    return isSuccess(statusCode) && declaredLength >= 0 && declaredLength <= maxBytes;
  }

  /**
   * Starts reading one answer's body.
   *
   * @param statusCode the answer's status
   * @param declaredLength its {@code Content-Length}, or a negative number when it has none
   * @return the buffer to read the body into
   * @throws ResponseTooLargeException for a 2xx answer whose {@code Content-Length} exceeds the limit
   */
  public BodyBuffer open(int statusCode, long declaredLength) throws ResponseTooLargeException {
    boolean success = isSuccess(statusCode);
    if (success && declaredLength > maxBytes) {
      throw new ResponseTooLargeException(maxBytes, declaredLength, -1);
    }
    return new BodyBuffer(success ? maxBytes : Math.min(maxBytes, ERROR_BODY_CAP), success, maxBytes, declaredLength);
  }

  private static boolean isSuccess(int statusCode) {
    return statusCode >= 200 && statusCode <= 299;
  }

  @Override
  public String toString() {
    return "ResponseLimit{" + SETTING + "=" + maxBytes + "}";
  }
}
