package io.github.contabo4j.images;

import org.jspecify.annotations.Nullable;

/**
 * Which image an update touched (spec: {@code UpdateCustomImageResponseData}).
 *
 * @param imageId the image's id
 * @param tenantId the tenant
 * @param customerId the customer
 */
public record ImageRef(String imageId, @Nullable TenantId tenantId, @Nullable String customerId) {

  /**
   * Creates the reference.
   *
   * @throws NullPointerException if {@code imageId} is null
   */
  public ImageRef {
    if (imageId == null) {
      throw new NullPointerException("imageId == null");
    }
  }
}
