package io.github.contabo4j.images;

/**
 * The operations of the Contabo Compute Images API, named after the vendor's {@code operationId}s.
 */
public enum ImagesOperation {
  /** {@code POST /v1/compute/images}: upload a custom image from a URL. */
  CREATE_CUSTOM_IMAGE("createCustomImage", "POST"),
  /** {@code GET /v1/compute/images}: list images. */
  RETRIEVE_IMAGE_LIST("retrieveImageList", "GET"),
  /** {@code GET /v1/compute/images/{imageId}}: get one image. */
  RETRIEVE_IMAGE("retrieveImage", "GET"),
  /** {@code PATCH /v1/compute/images/{imageId}}: rename or describe a custom image. */
  UPDATE_IMAGE("updateImage", "PATCH"),
  /** {@code DELETE /v1/compute/images/{imageId}}: delete a custom image. */
  DELETE_IMAGE("deleteImage", "DELETE"),
  /** {@code GET /v1/compute/images/stats}: custom-image storage statistics. */
  RETRIEVE_CUSTOM_IMAGES_STATS("retrieveCustomImagesStats", "GET"),
  /** {@code GET /v1/compute/images/audits}: the audit history. */
  RETRIEVE_IMAGE_AUDITS_LIST("retrieveImageAuditsList", "GET");

  private final String operationId;
  private final String method;

  ImagesOperation(String operationId, String method) {
    this.operationId = operationId;
    this.method = method;
  }

  /** The vendor's {@code operationId}, e.g. {@code retrieveImage}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP method the vendor uses for this operation (a fact, useful in logs). */
  public String method() {
    return method;
  }

  /** Whether the operation only reads state (every {@code GET}). */
  public boolean readOnly() {
    return method.equals("GET");
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
