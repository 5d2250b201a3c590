package io.github.contabo4j.images;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a create (spec: {@code CreateCustomImageResponseData}).
 *
 * <p>A value class with record-style accessors, so it can gain properties without breaking
 * callers; equal when every property is equal.
 */
public final class CreatedImage {
  private final String imageId;
  private final @Nullable TenantId tenantId;
  private final @Nullable String customerId;
  private final boolean reconciled;

  private CreatedImage(Builder b) {
    if (b.imageId == null) {
      throw new NullPointerException("imageId == null");
    }
    this.imageId = b.imageId;
    this.tenantId = b.tenantId;
    this.customerId = b.customerId;
    this.reconciled = b.reconciled;
  }

  /** The new image's id; the image starts {@code downloading}. */
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

  /**
   * True when the create's answer was lost and the result was recovered from the audit log instead:
   * worth logging, since the call looked like a failure on the wire.
   */
  public boolean reconciled() {
    return reconciled;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CreatedImage)) {
      return false;
    }
    CreatedImage other = (CreatedImage) o;
    return imageId.equals(other.imageId) && Objects.equals(tenantId, other.tenantId)
        && Objects.equals(customerId, other.customerId) && reconciled == other.reconciled;
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageId, tenantId, customerId, reconciled);
  }

  /** The properties in order, as a record would print them. */
  @Override
  public String toString() {
    return "CreatedImage[imageId=" + imageId + ", tenantId=" + tenantId + ", customerId=" + customerId
        + ", reconciled=" + reconciled + "]";
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    return new Builder().imageId(imageId).tenantId(tenantId).customerId(customerId).reconciled(reconciled);
  }

  /** Builds a {@link CreatedImage}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String imageId;
    private @Nullable TenantId tenantId;
    private @Nullable String customerId;
    private boolean reconciled;

    private Builder() {}

    /**
     * Sets {@code imageId} (required).
     *
     * @param imageId the new image's id
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
     * Sets {@code reconciled} (default false).
     *
     * @param reconciled whether the result was recovered from the audit log
     * @return this builder
     */
    public Builder reconciled(boolean reconciled) {
      this.reconciled = reconciled;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the value
     * @throws NullPointerException if {@code imageId} is not set
     */
    public CreatedImage build() {
      return new CreatedImage(this);
    }
  }
}
