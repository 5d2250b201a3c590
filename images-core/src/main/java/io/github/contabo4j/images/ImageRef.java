package io.github.contabo4j.images;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which image an update touched (spec: {@code UpdateCustomImageResponseData}).
 *
 * <p>A value class with record-style accessors, so it can gain properties without breaking
 * callers; equal when every property is equal.
 */
public final class ImageRef {
  private final String imageId;
  private final @Nullable TenantId tenantId;
  private final @Nullable String customerId;

  private ImageRef(String imageId, @Nullable TenantId tenantId, @Nullable String customerId) {
    if (imageId == null) {
      throw new NullPointerException("imageId == null");
    }
    this.imageId = imageId;
    this.tenantId = tenantId;
    this.customerId = customerId;
  }

  /** The image's id. */
  public String imageId() {
    return imageId;
  }

  /** The tenant. */
  public @Nullable TenantId tenantId() {
    return tenantId;
  }

  /** The customer. */
  public @Nullable String customerId() {
    return customerId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImageRef)) {
      return false;
    }
    ImageRef other = (ImageRef) o;
    return Objects.equals(imageId, other.imageId)
        && Objects.equals(tenantId, other.tenantId)
        && Objects.equals(customerId, other.customerId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageId, tenantId, customerId);
  }

  /** The properties in order, as a record would print them. */
  @Override
  public String toString() {
    return "ImageRef[imageId=" + imageId + ", tenantId=" + tenantId + ", customerId=" + customerId + "]";
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link ImageRef}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String imageId;
    private @Nullable TenantId tenantId;
    private @Nullable String customerId;

    private Builder() {}

    private Builder(ImageRef from) {
      imageId = from.imageId;
      tenantId = from.tenantId;
      customerId = from.customerId;
    }

    /**
     * Sets {@code imageId}.
     *
     * @param imageId the image's id
     * @return this builder
     */
    public Builder imageId(@Nullable String imageId) {
      this.imageId = imageId;
      return this;
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
     * Builds the value.
     *
     * @return the value
     */
    public ImageRef build() {
      return new ImageRef(imageId, tenantId, customerId);
    }
  }
}
