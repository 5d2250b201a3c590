package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.ImagesTransportException.Failure;
import org.jspecify.annotations.Nullable;

/**
 * A 2xx body that could not be used. Thrown by {@link ImagesWire#decodeBody} where the request is not
 * at hand (e.g. inside a Feign {@code Decoder}); the adapter turns it into an {@code
 * ImagesTransportException} with {@link TransportFailures#badBody}.
 */
public final class MalformedBodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Failure failure;

  MalformedBodyException(Failure failure, String detail, @Nullable Throwable cause) {
    super(detail, cause);
    this.failure = failure;
  }

  /** {@link Failure#EMPTY_RESPONSE} or {@link Failure#MALFORMED_RESPONSE}. */
  public Failure failure() {
    return failure;
  }
}
