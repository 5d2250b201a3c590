package io.github.contabo4j.images.internal.wire;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
public final class RetryAfter {
  private static final long MAX_SECONDS = 366L * 24 * 3600;

  private RetryAfter() {}

  /**
   * Parses the header.
   *
   * @param header the header value, or null
   * @param clock the clock an HTTP-date is measured against
   * @return the delay, zero for a date in the past, or null when absent or unparseable
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
        return Duration.ofSeconds(MAX_SECONDS);
      }
      return Duration.ofSeconds(Math.min(Long.parseLong(value), MAX_SECONDS));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration delay = Duration.between(clock.instant(), at.toInstant());
      return delay.isNegative() ? Duration.ZERO : delay;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
