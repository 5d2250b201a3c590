package io.github.contabo4j.images;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** HTTP 415: the image URL does not point at a supported format ({@code .iso} or {@code .qcow2}). */
public class UnsupportedImageFormatException extends ImagesServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param operation the operation that failed
   * @param serviceMessage the service's message
   * @param requestIds every {@code x-request-id} the call sent
   * @param traceId the {@code x-trace-id} sent, if any
   */
  public UnsupportedImageFormatException(ImagesOperation operation, String serviceMessage, List<String> requestIds, @Nullable String traceId) {
    super(operation, 415, serviceMessage, null, requestIds, traceId);
  }
}
