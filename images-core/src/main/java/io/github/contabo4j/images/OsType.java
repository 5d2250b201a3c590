package io.github.contabo4j.images;

import java.util.List;
import java.util.Locale;

/**
 * The operating system family of an image (spec: {@code osType}).
 *
 * <p>An open enum: the service may send a value this library does not know yet, and it is kept as
 * sent, never an error. Compare with {@link #is(OsType)}, which ignores case.
 *
 * @param value the value exactly as the service sent it, or as the caller gave it
 */
public record OsType(String value) {
  /** {@code Windows}. */
  public static final OsType WINDOWS = new OsType("Windows");
  /** {@code Linux}. */
  public static final OsType LINUX = new OsType("Linux");

  private static final List<OsType> KNOWN = List.of(WINDOWS, LINUX);

  /**
   * Creates a value.
   *
   * @throws InvalidRequestException if {@code value} is null
   */
  public OsType {
    if (value == null) {
      throw new InvalidRequestException("osType", "must not be null");
    }
  }

  /**
   * Returns the known constant that matches {@code value} ignoring case, or a new open value.
   *
   * @param value the value to look up
   * @return a constant when one matches, else a value holding {@code value} as given
   */
  public static OsType of(String value) {
    for (OsType known : KNOWN) {
      if (known.value.equalsIgnoreCase(value)) {
        return known;
      }
    }
    return new OsType(value);
  }

  /** The values this library knows of. */
  public static List<OsType> knownValues() {
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
  public boolean is(OsType other) {
    return value.toLowerCase(Locale.ROOT).equals(other.value.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
