package io.github.contabo4j.images;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An image, standard or custom (spec: {@code ImageResponse} and {@code ListImageResponseData}).
 *
 * <p>Parsing is tolerant: a property the service leaves out is {@code null} (or 0, false, an empty
 * list), and an empty string stays an empty string. The service sends {@code ""} for "no value", e.g.
 * {@code errorMessage} of an image that did not fail.
 *
 * <p>A value class with record-style accessors, built with {@link #builder()} or changed with {@link
 * #toBuilder()}: it can gain properties without breaking callers that construct one. Two images are
 * equal when every property is equal; instances are immutable and thread-safe.
 */
public final class Image {
  private final String imageId;
  private final @Nullable TenantId tenantId;
  private final @Nullable String customerId;
  private final @Nullable String name;
  private final @Nullable String description;
  private final @Nullable String url;
  private final long sizeMb;
  private final long uploadedSizeMb;
  private final @Nullable OsType osType;
  private final @Nullable String version;
  private final @Nullable ImageFormat format;
  private final @Nullable ImageStatus status;
  private final @Nullable String errorMessage;
  private final boolean standardImage;
  private final @Nullable Instant creationDate;
  private final @Nullable Instant lastModifiedDate;
  private final List<ImageTag> tags;

  private Image(Builder b) {
    if (b.imageId == null) {
      throw new NullPointerException("imageId == null");
    }
    imageId = b.imageId;
    tenantId = b.tenantId;
    customerId = b.customerId;
    name = b.name;
    description = b.description;
    url = b.url;
    sizeMb = b.sizeMb;
    uploadedSizeMb = b.uploadedSizeMb;
    osType = b.osType;
    version = b.version;
    format = b.format;
    status = b.status;
    errorMessage = b.errorMessage;
    standardImage = b.standardImage;
    creationDate = b.creationDate;
    lastModifiedDate = b.lastModifiedDate;
    tags = b.tags == null ? List.of() : List.copyOf(b.tags);
  }

  /** A builder with nothing set; {@link Builder#imageId} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this image's properties. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The image's id; never null. */
  public String imageId() {
    return imageId;
  }

  /** The tenant. */
  public @Nullable TenantId tenantId() {
    return tenantId;
  }

  /** The customer that owns it. */
  public @Nullable String customerId() {
    return customerId;
  }

  /** The image's name. */
  public @Nullable String name() {
    return name;
  }

  /** Its description. */
  public @Nullable String description() {
    return description;
  }

  /** The URL a custom image was downloaded from. */
  public @Nullable String url() {
    return url;
  }

  /** Its size in MB. */
  public long sizeMb() {
    return sizeMb;
  }

  /** How much has been downloaded so far, in MB. */
  public long uploadedSizeMb() {
    return uploadedSizeMb;
  }

  /** {@code Windows} or {@code Linux}. */
  public @Nullable OsType osType() {
    return osType;
  }

  /** The OS version. */
  public @Nullable String version() {
    return version;
  }

  /** {@code iso} or {@code qcow2}. */
  public @Nullable ImageFormat format() {
    return format;
  }

  /** The download status, an open value: {@code downloading}, {@code downloaded}, {@code error}. */
  public @Nullable ImageStatus status() {
    return status;
  }

  /** Why the download failed, when {@code status} is {@code error}. */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** True for Contabo's own images, false for custom images. */
  public boolean standardImage() {
    return standardImage;
  }

  /** When it was created. */
  public @Nullable Instant creationDate() {
    return creationDate;
  }

  /** When it last changed. */
  public @Nullable Instant lastModifiedDate() {
    return lastModifiedDate;
  }

  /** The tags assigned to it; the list endpoint sends them, the single-image endpoint does not. Never null. */
  public List<ImageTag> tags() {
    return tags;
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

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Image)) {
      return false;
    }
    Image other = (Image) o;
    return sizeMb == other.sizeMb
        && uploadedSizeMb == other.uploadedSizeMb
        && standardImage == other.standardImage
        && imageId.equals(other.imageId)
        && Objects.equals(tenantId, other.tenantId)
        && Objects.equals(customerId, other.customerId)
        && Objects.equals(name, other.name)
        && Objects.equals(description, other.description)
        && Objects.equals(url, other.url)
        && Objects.equals(osType, other.osType)
        && Objects.equals(version, other.version)
        && Objects.equals(format, other.format)
        && Objects.equals(status, other.status)
        && Objects.equals(errorMessage, other.errorMessage)
        && Objects.equals(creationDate, other.creationDate)
        && Objects.equals(lastModifiedDate, other.lastModifiedDate)
        && tags.equals(other.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageId, tenantId, customerId, name, description, url, sizeMb, uploadedSizeMb, osType,
        version, format, status, errorMessage, standardImage, creationDate, lastModifiedDate, tags);
  }

  /** The properties in declaration order, as a record would print them. */
  @Override
  public String toString() {
    return "Image[imageId=" + imageId + ", tenantId=" + tenantId + ", customerId=" + customerId + ", name=" + name
        + ", description=" + description + ", url=" + url + ", sizeMb=" + sizeMb + ", uploadedSizeMb="
        + uploadedSizeMb + ", osType=" + osType + ", version=" + version + ", format=" + format + ", status="
        + status + ", errorMessage=" + errorMessage + ", standardImage=" + standardImage + ", creationDate="
        + creationDate + ", lastModifiedDate=" + lastModifiedDate + ", tags=" + tags + "]";
  }

  /**
   * Builds an {@link Image}. Unset properties are null (0, false and an empty tag list for the
   * primitives and the list); only {@link #imageId} is required, checked in {@link #build()}. Not
   * thread-safe.
   */
  public static final class Builder {
    private @Nullable String imageId;
    private @Nullable TenantId tenantId;
    private @Nullable String customerId;
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable String url;
    private long sizeMb;
    private long uploadedSizeMb;
    private @Nullable OsType osType;
    private @Nullable String version;
    private @Nullable ImageFormat format;
    private @Nullable ImageStatus status;
    private @Nullable String errorMessage;
    private boolean standardImage;
    private @Nullable Instant creationDate;
    private @Nullable Instant lastModifiedDate;
    private @Nullable List<ImageTag> tags;

    private Builder() {}

    private Builder(Image from) {
      imageId = from.imageId;
      tenantId = from.tenantId;
      customerId = from.customerId;
      name = from.name;
      description = from.description;
      url = from.url;
      sizeMb = from.sizeMb;
      uploadedSizeMb = from.uploadedSizeMb;
      osType = from.osType;
      version = from.version;
      format = from.format;
      status = from.status;
      errorMessage = from.errorMessage;
      standardImage = from.standardImage;
      creationDate = from.creationDate;
      lastModifiedDate = from.lastModifiedDate;
      tags = from.tags;
    }

    /**
     * Sets the id (required).
     *
     * @param imageId the id
     * @return this builder
     */
    public Builder imageId(String imageId) {
      this.imageId = imageId;
      return this;
    }

    /**
     * Sets the tenant.
     *
     * @param tenantId the tenant
     * @return this builder
     */
    public Builder tenantId(@Nullable TenantId tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /**
     * Sets the owning customer.
     *
     * @param customerId the customer id
     * @return this builder
     */
    public Builder customerId(@Nullable String customerId) {
      this.customerId = customerId;
      return this;
    }

    /**
     * Sets the name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the source URL.
     *
     * @param url the URL
     * @return this builder
     */
    public Builder url(@Nullable String url) {
      this.url = url;
      return this;
    }

    /**
     * Sets the size.
     *
     * @param sizeMb the size in MB
     * @return this builder
     */
    public Builder sizeMb(long sizeMb) {
      this.sizeMb = sizeMb;
      return this;
    }

    /**
     * Sets how much has been downloaded.
     *
     * @param uploadedSizeMb the downloaded size in MB
     * @return this builder
     */
    public Builder uploadedSizeMb(long uploadedSizeMb) {
      this.uploadedSizeMb = uploadedSizeMb;
      return this;
    }

    /**
     * Sets the OS family.
     *
     * @param osType the OS family
     * @return this builder
     */
    public Builder osType(@Nullable OsType osType) {
      this.osType = osType;
      return this;
    }

    /**
     * Sets the OS version.
     *
     * @param version the version
     * @return this builder
     */
    public Builder version(@Nullable String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the file format.
     *
     * @param format the format
     * @return this builder
     */
    public Builder format(@Nullable ImageFormat format) {
      this.format = format;
      return this;
    }

    /**
     * Sets the download status.
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(@Nullable ImageStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the error message.
     *
     * @param errorMessage why the download failed, {@code ""} for none
     * @return this builder
     */
    public Builder errorMessage(@Nullable String errorMessage) {
      this.errorMessage = errorMessage;
      return this;
    }

    /**
     * Marks a standard (true) or custom (false) image.
     *
     * @param standardImage whether it is one of Contabo's own images
     * @return this builder
     */
    public Builder standardImage(boolean standardImage) {
      this.standardImage = standardImage;
      return this;
    }

    /**
     * Sets the creation time.
     *
     * @param creationDate when it was created
     * @return this builder
     */
    public Builder creationDate(@Nullable Instant creationDate) {
      this.creationDate = creationDate;
      return this;
    }

    /**
     * Sets the last-modified time.
     *
     * @param lastModifiedDate when it last changed
     * @return this builder
     */
    public Builder lastModifiedDate(@Nullable Instant lastModifiedDate) {
      this.lastModifiedDate = lastModifiedDate;
      return this;
    }

    /**
     * Sets the tags, replacing any set before; null means none.
     *
     * @param tags the tags, copied
     * @return this builder
     */
    public Builder tags(@Nullable List<ImageTag> tags) {
      this.tags = tags;
      return this;
    }

    /**
     * Builds the image.
     *
     * @return the image
     * @throws NullPointerException if {@code imageId} is not set
     */
    public Image build() {
      return new Image(this);
    }
  }
}
