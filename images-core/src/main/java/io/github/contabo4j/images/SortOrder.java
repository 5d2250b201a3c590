package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Checks;
import java.util.Locale;

/**
 * One {@code orderBy} term: a field and a direction. A query may carry several; they apply in order.
 *
 * <p>On the wire it reads {@code field:asc} or {@code field:desc} (lower case, as in the spec's own
 * example {@code name:asc}; see {@code docs/ASSUMPTIONS.md}). {@link #parse} accepts either case.
 *
 * @param field the property to sort by, e.g. {@code name}: letters, digits, {@code _} and {@code .}
 * @param direction ascending or descending
 */
public record SortOrder(String field, Direction direction) {

  /** Sort direction. */
  public enum Direction {
    /** Ascending. */
    ASC,
    /** Descending. */
    DESC;

    /** The wire spelling: {@code asc} or {@code desc}. */
    public String wireValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Creates a term.
   *
   * @throws InvalidRequestException if the field is blank or holds other characters
   */
  public SortOrder {
    Checks.requireSortField("orderBy", field);
    if (direction == null) {
      throw new InvalidRequestException("orderBy", "direction must not be null");
    }
  }

  /**
   * Ascending by a field.
   *
   * @param field the field
   * @return the term
   */
  public static SortOrder asc(String field) {
    return new SortOrder(field, Direction.ASC);
  }

  /**
   * Descending by a field.
   *
   * @param field the field
   * @return the term
   */
  public static SortOrder desc(String field) {
    return new SortOrder(field, Direction.DESC);
  }

  /**
   * Parses {@code field:asc} or {@code field:desc}, direction in either case; a bare field sorts
   * ascending.
   *
   * @param text the term
   * @return the term
   * @throws InvalidRequestException if it is malformed
   */
  public static SortOrder parse(String text) {
    if (text == null) {
      throw new InvalidRequestException("orderBy", "must not be null");
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      return asc(text);
    }
    String dir = text.substring(colon + 1);
    Direction direction;
    if (dir.equalsIgnoreCase("asc")) {
      direction = Direction.ASC;
    } else if (dir.equalsIgnoreCase("desc")) {
      direction = Direction.DESC;
    } else {
      throw new InvalidRequestException("orderBy", "direction must be asc or desc (either case)");
    }
    return new SortOrder(text.substring(0, colon), direction);
  }

  /** The wire form, e.g. {@code name:asc}. */
  public String wireValue() {
    return field + ":" + direction.wireValue();
  }

  @Override
  public String toString() {
    return wireValue();
  }
}
