package io.github.contabo4j.images;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Custom-image storage statistics (spec: {@code CustomImagesStatsResponseData}).
 *
 * <p>A value class with record-style accessors, so it can gain properties without breaking
 * callers; equal when every property is equal.
 */
public final class ImageStats {
  private final @Nullable TenantId tenantId;
  private final @Nullable String customerId;
  private final long currentImagesCount;
  private final long totalSizeMb;
  private final long usedSizeMb;
  private final long freeSizeMb;

  private ImageStats(@Nullable TenantId tenantId, @Nullable String customerId, long currentImagesCount,
      long totalSizeMb, long usedSizeMb, long freeSizeMb) {
    this.tenantId = tenantId;
    this.customerId = customerId;
    this.currentImagesCount = currentImagesCount;
    this.totalSizeMb = totalSizeMb;
    this.usedSizeMb = usedSizeMb;
    this.freeSizeMb = freeSizeMb;
  }

  /** The tenant. */
  public @Nullable TenantId tenantId() {
    return tenantId;
  }

  /** The customer. */
  public @Nullable String customerId() {
    return customerId;
  }

  /** How many custom images exist. */
  public long currentImagesCount() {
    return currentImagesCount;
  }

  /** The storage quota in MB. */
  public long totalSizeMb() {
    return totalSizeMb;
  }

  /** The storage used in MB. */
  public long usedSizeMb() {
    return usedSizeMb;
  }

  /** The storage left in MB. */
  public long freeSizeMb() {
    return freeSizeMb;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImageStats)) {
      return false;
    }
    ImageStats other = (ImageStats) o;
    return Objects.equals(tenantId, other.tenantId)
        && Objects.equals(customerId, other.customerId)
        && currentImagesCount == other.currentImagesCount
        && totalSizeMb == other.totalSizeMb
        && usedSizeMb == other.usedSizeMb
        && freeSizeMb == other.freeSizeMb;
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, customerId, currentImagesCount, totalSizeMb, usedSizeMb, freeSizeMb);
  }

  /** The properties in order, as a record would print them. */
  @Override
  public String toString() {
    return "ImageStats[tenantId=" + tenantId + ", customerId=" + customerId
        + ", currentImagesCount=" + currentImagesCount + ", totalSizeMb=" + totalSizeMb
        + ", usedSizeMb=" + usedSizeMb + ", freeSizeMb=" + freeSizeMb + "]";
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link ImageStats}. Not thread-safe. */
  public static final class Builder {
    private @Nullable TenantId tenantId;
    private @Nullable String customerId;
    private long currentImagesCount;
    private long totalSizeMb;
    private long usedSizeMb;
    private long freeSizeMb;

    private Builder() {}

    private Builder(ImageStats from) {
      tenantId = from.tenantId;
      customerId = from.customerId;
      currentImagesCount = from.currentImagesCount;
      totalSizeMb = from.totalSizeMb;
      usedSizeMb = from.usedSizeMb;
      freeSizeMb = from.freeSizeMb;
    }

    /**
     * Sets {@code tenantId}.
     *
     * @param tenantId the tenant
     * @return this builder
     */
    public Builder tenantId(@Nullable TenantId tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /**
     * Sets {@code customerId}.
     *
     * @param customerId the customer
     * @return this builder
     */
    public Builder customerId(@Nullable String customerId) {
      this.customerId = customerId;
      return this;
    }

    /**
     * Sets {@code currentImagesCount}.
     *
     * @param currentImagesCount how many custom images exist
     * @return this builder
     */
    public Builder currentImagesCount(long currentImagesCount) {
      this.currentImagesCount = currentImagesCount;
      return this;
    }

    /**
     * Sets {@code totalSizeMb}.
     *
     * @param totalSizeMb the storage quota in MB
     * @return this builder
     */
    public Builder totalSizeMb(long totalSizeMb) {
      this.totalSizeMb = totalSizeMb;
      return this;
    }

    /**
     * Sets {@code usedSizeMb}.
     *
     * @param usedSizeMb the storage used in MB
     * @return this builder
     */
    public Builder usedSizeMb(long usedSizeMb) {
      this.usedSizeMb = usedSizeMb;
      return this;
    }

    /**
     * Sets {@code freeSizeMb}.
     *
     * @param freeSizeMb the storage left in MB
     * @return this builder
     */
    public Builder freeSizeMb(long freeSizeMb) {
      this.freeSizeMb = freeSizeMb;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the value
     */
    public ImageStats build() {
      return new ImageStats(tenantId, customerId, currentImagesCount, totalSizeMb, usedSizeMb, freeSizeMb);
    }
  }
}
