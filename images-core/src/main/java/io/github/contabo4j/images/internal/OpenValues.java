package io.github.contabo4j.images.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The comparison rule of the open enums ({@code ImageStatus}, {@code OsType}, {@code ImageFormat},
 * {@code TenantId}, {@code AuditAction}), written once: two values are the same when their {@link
 * #key}s are equal, so {@code is}, {@code equals}, {@code hashCode} and {@code of} agree.
 */
public final class OpenValues {
  private OpenValues() {}

  /**
   * The value's comparison key: lower case in the root locale.
   *
   * @param value the value as sent or given
   * @return the key
   */
  public static String key(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether two values are the same open-enum value.
   *
   * @param a one value
   * @param b the other
   * @return true when their keys are equal
   */
  public static boolean same(String a, String b) {
    return key(a).equals(key(b));
  }

  /**
   * The known constant with the same key as {@code value}, or a new value holding it as given.
   *
   * @param known the constants
   * @param valueOf a constant's value
   * @param value the value to look up; null is passed to {@code create}, which rejects it
   * @param create makes a new value
   * @param <T> the open-enum type
   * @return the match or the new value
   */
  public static <T> T lookup(
      List<T> known, Function<T, String> valueOf, @Nullable String value, Function<@Nullable String, T> create) {
    if (value != null) {
      for (T k : known) {
        if (same(valueOf.apply(k), value)) {
          return k;
        }
      }
    }
    return create.apply(value);
  }
}
