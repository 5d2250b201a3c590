package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Checks;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to upload as a custom image (spec: {@code CreateCustomImageRequest}). Validated on
 * construction, so an invalid request never exists, let alone reaches the wire.
 *
 * <p>Rules: {@code name} and {@code version} are non-blank, at most 255 characters, with no control
 * characters; {@code osType} is {@code Windows} or {@code Linux}; {@code url} is an absolute
 * {@code http} or {@code https} URL with a host and no user-info, whose <em>path</em> ends in
 * {@code .iso} or {@code .qcow2} ignoring case (a query string, as on presigned URLs, is allowed); the
 * optional {@code description} is at most 1024 characters with no control characters other than line
 * breaks and tabs.
 *
 * <p>Made with {@link #of} (the required fields) and {@link #withDescription}, or with {@link
 * #builder()}; a value class with record-style accessors, so it can gain fields without breaking
 * callers. Immutable and thread-safe.
 */
public final class CreateCustomImage {
  private final String name;
  private final @Nullable String description;
  private final String url;
  private final OsType osType;
  private final String version;

  private CreateCustomImage(Builder b) {
    Checks.requireName("name", b.name);
    Checks.requireDescription("description", b.description);
    Checks.requireImageUrl("url", b.url);
    Checks.requireCreatableOsType("osType", b.osType);
    Checks.requireName("version", b.version);
    name = b.name;
    description = b.description;
    url = b.url;
    osType = b.osType;
    version = b.version;
  }

  /**
   * Starts a request with the required fields; add a description with {@link #withDescription}.
   *
   * @param name the image's name
   * @param url the http(s) URL of an {@code .iso} or {@code .qcow2} file
   * @param osType {@link OsType#WINDOWS} or {@link OsType#LINUX}
   * @param version the OS version
   * @return the validated request
   * @throws InvalidRequestException naming the field and the rule it breaks
   */
  public static CreateCustomImage of(String name, String url, OsType osType, String version) {
    return builder().name(name).url(url).osType(osType).version(version).build();
  }

  /** A builder with nothing set; {@link Builder#build()} validates. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this request. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns a copy with a description.
   *
   * @param newDescription the description
   * @return the validated copy
   * @throws InvalidRequestException if the description breaks its rule
   */
  public CreateCustomImage withDescription(@Nullable String newDescription) {
    return toBuilder().description(newDescription).build();
  }

  /** The image's name. */
  public String name() {
    return name;
  }

  /** An optional description. */
  public @Nullable String description() {
    return description;
  }

  /** Where Contabo downloads the image from. */
  public String url() {
    return url;
  }

  /** {@link OsType#WINDOWS} or {@link OsType#LINUX}. */
  public OsType osType() {
    return osType;
  }

  /** The OS version, e.g. {@code 22.04}. */
  public String version() {
    return version;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CreateCustomImage)) {
      return false;
    }
    CreateCustomImage other = (CreateCustomImage) o;
    return name.equals(other.name) && Objects.equals(description, other.description) && url.equals(other.url)
        && osType.equals(other.osType) && version.equals(other.version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, url, osType, version);
  }

  /** The fields in declaration order, as a record would print them. */
  @Override
  public String toString() {
    return "CreateCustomImage[name=" + name + ", description=" + description + ", url=" + url + ", osType="
        + osType + ", version=" + version + "]";
  }

  /** Builds a {@link CreateCustomImage}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable String url;
    private @Nullable OsType osType;
    private @Nullable String version;

    private Builder() {}

    private Builder(CreateCustomImage from) {
      name = from.name;
      description = from.description;
      url = from.url;
      osType = from.osType;
      version = from.version;
    }

    /**
     * Sets the name (required).
     *
     * @param name the image's name
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the optional description.
     *
     * @param description the description, or null for none
     * @return this builder
     */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the source URL (required).
     *
     * @param url the http(s) URL of an {@code .iso} or {@code .qcow2} file
     * @return this builder
     */
    public Builder url(@Nullable String url) {
      this.url = url;
      return this;
    }

    /**
     * Sets the OS family (required).
     *
     * @param osType {@link OsType#WINDOWS} or {@link OsType#LINUX}
     * @return this builder
     */
    public Builder osType(@Nullable OsType osType) {
      this.osType = osType;
      return this;
    }

    /**
     * Sets the OS version (required).
     *
     * @param version the version
     * @return this builder
     */
    public Builder version(@Nullable String version) {
      this.version = version;
      return this;
    }

    /**
     * Builds and validates the request.
     *
     * @return the request
     * @throws InvalidRequestException naming the field and the rule it breaks
     */
    public CreateCustomImage build() {
      return new CreateCustomImage(this);
    }
  }
}
