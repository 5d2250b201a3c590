package io.github.contabo4j.images;

import java.util.List;
import java.util.Locale;

/**
 * The download status of an image (spec: {@code status}); the service uses {@code downloading}, {@code downloaded} and {@code error}.
 *
 * <p>An open enum: the service may send a value this library does not know yet, and it is kept as
 * sent, never an error. Compare with {@link #is(ImageStatus)}, which ignores case.
 *
 * @param value the value exactly as the service sent it, or as the caller gave it
 */
public record ImageStatus(String value) {
  /** {@code downloading}. */
  public static final ImageStatus DOWNLOADING = new ImageStatus("downloading");
  /** {@code downloaded}. */
  public static final ImageStatus DOWNLOADED = new ImageStatus("downloaded");
  /** {@code error}. */
  public static final ImageStatus ERROR = new ImageStatus("error");

  private static final List<ImageStatus> KNOWN = List.of(DOWNLOADING, DOWNLOADED, ERROR);

  /**
   * Creates a value.
   *
   * @throws InvalidRequestException if {@code value} is null
   */
  public ImageStatus {
    if (value == null) {
      throw new InvalidRequestException("status", "must not be null");
    }
  }

  /**
   * Returns the known constant that matches {@code value} ignoring case, or a new open value.
   *
   * @param value the value to look up
   * @return a constant when one matches, else a value holding {@code value} as given
   */
  public static ImageStatus of(String value) {
    for (ImageStatus known : KNOWN) {
      if (known.value.equalsIgnoreCase(value)) {
        return known;
      }
    }
    return new ImageStatus(value);
  }

  /** The values this library knows of. */
  public static List<ImageStatus> knownValues() {
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
  public boolean is(ImageStatus other) {
    return value.toLowerCase(Locale.ROOT).equals(other.value.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
