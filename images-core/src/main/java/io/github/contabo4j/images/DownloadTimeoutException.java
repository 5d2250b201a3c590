package io.github.contabo4j.images;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link ImagesPort#awaitDownloaded(String, Duration)} ran out of time while every poll was answered:
 * the image still reads {@link #lastStatus()}. Its {@link #failure()} is {@code TIMEOUT} and its
 * {@link #delivery()} {@link Delivery#ANSWERED} (the last poll was answered; nothing is in doubt), and
 * {@link #requestIds()} are the last poll's. The image exists and may still finish: wait again, or
 * delete it.
 */
public final class DownloadTimeoutException extends ImagesTransportException {
  private static final long serialVersionUID = 1L;

  private final String imageId;
  private final String lastStatus;
  private final int polls;

  /**
   * Creates the exception.
   *
   * @param imageId the image waited for
   * @param lastStatus the status the last poll read, as the service sent it
   * @param timeout how long the wait was allowed
   * @param polls how many polls were answered
   * @param requestIds the last poll's request ids
   * @param traceId the {@code x-trace-id} the last poll sent, if any
   */
  public DownloadTimeoutException(String imageId, String lastStatus, Duration timeout, int polls,
      List<String> requestIds, @Nullable String traceId) {
    super(ImagesOperation.RETRIEVE_IMAGE, Failure.TIMEOUT, Delivery.ANSWERED, "image " + imageId + " still "
        + lastStatus + " after " + timeout + " (" + polls + (polls == 1 ? " poll)" : " polls)"), null, requestIds,
        traceId);
    this.imageId = imageId;
    this.lastStatus = lastStatus;
    this.polls = polls;
  }

  /** The image waited for. */
  public String imageId() {
    return imageId;
  }

  /** The status the last poll read, e.g. {@code downloading}. */
  public String lastStatus() {
    return lastStatus;
  }

  /** How many polls were answered before the time ran out. */
  public int polls() {
    return polls;
  }
}
