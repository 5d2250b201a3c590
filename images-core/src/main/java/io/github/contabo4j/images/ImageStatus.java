package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.OpenValues;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The download status of an image (spec: {@code status}); the service uses {@code downloading}, {@code downloaded} and {@code error}.
 *
 * <p>An open enum: the service may send a value this library does not know yet, and it is kept as
 * sent, never an error. Values compare ignoring case: {@link #is(ImageStatus)}, {@link #equals} and {@link
 * #hashCode} agree, and {@link #value()} keeps the spelling as sent.
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
    return OpenValues.lookup(KNOWN, ImageStatus::value, value, ImageStatus::new);
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
    return OpenValues.same(value, other.value);
  }

  /**
   * Equal exactly when {@link #is} says so: the same value ignoring case.
   *
   * @param o the object to compare with
   * @return true for a {@code ImageStatus} with the same value ignoring case
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ImageStatus && is((ImageStatus) o);
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
