package io.github.contabo4j.images;

import java.util.List;
import java.util.Locale;

/**
 * The file format of an image (spec: {@code format}).
 *
 * <p>An open enum: the service may send a value this library does not know yet, and it is kept as
 * sent, never an error. Compare with {@link #is(ImageFormat)}, which ignores case.
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
    for (ImageFormat known : KNOWN) {
      if (known.value.equalsIgnoreCase(value)) {
        return known;
      }
    }
    return new ImageFormat(value);
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
    return value.toLowerCase(Locale.ROOT).equals(other.value.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
