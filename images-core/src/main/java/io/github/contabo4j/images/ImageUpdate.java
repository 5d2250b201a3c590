package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A rename and/or a new description for a custom image (spec: {@code UpdateCustomImageRequest}). At
 * least one of the two is set; each follows the rules of {@link CreateCustomImage}.
 *
 * @param name the new name, or null to keep it
 * @param description the new description, or null to keep it
 */
public record ImageUpdate(@Nullable String name, @Nullable String description) {

  /**
   * Creates and validates the update.
   *
   * @throws InvalidRequestException naming the field and the rule it breaks
   */
  public ImageUpdate {
    if (name == null && description == null) {
      throw new InvalidRequestException("name", "or description must be set: an update changes something");
    }
    if (name != null) {
      Checks.requireName("name", name);
    }
    Checks.requireDescription("description", description);
  }

  /**
   * A rename.
   *
   * @param name the new name
   * @return the update
   */
  public static ImageUpdate rename(String name) {
    return new ImageUpdate(name, null);
  }

  /**
   * A new description.
   *
   * @param description the new description
   * @return the update
   */
  public static ImageUpdate describe(String description) {
    return new ImageUpdate(null, description);
  }
}
