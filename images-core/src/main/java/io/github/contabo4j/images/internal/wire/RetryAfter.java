package io.github.contabo4j.images.internal.wire;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code Retry-After} (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date in any of the
 * three forms a recipient must accept (section 5.6.7): IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37
 * GMT}), the obsolete RFC 850 form ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and asctime ({@code Sun Nov
 * 6 08:49:37 1994}). An RFC 850 two-digit year that would lie more than 50 years in the future is read
 * as the most recent past year with those last two digits, as section 5.6.7 requires.
 */
public final class RetryAfter {
  /** The longest delay this parser reports; longer values are capped to it. */
  public static final Duration CAP = Duration.ofDays(366);

  private static final long MAX_SECONDS = CAP.toSeconds();
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
  private static final Pattern IMF_FIXDATE = Pattern.compile(
      "(?i)[a-z]{3}, (\\d{1,2}) ([a-z]{3}) (\\d{4}) " + TIME + " GMT");
  private static final Pattern RFC_850 = Pattern.compile(
      "(?i)[a-z]{6,9}, (\\d{2})-([a-z]{3})-(\\d{2}) " + TIME + " GMT");
  private static final Pattern ASCTIME = Pattern.compile(
      "(?i)[a-z]{3} ([a-z]{3}) +(\\d{1,2}) " + TIME + " (\\d{4})");

  private RetryAfter() {}

  /**
   * Parses the header.
   *
   * @param header the header value, or null
   * @param clock the clock an HTTP-date is measured against
   * @return the delay (capped at {@link #CAP}), zero for a date in the past, or null when absent or
   *     unparseable
   */
  public static @Nullable Duration parse(@Nullable String header, Clock clock) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (value.isEmpty()) {
      return null;
    }
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (value.length() > 10) {
        return CAP;
      }
      return Duration.ofSeconds(Math.min(Long.parseLong(value), MAX_SECONDS));
    }
    ZonedDateTime at = httpDate(value, clock);
    if (at == null) {
      return null;
    }
    Duration delay = Duration.between(clock.instant(), at.toInstant());
    return delay.isNegative() ? Duration.ZERO : delay.compareTo(CAP) > 0 ? CAP : delay;
  }

  private static @Nullable ZonedDateTime httpDate(String value, Clock clock) {
    try {
      Matcher m = IMF_FIXDATE.matcher(value);
      if (m.matches()) {
        return at(Integer.parseInt(m.group(3)), m.group(2), m.group(1), m, 4);
      }
      m = RFC_850.matcher(value);
      if (m.matches()) {
        return at(fourDigitYear(Integer.parseInt(m.group(3)), clock), m.group(2), m.group(1), m, 4);
      }
      m = ASCTIME.matcher(value);
      if (m.matches()) {
        return at(Integer.parseInt(m.group(6)), m.group(1), m.group(2), m, 3);
      }
      return null;
    } catch (DateTimeException e) {
      return null; // e.g. day 99 or second 61
    }
  }

  private static @Nullable ZonedDateTime at(int year, String month, String day, Matcher m, int timeGroup) {
    int monthIndex = MONTHS.indexOf(month.toLowerCase(Locale.ROOT));
    if (monthIndex < 0) {
      return null;
    }
    return LocalDateTime.of(year, monthIndex + 1, Integer.parseInt(day), Integer.parseInt(m.group(timeGroup)),
        Integer.parseInt(m.group(timeGroup + 1)), Integer.parseInt(m.group(timeGroup + 2))).atZone(ZoneOffset.UTC);
  }

  /** RFC 9110 5.6.7: a two-digit year more than 50 years ahead is the latest past year with those digits. */
  static int fourDigitYear(int twoDigits, Clock clock) {
    int now = clock.instant().atZone(ZoneOffset.UTC).getYear();
    int year = now - Math.floorMod(now, 100) + twoDigits;
    if (year > now + 50) {
      return year - 100;
    }
    return year + 100 <= now + 50 ? year + 100 : year;
  }
}
