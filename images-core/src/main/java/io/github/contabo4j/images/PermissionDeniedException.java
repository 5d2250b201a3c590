package io.github.contabo4j.images;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** HTTP 403: the credentials may not do this, e.g. change a standard image (see {@code docs/ASSUMPTIONS.md}). */
public class PermissionDeniedException extends ImagesServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param operation the operation that failed
   * @param serviceMessage the service's message
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public PermissionDeniedException(ImagesOperation operation, String serviceMessage, List<String> requestIds, @Nullable String traceId) {
    super(operation, 403, serviceMessage, null, requestIds, traceId);
  }
}
