package io.github.contabo4j.images.internal.wire;

import static io.github.contabo4j.images.internal.wire.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After in seconds or as an HTTP-date, measured against an injected clock (2024-05-01T12:00:00Z). */
class RetryAfterTest {

  @Test
  void delaySeconds() {
    assertThat(RetryAfter.parse("120", CLOCK)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("0", CLOCK)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse(" 7 ", CLOCK)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void hugeDelaysAreCappedAtAYear() {
    Duration cap = Duration.ofDays(366);

    assertThat(RetryAfter.parse("99999999999999999999", CLOCK)).isEqualTo(cap);
    assertThat(RetryAfter.parse("9999999999", CLOCK)).isEqualTo(cap);
  }

  @Test
  void httpDateIsMeasuredFromTheClock() {
    assertThat(RetryAfter.parse("Wed, 01 May 2024 12:00:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Wed, 01 May 2024 13:00:00 GMT", CLOCK)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void httpDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Tue, 30 Apr 2024 12:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
  }

  @Test
  void missingIsNull() {
    assertThat(RetryAfter.parse(null, CLOCK)).isNull();
    assertThat(RetryAfter.parse("", CLOCK)).isNull();
    assertThat(RetryAfter.parse("   ", CLOCK)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "-5", "1.5", "5s", "2024-05-01T12:00:30Z", "Wed, 99 May 2024 12:00:30 GMT", "0x10"})
  void garbageIsNull(String header) {
    assertThat(RetryAfter.parse(header, CLOCK)).isNull();
  }

  /** RFC 9110 5.6.7: a recipient must accept all three HTTP-date forms. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Wed, 01 May 2024 12:00:30 GMT", // IMF-fixdate
      "Wed, 1 May 2024 12:00:30 GMT", // RFC 1123 with a one-digit day, as Java's RFC_1123_DATE_TIME writes it
      "Wednesday, 01-May-24 12:00:30 GMT", // obsolete RFC 850 form
      "Wed May  1 12:00:30 2024", // asctime, day padded with a space
      "Wed May 1 12:00:30 2024"})
  void everyHttpDateFormIsAccepted(String header) {
    assertThat(RetryAfter.parse(header, CLOCK)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void rfc850TwoDigitYearMoreThanFiftyYearsAheadIsThePastCentury() {
    java.time.Clock in2024 = CLOCK;
    assertThat(RetryAfter.fourDigitYear(24, in2024)).isEqualTo(2024);
    assertThat(RetryAfter.fourDigitYear(74, in2024)).isEqualTo(2074); // exactly 50 years ahead: future
    assertThat(RetryAfter.fourDigitYear(75, in2024)).isEqualTo(1975); // 51 years ahead: past
    assertThat(RetryAfter.fourDigitYear(94, in2024)).isEqualTo(1994);
    java.time.Clock in2080 = java.time.Clock.fixed(java.time.Instant.parse("2080-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    assertThat(RetryAfter.fourDigitYear(10, in2080)).isEqualTo(2110); // 30 years ahead beats 70 years ago
    assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", CLOCK)).isEqualTo(Duration.ZERO); // 1994: past
  }

  @Test
  void aDateFurtherAheadThanTheCapIsCapped() {
    assertThat(RetryAfter.parse("Fri, 01 May 2099 12:00:00 GMT", CLOCK)).isEqualTo(RetryAfter.CAP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Wednesday, 32-May-24 12:00:30 GMT", "Wed Foo  1 12:00:30 2024", "Wed, 01 May 2024 12:00:30 UTC"})
  void brokenDatesOfEveryFormAreNull(String header) {
    assertThat(RetryAfter.parse(header, CLOCK)).isNull();
  }
}
