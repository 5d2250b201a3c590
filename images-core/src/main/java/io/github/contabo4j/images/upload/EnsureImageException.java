package io.github.contabo4j.images.upload;

import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesOperation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link ImageUploads#ensureImage} stopped before changing anything it should not: the name is
 * ambiguous, the storage is too small for a safe replace, or the preflight found a certain problem.
 * Nothing was created or deleted by the call that threw it (except its own temporary image, which it
 * deleted again). Messages never show a URL's query string.
 *
 * <p>Not the failure of one call: {@link #operation()} is {@link ImagesOperation#RETRIEVE_IMAGE_LIST}
 * (the decision follows a listing), {@link #delivery()} {@link Delivery#ANSWERED}, and there are no
 * request ids. No retry policy retries it; fix the cause and call again.
 */
public final class EnsureImageException extends ImagesException {
  private static final long serialVersionUID = 1L;

  /** Why {@code ensureImage} stopped. */
  public enum Reason {
    /** More than one custom image carries the name; {@link #imageIds()} lists them. */
    DUPLICATE_NAME,
    /** The free custom-image storage cannot hold the new image next to the old one. */
    QUOTA,
    /** The preflight found a certain problem; {@link #preflight()} holds the report. */
    PREFLIGHT
  }

  private final Reason reason;
  private final List<String> imageIds;
  private final transient @Nullable PreflightReport preflight;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message the message, without query strings
   * @param imageIds the image ids concerned
   * @param preflight the preflight's report, if one ran
   */
  public EnsureImageException(Reason reason, String message, List<String> imageIds, @Nullable PreflightReport preflight) {
    super(message, null, ImagesOperation.RETRIEVE_IMAGE_LIST, Delivery.ANSWERED, List.of(), null);
    this.reason = reason;
    this.imageIds = List.copyOf(imageIds);
    this.preflight = preflight;
  }

  /** Why {@code ensureImage} stopped. */
  public Reason reason() {
    return reason;
  }

  /** The ids concerned: every image carrying the name for {@link Reason#DUPLICATE_NAME}. */
  public List<String> imageIds() {
    return imageIds;
  }

  /** The preflight's report, when one ran. */
  public @Nullable PreflightReport preflight() {
    return preflight;
  }
}
