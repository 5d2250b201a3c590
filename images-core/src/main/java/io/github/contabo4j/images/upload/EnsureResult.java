package io.github.contabo4j.images.upload;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.internal.upload.SourceUrls;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ImageUploads#ensureImage} did, and the image of that name now.
 *
 * <p>A value class with record-style accessors, so it can gain properties without breaking
 * callers; equal when every property is equal.
 */
public final class EnsureResult {
  private final Outcome outcome;
  private final Image image;
  private final String requestedUrl;
  private final @Nullable String existingUrl;
  private final @Nullable PreflightReport preflight;

  private EnsureResult(Outcome outcome, Image image, String requestedUrl, @Nullable String existingUrl,
      @Nullable PreflightReport preflight) {
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(image, "image == null");
    Objects.requireNonNull(requestedUrl, "requestedUrl == null");
    this.outcome = outcome;
    this.image = image;
    this.requestedUrl = requestedUrl;
    this.existingUrl = existingUrl;
    this.preflight = preflight;
  }

  /** What happened. */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The image that carries the name now (for {@link Outcome#OTHER_URL}: the untouched image from the
   * other URL), as last read.
   */
  public Image image() {
    return image;
  }

  /** The URL asked for. */
  public String requestedUrl() {
    return requestedUrl;
  }

  /** The URL of the image found under the name before anything was done; null when none was found. */
  public @Nullable String existingUrl() {
    return existingUrl;
  }

  /** The preflight's report, when one ran. */
  public @Nullable PreflightReport preflight() {
    return preflight;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EnsureResult)) {
      return false;
    }
    EnsureResult other = (EnsureResult) o;
    return Objects.equals(outcome, other.outcome)
        && Objects.equals(image, other.image)
        && Objects.equals(requestedUrl, other.requestedUrl)
        && Objects.equals(existingUrl, other.existingUrl)
        && Objects.equals(preflight, other.preflight);
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, image, requestedUrl, existingUrl, preflight);
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link EnsureResult}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Outcome outcome;
    private @Nullable Image image;
    private @Nullable String requestedUrl;
    private @Nullable String existingUrl;
    private @Nullable PreflightReport preflight;

    private Builder() {}

    private Builder(EnsureResult from) {
      outcome = from.outcome;
      image = from.image;
      requestedUrl = from.requestedUrl;
      existingUrl = from.existingUrl;
      preflight = from.preflight;
    }

    /**
     * Sets {@code outcome}.
     *
     * @param outcome what happened
     * @return this builder
     */
    public Builder outcome(@Nullable Outcome outcome) {
      this.outcome = outcome;
      return this;
    }

    /**
     * Sets {@code image}.
     *
     * @param image the image that carries the name now (for {@link Outcome#OTHER_URL}: the untouched
     *     image from the other URL), as last read
     * @return this builder
     */
    public Builder image(@Nullable Image image) {
      this.image = image;
      return this;
    }

    /**
     * Sets {@code requestedUrl}.
     *
     * @param requestedUrl the URL asked for
     * @return this builder
     */
    public Builder requestedUrl(@Nullable String requestedUrl) {
      this.requestedUrl = requestedUrl;
      return this;
    }

    /**
     * Sets {@code existingUrl}.
     *
     * @param existingUrl the URL of the image found under the name before anything was done; null
     *     when none was found
     * @return this builder
     */
    public Builder existingUrl(@Nullable String existingUrl) {
      this.existingUrl = existingUrl;
      return this;
    }

    /**
     * Sets {@code preflight}.
     *
     * @param preflight the preflight's report, when one ran
     * @return this builder
     */
    public Builder preflight(@Nullable PreflightReport preflight) {
      this.preflight = preflight;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the value
     */
    public EnsureResult build() {
      return new EnsureResult(outcome, image, requestedUrl, existingUrl, preflight);
    }
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
