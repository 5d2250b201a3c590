package io.github.contabo4j.images;

/**
 * How far a failed request got: the fact a retry policy needs, stated without a verdict.
 */
public enum Delivery {
  /** No byte of the request can have reached the service (e.g. the connect failed). */
  NOT_SENT,
  /**
   * The request may have reached the service and may have been processed, but no usable answer came
   * back (a reset after sending, a timeout, an empty or malformed response).
   */
  MAYBE_PROCESSED,
  /** The service answered with a status line. */
  ANSWERED
}
