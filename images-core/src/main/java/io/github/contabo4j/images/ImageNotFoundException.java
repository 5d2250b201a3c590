package io.github.contabo4j.images;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** HTTP 404: no image with that id exists for this account. A standard image id is found; a deleted or never-created custom image id is not. */
public class ImageNotFoundException extends ImagesServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param operation the operation that failed
   * @param serviceMessage the service's message
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public ImageNotFoundException(ImagesOperation operation, String serviceMessage, List<String> requestIds, @Nullable String traceId) {
    super(operation, 404, serviceMessage, null, requestIds, traceId);
  }
}
