package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Redaction;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An image's download ended in status {@code error}: thrown by {@link
 * ImagesPort#awaitDownloaded(String, java.time.Duration)}. The image exists (delete it to free its
 * quota, or create it again from a working URL); {@link #errorMessage()} says why the service could
 * not fetch it.
 *
 * <p>{@link #operation()} is {@link ImagesOperation#RETRIEVE_IMAGE} and {@link #delivery()} {@link
 * Delivery#ANSWERED}: the poll that saw the status was answered. {@link #requestIds()} are that
 * poll's. Not a transport or service failure, so no retry policy retries it.
 */
public final class ImageDownloadFailedException extends ImagesException {
  private static final long serialVersionUID = 1L;

  private final String imageId;
  private final String errorMessage;
  private final List<String> preflightFindings;

  /**
   * Creates the exception.
   *
   * @param imageId the image whose download failed
   * @param errorMessage the image's {@code errorMessage} as the service sent it; null or empty if it
   *     sent none
   * @param requestIds the request ids of the poll that saw status {@code error}
   * @param traceId the {@code x-trace-id} that poll sent, if any
   */
  public ImageDownloadFailedException(
      String imageId, @Nullable String errorMessage, List<String> requestIds, @Nullable String traceId) {
    this(imageId, errorMessage, requestIds, traceId, List.of());
  }

  /**
   * Creates the exception, with what a preflight of the image's source found.
   *
   * @param imageId the image whose download failed
   * @param errorMessage the image's {@code errorMessage} as the service sent it
   * @param requestIds the request ids of the poll that saw status {@code error}
   * @param traceId the {@code x-trace-id} that poll sent, if any
   * @param preflightFindings the preflight's findings, one line each, without query strings; empty
   *     when no preflight ran or it found nothing
   */
  public ImageDownloadFailedException(String imageId, @Nullable String errorMessage, List<String> requestIds,
      @Nullable String traceId, List<String> preflightFindings) {
    super(message(imageId, errorMessage) + preflightSuffix(preflightFindings) + idSuffix(requestIds, traceId), null,
        ImagesOperation.RETRIEVE_IMAGE, Delivery.ANSWERED, requestIds, traceId);
    this.imageId = imageId;
    this.errorMessage = errorMessage == null ? "" : errorMessage;
    this.preflightFindings = List.copyOf(preflightFindings);
  }

  /**
   * A copy carrying a preflight's findings (used by {@code ImageUploads}).
   *
   * @param findings the findings, one line each, without query strings
   * @return the copy, with this exception's ids and stack trace
   */
  public ImageDownloadFailedException withPreflightFindings(List<String> findings) {
    ImageDownloadFailedException copy = new ImageDownloadFailedException(imageId, errorMessage, requestIds(),
        traceId().orElse(null), findings);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /**
   * What a preflight of the source found before the create, one line each (e.g. {@code COMPRESSED
   * (certain): ...}); empty when none ran or it found nothing.
   */
  public List<String> preflightFindings() {
    return preflightFindings;
  }

  /** The image whose download failed. */
  public String imageId() {
    return imageId;
  }

  /**
   * Why the download failed, exactly as the service sent it in the image's {@code errorMessage}
   * (e.g. {@code Error downloading image from provided URL}); empty if it sent none. The exception's
   * message carries it too, on one line and truncated.
   */
  public String errorMessage() {
    return errorMessage;
  }

  private static String preflightSuffix(List<String> findings) {
    return findings.isEmpty() ? "" : "; the preflight found: " + String.join("; ", findings);
  }

  private static String message(String imageId, @Nullable String errorMessage) {
    String why = errorMessage == null || errorMessage.isBlank()
        ? "no errorMessage given"
        : Redaction.clean(errorMessage, Redaction.MAX_MESSAGE);
    return "image " + imageId + " download failed (status error): " + why;
  }
}
