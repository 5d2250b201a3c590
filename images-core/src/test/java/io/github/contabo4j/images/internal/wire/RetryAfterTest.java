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
}
