package io.github.contabo4j.images;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** HTTP 409: the request conflicts with the current state, e.g. the custom-image storage quota is exhausted (see {@code docs/ASSUMPTIONS.md}). */
public class ConflictException extends ImagesServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param operation the operation that failed
   * @param serviceMessage the service's message
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public ConflictException(ImagesOperation operation, String serviceMessage, List<String> requestIds, @Nullable String traceId) {
    super(operation, 409, serviceMessage, null, requestIds, traceId);
  }
}
