package io.github.contabo4j.images.upload;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.internal.upload.SourceUrls;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ImageUploads#ensureImage} did, and the image of that name now.
 *
 * @param outcome what happened
 * @param image the image that carries the name now (for {@link Outcome#OTHER_URL}: the untouched
 *     image from the other URL), as last read
 * @param requestedUrl the URL asked for
 * @param existingUrl the URL of the image found under the name before anything was done; null when
 *     none was found
 * @param preflight the preflight's report, when one ran
 */
public record EnsureResult(
    Outcome outcome, Image image, String requestedUrl, @Nullable String existingUrl,
    @Nullable PreflightReport preflight) {

  /**
   * Creates a result.
   *
   * @throws NullPointerException if a required component is null
   */
  public EnsureResult {
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(image, "image == null");
    Objects.requireNonNull(requestedUrl, "requestedUrl == null");
  }

  /** What {@code ensureImage} did. */
  public enum Outcome {
    /** No image had the name; this call created it. */
    CREATED,
    /** Another caller created it at the same time; its (older) image is returned, this call's deleted. */
    JOINED,
    /** It existed from the same URL, downloading or downloaded; nothing was changed. */
    EXISTS,
    /** It existed from the same URL, but its download ended in {@code error}; not replaced (not asked). */
    FAILED,
    /** It existed from another URL and was left alone (replace not asked); see both URLs. */
    OTHER_URL,
    /** It existed from another URL (or had failed) and was replaced by a downloaded image from this URL. */
    REPLACED
  }

  /** Whether the image is ready: status {@code downloaded}. */
  public boolean isDownloaded() {
    return image.isDownloaded();
  }

  /** Whether the image is still downloading. */
  public boolean isDownloading() {
    return image.isDownloading();
  }

  /** One line for people, naming both URLs (query strings redacted) when they differ. */
  public String describe() {
    String id = image.imageId();
    switch (outcome) {
      case OTHER_URL:
        return "image '" + image.name() + "' (" + id + ") exists from " + SourceUrls.display(existingUrl)
            + ", not from the requested " + SourceUrls.display(requestedUrl) + "; left untouched (replace not asked)";
      case FAILED:
        return "image '" + image.name() + "' (" + id + ") from " + SourceUrls.display(requestedUrl)
            + " ended in error: " + image.errorMessage() + "; not replaced (replace not asked)";
      case REPLACED:
        return "image '" + image.name() + "' replaced: " + SourceUrls.display(existingUrl) + " -> "
            + SourceUrls.display(requestedUrl) + " (" + id + ")";
      default:
        return "image '" + image.name() + "' (" + id + ") " + outcome.name().toLowerCase(java.util.Locale.ROOT)
            + " from " + SourceUrls.display(requestedUrl) + ", status " + image.status();
    }
  }

  /** As {@link #describe()}: no query string appears. */
  @Override
  public String toString() {
    return "EnsureResult{" + describe() + "}";
  }
}
