package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {
  private static final Instant T0 = Instant.parse("2024-06-03T08:00:00Z");

  @Test
  void itMovesOnlyWhenTold() throws Exception {
    MutableClock clock = MutableClock.at(T0);

    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(T0.plusSeconds(90));
    clock.set(T0.minusSeconds(5));
    assertThat(clock.instant()).isEqualTo(T0.minusSeconds(5));
  }

  @Test
  void itsSleeperAdvancesInsteadOfWaiting() throws Exception {
    MutableClock clock = MutableClock.at(T0);

    clock.sleeper().sleep(Duration.ofHours(2));
    clock.sleeper().sleep(Duration.ofSeconds(-3));

    assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(2)));
  }

  @Test
  void zoneViewsShareTheInstant() {
    MutableClock clock = MutableClock.at(T0);
    MutableClock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));

    clock.advance(Duration.ofMinutes(1));

    assertThat(berlin.instant()).isEqualTo(T0.plusSeconds(60));
    assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void itRefusesToRunBackwardsOrFromNothing() {
    MutableClock clock = MutableClock.at(T0);

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MutableClock.at(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("start == null");
  }
}
