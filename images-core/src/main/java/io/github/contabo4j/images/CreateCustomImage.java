package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Checks;
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
 * @param name the image's name
 * @param description an optional description
 * @param url where Contabo downloads the image from
 * @param osType {@link OsType#WINDOWS} or {@link OsType#LINUX}
 * @param version the OS version, e.g. {@code 22.04}
 */
public record CreateCustomImage(
    String name, @Nullable String description, String url, OsType osType, String version) {

  /**
   * Creates and validates the request.
   *
   * @throws InvalidRequestException naming the field and the rule it breaks
   */
  public CreateCustomImage {
    Checks.requireName("name", name);
    Checks.requireDescription("description", description);
    Checks.requireImageUrl("url", url);
    Checks.requireCreatableOsType("osType", osType);
    Checks.requireName("version", version);
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
    return new CreateCustomImage(name, null, url, osType, version);
  }

  /**
   * Returns a copy with a description.
   *
   * @param newDescription the description
   * @return the validated copy
   */
  public CreateCustomImage withDescription(@Nullable String newDescription) {
    return new CreateCustomImage(name, newDescription, url, osType, version);
  }
}
