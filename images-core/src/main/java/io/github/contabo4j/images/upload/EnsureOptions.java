package io.github.contabo4j.images.upload;

import io.github.contabo4j.images.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ImageUploads#ensureImage} behaves. Every option is off by default: no wait, no replace,
 * no preflight, the query compared.
 *
 * <pre>{@code
 * EnsureOptions options = EnsureOptions.builder()
 *     .preflight(true)
 *     .replaceWhenUrlDiffers(true)
 *     .waitUntilDownloaded(Duration.ofMinutes(30))
 *     .onProgress(p -> log.info("{} MB", p.uploadedSizeMb()))
 *     .build();
 * }</pre>
 *
 * @param waitFor how long to wait for the image to reach {@code downloaded}; zero returns at once
 * @param replaceWhenUrlDiffers replace an image of that name from another URL (create, wait, delete,
 *     rename); otherwise it is left alone and reported
 * @param replaceWhenFailed replace an image of that name from the same URL whose download ended in
 *     {@code error}; otherwise it is reported
 * @param preflight check the source before any create; a certain finding stops the create
 * @param ignoreQuery compare URLs without their query strings (presigned URLs change their signature
 *     on every issue)
 * @param replaceTimeout how long a replace waits for the new image to download: 1 s to one day
 * @param progress called on every poll of any wait; null for none
 */
public record EnsureOptions(
    Duration waitFor, boolean replaceWhenUrlDiffers, boolean replaceWhenFailed, boolean preflight,
    boolean ignoreQuery, Duration replaceTimeout, @Nullable Consumer<DownloadProgress> progress) {

  private static final EnsureOptions DEFAULTS = builder().build();

  /**
   * Creates and checks the options.
   *
   * @throws InvalidRequestException naming the field and the rule it breaks
   */
  public EnsureOptions {
    Objects.requireNonNull(waitFor, "waitFor == null");
    Objects.requireNonNull(replaceTimeout, "replaceTimeout == null");
    if (waitFor.isNegative() || waitFor.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidRequestException("waitFor", "must be from zero to one day");
    }
    if (replaceTimeout.compareTo(Duration.ofSeconds(1)) < 0 || replaceTimeout.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidRequestException("replaceTimeout", "must be from 1 s to one day");
    }
  }

  /** Every option off. */
  public static EnsureOptions defaults() {
    return DEFAULTS;
  }

  /** A builder with every option off and a replace timeout of one hour. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EnsureOptions}. */
  public static final class Builder {
    private Duration waitFor = Duration.ZERO;
    private boolean replaceWhenUrlDiffers;
    private boolean replaceWhenFailed;
    private boolean preflight;
    private boolean ignoreQuery;
    private Duration replaceTimeout = Duration.ofHours(1);
    private @Nullable Consumer<DownloadProgress> progress;

    private Builder() {}

    /**
     * Waits up to this long for {@code downloaded}.
     *
     * @param timeout zero to one day
     * @return this builder
     */
    public Builder waitUntilDownloaded(Duration timeout) {
      this.waitFor = timeout;
      return this;
    }

    /**
     * Replaces an image of that name from another URL.
     *
     * @param replace true to replace
     * @return this builder
     */
    public Builder replaceWhenUrlDiffers(boolean replace) {
      this.replaceWhenUrlDiffers = replace;
      return this;
    }

    /**
     * Replaces an image of that name from the same URL whose download failed.
     *
     * @param replace true to replace
     * @return this builder
     */
    public Builder replaceWhenFailed(boolean replace) {
      this.replaceWhenFailed = replace;
      return this;
    }

    /**
     * Checks the source before any create.
     *
     * @param check true to check
     * @return this builder
     */
    public Builder preflight(boolean check) {
      this.preflight = check;
      return this;
    }

    /**
     * Compares URLs without their query strings.
     *
     * @param ignore true to ignore the query
     * @return this builder
     */
    public Builder ignoreQuery(boolean ignore) {
      this.ignoreQuery = ignore;
      return this;
    }

    /**
     * How long a replace waits for the new image.
     *
     * @param timeout 1 s to one day
     * @return this builder
     */
    public Builder replaceTimeout(Duration timeout) {
      this.replaceTimeout = timeout;
      return this;
    }

    /**
     * Calls {@code callback} on every poll of any wait.
     *
     * @param callback the callback; exceptions it throws are contained
     * @return this builder
     */
    public Builder onProgress(@Nullable Consumer<DownloadProgress> callback) {
      this.progress = callback;
      return this;
    }

    /**
     * Builds and checks the options.
     *
     * @return the options
     */
    public EnsureOptions build() {
      return new EnsureOptions(waitFor, replaceWhenUrlDiffers, replaceWhenFailed, preflight, ignoreQuery,
          replaceTimeout, progress);
    }
  }
}
