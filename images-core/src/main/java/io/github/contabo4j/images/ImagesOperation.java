package io.github.contabo4j.images;

/**
 * The operations of the Contabo Compute Images API, named after the vendor's {@code operationId}s.
 */
public enum ImagesOperation {
  /** {@code POST /v1/compute/images}: upload a custom image from a URL. */
  CREATE_CUSTOM_IMAGE("createCustomImage", false),
  /** {@code GET /v1/compute/images}: list images. */
  RETRIEVE_IMAGE_LIST("retrieveImageList", true),
  /** {@code GET /v1/compute/images/{imageId}}: get one image. */
  RETRIEVE_IMAGE("retrieveImage", true),
  /** {@code PATCH /v1/compute/images/{imageId}}: rename or describe a custom image. */
  UPDATE_IMAGE("updateImage", false),
  /** {@code DELETE /v1/compute/images/{imageId}}: delete a custom image. */
  DELETE_IMAGE("deleteImage", false),
  /** {@code GET /v1/compute/images/stats}: custom-image storage statistics. */
  RETRIEVE_CUSTOM_IMAGES_STATS("retrieveCustomImagesStats", true),
  /** {@code GET /v1/compute/images/audits}: the audit history. */
  RETRIEVE_IMAGE_AUDITS_LIST("retrieveImageAuditsList", true);

  private final String operationId;
  private final boolean readOnly;

  ImagesOperation(String operationId, boolean readOnly) {
    this.operationId = operationId;
    this.readOnly = readOnly;
  }

  /** The vendor's {@code operationId}, e.g. {@code retrieveImage}. */
  public String operationId() {
    return operationId;
  }

  /** Whether the operation only reads state (list, get, stats, audits). */
  public boolean readOnly() {
    return readOnly;
  }

  /**
   * Whether repeating the operation can create a second effect. Only {@link #CREATE_CUSTOM_IMAGE}:
   * the service offers no idempotency key, so a repeated create may upload the image twice.
   */
  public boolean createsResources() {
    return this == CREATE_CUSTOM_IMAGE;
  }

  @Override
  public String toString() {
    return operationId;
  }
}
