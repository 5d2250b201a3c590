package io.github.contabo4j.images;

import org.jspecify.annotations.Nullable;

/**
 * The result of a create (spec: {@code CreateCustomImageResponseData}).
 *
 * @param imageId the new image's id; the image starts {@code downloading}
 * @param tenantId the tenant
 * @param customerId the customer
 * @param reconciled true when the create's answer was lost and the result was recovered from the
 *     audit log instead: worth logging, since the call looked like a failure on the wire
 */
public record CreatedImage(
    String imageId, @Nullable TenantId tenantId, @Nullable String customerId, boolean reconciled) {

  /**
   * Creates the result.
   *
   * @throws NullPointerException if {@code imageId} is null
   */
  public CreatedImage {
    if (imageId == null) {
      throw new NullPointerException("imageId == null");
    }
  }
}
