package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The one exception for an API call that could not get an access token: nothing was sent. */
public final class TokenFailures {
  private TokenFailures() {}

  /**
   * Builds the exception.
   *
   * @param operation the call's operation
   * @param cause what the token source threw; its message is already free of secrets
   * @param requestIds the call's request ids so far
   * @param traceId the call's trace id, if any
   * @return the exception, {@link Failure#TOKEN_UNAVAILABLE} and {@link Delivery#NOT_SENT}
   */
  public static ImagesTransportException unavailable(
      ImagesOperation operation, Throwable cause, List<String> requestIds, @Nullable String traceId) {
    String detail = "no access token: " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return new ImagesTransportException(
        operation, Failure.TOKEN_UNAVAILABLE, Delivery.NOT_SENT, detail, cause, requestIds, traceId);
  }
}
