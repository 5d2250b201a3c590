package io.github.contabo4j.images.upload;

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
 * <p>A value class with record-style accessors, so it can gain options without breaking callers; an
 * option out of range throws {@link IllegalArgumentException} naming it, from {@link Builder#build()}.
 */
public final class EnsureOptions {
  private static final EnsureOptions DEFAULTS = builder().build();

  /** The options, listed once: equality, hash and text are the record's. */
  private record Values(
      Duration waitFor, boolean replaceWhenUrlDiffers, boolean replaceWhenFailed, boolean preflight,
      boolean ignoreQuery, Duration replaceTimeout, @Nullable Consumer<DownloadProgress> progress) {}

  private final Values values;

  private EnsureOptions(Values values) {
    Objects.requireNonNull(values.waitFor(), "waitFor == null");
    Objects.requireNonNull(values.replaceTimeout(), "replaceTimeout == null");
    if (values.waitFor().isNegative() || values.waitFor().compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("waitFor must be from zero to one day");
    }
    if (values.replaceTimeout().compareTo(Duration.ofSeconds(1)) < 0
        || values.replaceTimeout().compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("replaceTimeout must be from 1 s to one day");
    }
    this.values = values;
  }

  /** Every option off. */
  public static EnsureOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder().waitUntilDownloaded(values.waitFor()).replaceWhenUrlDiffers(values.replaceWhenUrlDiffers())
        .replaceWhenFailed(values.replaceWhenFailed()).preflight(values.preflight())
        .ignoreQuery(values.ignoreQuery()).replaceTimeout(values.replaceTimeout()).onProgress(values.progress());
  }

  /** How long to wait for the image to reach {@code downloaded}; zero returns at once. */
  public Duration waitFor() {
    return values.waitFor();
  }

  /**
   * Replace an image of that name from another URL (create, wait, delete, rename); otherwise it is
   * left alone and reported.
   */
  public boolean replaceWhenUrlDiffers() {
    return values.replaceWhenUrlDiffers();
  }

  /**
   * Replace an image of that name from the same URL whose download ended in {@code error}; otherwise
   * it is reported.
   */
  public boolean replaceWhenFailed() {
    return values.replaceWhenFailed();
  }

  /** Check the source before any create; a certain finding stops the create. */
  public boolean preflight() {
    return values.preflight();
  }

  /** Compare URLs without their query strings (presigned URLs change their signature on every issue). */
  public boolean ignoreQuery() {
    return values.ignoreQuery();
  }

  /** How long a replace waits for the new image to download: 1 s to one day. */
  public Duration replaceTimeout() {
    return values.replaceTimeout();
  }

  /** Called on every poll of any wait; null for none. */
  public @Nullable Consumer<DownloadProgress> progress() {
    return values.progress();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof EnsureOptions && values.equals(((EnsureOptions) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The options in order, as a record would print them. */
  @Override
  public String toString() {
    return "EnsureOptions" + values.toString().substring("Values".length());
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
     * @throws IllegalArgumentException naming the option that is out of range
     */
    public EnsureOptions build() {
      return new EnsureOptions(new Values(waitFor, replaceWhenUrlDiffers, replaceWhenFailed, preflight, ignoreQuery,
          replaceTimeout, progress));
    }
  }
}
