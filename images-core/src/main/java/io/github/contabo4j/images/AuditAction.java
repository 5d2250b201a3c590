package io.github.contabo4j.images;

import java.util.List;
import java.util.Locale;

/**
 * What an audited request did to an image (spec: {@code action}).
 *
 * <p>An open enum: the service may send a value this library does not know yet, and it is kept as
 * sent, never an error. Compare with {@link #is(AuditAction)}, which ignores case.
 *
 * @param value the value exactly as the service sent it, or as the caller gave it
 */
public record AuditAction(String value) {
  /** {@code CREATED}. */
  public static final AuditAction CREATED = new AuditAction("CREATED");
  /** {@code UPDATED}. */
  public static final AuditAction UPDATED = new AuditAction("UPDATED");
  /** {@code DELETED}. */
  public static final AuditAction DELETED = new AuditAction("DELETED");

  private static final List<AuditAction> KNOWN = List.of(CREATED, UPDATED, DELETED);

  /**
   * Creates a value.
   *
   * @throws InvalidRequestException if {@code value} is null
   */
  public AuditAction {
    if (value == null) {
      throw new InvalidRequestException("action", "must not be null");
    }
  }

  /**
   * Returns the known constant that matches {@code value} ignoring case, or a new open value.
   *
   * @param value the value to look up
   * @return a constant when one matches, else a value holding {@code value} as given
   */
  public static AuditAction of(String value) {
    for (AuditAction known : KNOWN) {
      if (known.value.equalsIgnoreCase(value)) {
        return known;
      }
    }
    return new AuditAction(value);
  }

  /** The values this library knows of. */
  public static List<AuditAction> knownValues() {
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
  public boolean is(AuditAction other) {
    return value.toLowerCase(Locale.ROOT).equals(other.value.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
