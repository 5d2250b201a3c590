package io.github.contabo4j.images.upload;

import io.github.contabo4j.images.ImageStatus;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One poll of a download wait, as passed to the progress callback of {@link AwaitOptions}.
 *
 * <p>A value class with record-style accessors, so it can gain properties without breaking
 * callers; equal when every property is equal.
 */
public final class DownloadProgress {
  private final String imageId;
  private final @Nullable ImageStatus status;
  private final long uploadedSizeMb;
  private final long sizeMb;
  private final Duration elapsed;
  private final int poll;

  private DownloadProgress(String imageId, @Nullable ImageStatus status, long uploadedSizeMb, long sizeMb,
      Duration elapsed, int poll) {
    this.imageId = imageId;
    this.status = status;
    this.uploadedSizeMb = uploadedSizeMb;
    this.sizeMb = sizeMb;
    this.elapsed = elapsed;
    this.poll = poll;
  }

  /** The image. */
  public String imageId() {
    return imageId;
  }

  /** Its status as the poll read it. */
  public @Nullable ImageStatus status() {
    return status;
  }

  /** How much the service has downloaded so far, in MB. */
  public long uploadedSizeMb() {
    return uploadedSizeMb;
  }

  /** The image's size in MB as the service reports it (0 while unknown). */
  public long sizeMb() {
    return sizeMb;
  }

  /** Time since the wait began. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Which poll this is, counted from 1. */
  public int poll() {
    return poll;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DownloadProgress)) {
      return false;
    }
    DownloadProgress other = (DownloadProgress) o;
    return Objects.equals(imageId, other.imageId)
        && Objects.equals(status, other.status)
        && uploadedSizeMb == other.uploadedSizeMb
        && sizeMb == other.sizeMb
        && Objects.equals(elapsed, other.elapsed)
        && poll == other.poll;
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageId, status, uploadedSizeMb, sizeMb, elapsed, poll);
  }

  /** The properties in order, as a record would print them. */
  @Override
  public String toString() {
    return "DownloadProgress[imageId=" + imageId + ", status=" + status + ", uploadedSizeMb=" + uploadedSizeMb
        + ", sizeMb=" + sizeMb + ", elapsed=" + elapsed + ", poll=" + poll + "]";
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link DownloadProgress}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String imageId;
    private @Nullable ImageStatus status;
    private long uploadedSizeMb;
    private long sizeMb;
    private @Nullable Duration elapsed;
    private int poll;

    private Builder() {}

    private Builder(DownloadProgress from) {
      imageId = from.imageId;
      status = from.status;
      uploadedSizeMb = from.uploadedSizeMb;
      sizeMb = from.sizeMb;
      elapsed = from.elapsed;
      poll = from.poll;
    }

    /**
     * Sets {@code imageId}.
     *
     * @param imageId the image
     * @return this builder
     */
    public Builder imageId(@Nullable String imageId) {
      this.imageId = imageId;
      return this;
    }

    /**
     * Sets {@code status}.
     *
     * @param status its status as the poll read it
     * @return this builder
     */
    public Builder status(@Nullable ImageStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets {@code uploadedSizeMb}.
     *
     * @param uploadedSizeMb how much the service has downloaded so far, in MB
     * @return this builder
     */
    public Builder uploadedSizeMb(long uploadedSizeMb) {
      this.uploadedSizeMb = uploadedSizeMb;
      return this;
    }

    /**
     * Sets {@code sizeMb}.
     *
     * @param sizeMb the image's size in MB as the service reports it (0 while unknown)
     * @return this builder
     */
    public Builder sizeMb(long sizeMb) {
      this.sizeMb = sizeMb;
      return this;
    }

    /**
     * Sets {@code elapsed}.
     *
     * @param elapsed time since the wait began
     * @return this builder
     */
    public Builder elapsed(@Nullable Duration elapsed) {
      this.elapsed = elapsed;
      return this;
    }

    /**
     * Sets {@code poll}.
     *
     * @param poll which poll this is, counted from 1
     * @return this builder
     */
    public Builder poll(int poll) {
      this.poll = poll;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the value
     */
    public DownloadProgress build() {
      return new DownloadProgress(imageId, status, uploadedSizeMb, sizeMb, elapsed, poll);
    }
  }
}
