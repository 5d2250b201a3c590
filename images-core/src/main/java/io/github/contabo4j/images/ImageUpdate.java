package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Checks;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rename and/or a new description for a custom image (spec: {@code UpdateCustomImageRequest}). At
 * least one of the two is set; each follows the rules of {@link CreateCustomImage}.
 *
 * <p>Made with {@link #rename}, {@link #describe} or {@link #builder()}; a value class with
 * record-style accessors, so it can gain fields without breaking callers. Immutable and thread-safe.
 */
public final class ImageUpdate {
  private final @Nullable String name;
  private final @Nullable String description;

  private ImageUpdate(@Nullable String name, @Nullable String description) {
    if (name == null && description == null) {
      throw new InvalidRequestException("name", "or description must be set: an update changes something");
    }
    if (name != null) {
      Checks.requireName("name", name);
    }
    Checks.requireDescription("description", description);
    this.name = name;
    this.description = description;
  }

  /**
   * A rename.
   *
   * @param name the new name
   * @return the update
   * @throws InvalidRequestException if the name breaks its rule
   */
  public static ImageUpdate rename(String name) {
    return builder().name(name).build();
  }

  /**
   * A new description.
   *
   * @param description the new description
   * @return the update
   * @throws InvalidRequestException if the description breaks its rule
   */
  public static ImageUpdate describe(String description) {
    return builder().description(description).build();
  }

  /** A builder with nothing set; {@link Builder#build()} validates. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this update. */
  public Builder toBuilder() {
    return new Builder().name(name).description(description);
  }

  /** The new name, or null to keep it. */
  public @Nullable String name() {
    return name;
  }

  /** The new description, or null to keep it. */
  public @Nullable String description() {
    return description;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ImageUpdate
        && Objects.equals(name, ((ImageUpdate) o).name)
        && Objects.equals(description, ((ImageUpdate) o).description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description);
  }

  /** The fields in declaration order, as a record would print them. */
  @Override
  public String toString() {
    return "ImageUpdate[name=" + name + ", description=" + description + "]";
  }

  /** Builds an {@link ImageUpdate}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String description;

    private Builder() {}

    /**
     * Sets the new name.
     *
     * @param name the new name, or null to keep it
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the new description.
     *
     * @param description the new description, or null to keep it
     * @return this builder
     */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Builds and validates the update.
     *
     * @return the update
     * @throws InvalidRequestException if neither is set, or naming the field and the rule it breaks
     */
    public ImageUpdate build() {
      return new ImageUpdate(name, description);
    }
  }
}
