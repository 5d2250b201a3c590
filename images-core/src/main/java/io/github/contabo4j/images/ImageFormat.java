package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.OpenValues;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The file format of an image (spec: {@code format}).
 *
 * <p>An open enum: the service may send a value this library does not know yet, and it is kept as
 * sent, never an error. Values compare ignoring case: {@link #is(ImageFormat)}, {@link #equals} and {@link
 * #hashCode} agree, and {@link #value()} keeps the spelling as sent.
 *
 * @param value the value exactly as the service sent it, or as the caller gave it
 */
public record ImageFormat(String value) {
  /** {@code iso}. */
  public static final ImageFormat ISO = new ImageFormat("iso");
  /** {@code qcow2}. */
  public static final ImageFormat QCOW2 = new ImageFormat("qcow2");

  private static final List<ImageFormat> KNOWN = List.of(ISO, QCOW2);

  /**
   * Creates a value.
   *
   * @throws InvalidRequestException if {@code value} is null
   */
  public ImageFormat {
    if (value == null) {
      throw new InvalidRequestException("format", "must not be null");
    }
  }

  /**
   * Returns the known constant that matches {@code value} ignoring case, or a new open value.
   *
   * @param value the value to look up
   * @return a constant when one matches, else a value holding {@code value} as given
   */
  public static ImageFormat of(String value) {
    return OpenValues.lookup(KNOWN, ImageFormat::value, value, ImageFormat::new);
  }

  /** The values this library knows of. */
  public static List<ImageFormat> knownValues() {
    return KNOWN;
  }

  /** Whether this value is one of {@link #knownValues()}, ignoring case. */
  public boolean isKnown() {
    return KNOWN.stream().anyMatch(this::is);
  }

  /**
   * Compares ignoring case.
   *
   * @param other the value to compare with
   * @return true when both values are equal ignoring case
   */
  public boolean is(ImageFormat other) {
    return OpenValues.same(value, other.value);
  }

  /**
   * Equal exactly when {@link #is} says so: the same value ignoring case.
   *
   * @param o the object to compare with
   * @return true for a {@code ImageFormat} with the same value ignoring case
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ImageFormat && is((ImageFormat) o);
  }

  /** Consistent with {@link #equals}: the hash of the value ignoring case. */
  @Override
  public int hashCode() {
    return OpenValues.key(value).hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
