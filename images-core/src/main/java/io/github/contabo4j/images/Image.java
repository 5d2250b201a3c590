package io.github.contabo4j.images;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An image, standard or custom (spec: {@code ImageResponse} and {@code ListImageResponseData}).
 *
 * <p>Parsing is tolerant: a property the service leaves out is {@code null} (or 0, false, an empty
 * list), and an empty string stays an empty string. The service sends {@code ""} for "no value", e.g.
 * {@code errorMessage} of an image that did not fail.
 *
 * @param imageId the image's id; never null
 * @param tenantId the tenant
 * @param customerId the customer that owns it
 * @param name the image's name
 * @param description its description
 * @param url the URL a custom image was downloaded from
 * @param sizeMb its size in MB
 * @param uploadedSizeMb how much has been downloaded so far, in MB
 * @param osType {@code Windows} or {@code Linux}
 * @param version the OS version
 * @param format {@code iso} or {@code qcow2}
 * @param status the download status, an open value: {@code downloading}, {@code downloaded}, {@code
 *     error}
 * @param errorMessage why the download failed, when {@code status} is {@code error}
 * @param standardImage true for Contabo's own images, false for custom images
 * @param creationDate when it was created
 * @param lastModifiedDate when it last changed
 * @param tags the tags assigned to it; the list endpoint sends them, the single-image endpoint does not
 */
public record Image(
    String imageId,
    @Nullable TenantId tenantId,
    @Nullable String customerId,
    @Nullable String name,
    @Nullable String description,
    @Nullable String url,
    long sizeMb,
    long uploadedSizeMb,
    @Nullable OsType osType,
    @Nullable String version,
    @Nullable ImageFormat format,
    @Nullable ImageStatus status,
    @Nullable String errorMessage,
    boolean standardImage,
    @Nullable Instant creationDate,
    @Nullable Instant lastModifiedDate,
    List<ImageTag> tags) {

  /**
   * Creates an image.
   *
   * @throws NullPointerException if {@code imageId} is null
   */
  public Image {
    if (imageId == null) {
      throw new NullPointerException("imageId == null");
    }
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** Whether the image is ready to use: status {@code downloaded}, ignoring case. */
  public boolean isDownloaded() {
    return status != null && status.is(ImageStatus.DOWNLOADED);
  }

  /** Whether the download failed: status {@code error}, ignoring case; see {@link #errorMessage()}. */
  public boolean isFailed() {
    return status != null && status.is(ImageStatus.ERROR);
  }

  /** Whether the download is still running: status {@code downloading}, ignoring case. */
  public boolean isDownloading() {
    return status != null && status.is(ImageStatus.DOWNLOADING);
  }

  /**
   * Returns a copy with another status and error message (used by fakes and tests).
   *
   * @param newStatus the status
   * @param newErrorMessage the error message, {@code ""} for none
   * @param modifiedAt the new {@code lastModifiedDate}
   * @return the copy
   */
  public Image withStatus(ImageStatus newStatus, String newErrorMessage, Instant modifiedAt) {
    return new Image(imageId, tenantId, customerId, name, description, url, sizeMb, uploadedSizeMb,
        osType, version, format, newStatus, newErrorMessage, standardImage, creationDate, modifiedAt,
        tags);
  }
}
