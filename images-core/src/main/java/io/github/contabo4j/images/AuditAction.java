package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.OpenValues;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an audited request did to an image (spec: {@code action}).
 *
 * <p>An open enum: the service may send a value this library does not know yet, and it is kept as
 * sent, never an error. Values compare ignoring case: {@link #is(AuditAction)}, {@link #equals} and {@link
 * #hashCode} agree, and {@link #value()} keeps the spelling as sent.
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
    return OpenValues.lookup(KNOWN, AuditAction::value, value, AuditAction::new);
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
    return OpenValues.same(value, other.value);
  }

  /**
   * Equal exactly when {@link #is} says so: the same value ignoring case.
   *
   * @param o the object to compare with
   * @return true for a {@code AuditAction} with the same value ignoring case
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AuditAction && is((AuditAction) o);
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
