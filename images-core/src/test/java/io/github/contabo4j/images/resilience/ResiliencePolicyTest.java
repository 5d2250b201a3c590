package io.github.contabo4j.images.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResiliencePolicyTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ResiliencePolicy p = ResiliencePolicy.defaults();

    assertThat(p.maxAttempts()).isEqualTo(4);
    assertThat(p.backoffBase()).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoffMultiplier()).isEqualTo(2.0);
    assertThat(p.backoffCap()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.throttleBackoffBase()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.throttleBackoffCap()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.rateLimited()).isTrue();
    assertThat(p.permitsPerPeriod()).isEqualTo(10);
    assertThat(p.ratePeriod()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.callTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.reconcileAttempts()).isEqualTo(3);
    assertThat(p.reconcileInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(ResiliencePolicy.builder().build()).isEqualTo(p);
  }

  @Test
  void noneMeansOneAttemptAndNoRateLimit() {
    ResiliencePolicy none = ResiliencePolicy.none();

    assertThat(none.maxAttempts()).isEqualTo(1);
    assertThat(none.rateLimited()).isFalse();
    assertThat(none.permitsPerPeriod()).isZero();
    assertThat(none.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(none.callTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(none.reconcileAttempts()).isZero();
  }

  @Test
  void theNewSettingsRoundTripAndTakePartInEquality() {
    ResiliencePolicy custom = ResiliencePolicy.builder().callTimeout(Duration.ofSeconds(20)).reconcileAttempts(5)
        .reconcileInterval(Duration.ZERO).build();

    assertThat(custom.callTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(custom.reconcileAttempts()).isEqualTo(5);
    assertThat(custom.reconcileInterval()).isZero();
    assertThat(custom.toBuilder().build()).isEqualTo(custom).hasSameHashCodeAs(custom);
    assertThat(custom.toBuilder().callTimeout(Duration.ofSeconds(21)).build()).isNotEqualTo(custom);
    assertThat(custom.toBuilder().reconcileAttempts(4).build()).isNotEqualTo(custom);
    assertThat(custom.toBuilder().reconcileInterval(Duration.ofMillis(1)).build()).isNotEqualTo(custom);
  }

  @Test
  void toBuilderRoundTripsAndChangesOnlyWhatIsSet() {
    ResiliencePolicy custom = ResiliencePolicy.builder().maxAttempts(6).backoffMultiplier(1.5)
        .rateLimit(3, Duration.ofMillis(500)).attemptTimeout(Duration.ofSeconds(5)).build();

    assertThat(custom.toBuilder().build()).isEqualTo(custom).hasSameHashCodeAs(custom);
    ResiliencePolicy changed = custom.toBuilder().maxAttempts(2).build();
    assertThat(changed.maxAttempts()).isEqualTo(2);
    assertThat(changed.permitsPerPeriod()).isEqualTo(3);
    assertThat(changed).isNotEqualTo(custom);
  }

  @Test
  void everySettingSurvivesToBuilderAndTakesPartInEquality() {
    ResiliencePolicy all = ResiliencePolicy.builder().maxAttempts(7).backoffBase(Duration.ofMillis(11))
        .backoffMultiplier(3.0).backoffCap(Duration.ofMillis(13)).throttleBackoffBase(Duration.ofMillis(17))
        .throttleBackoffCap(Duration.ofMillis(19)).maxRetryAfter(Duration.ofMillis(23))
        .rateLimit(29, Duration.ofMillis(31)).attemptTimeout(Duration.ofMillis(37))
        .callTimeout(Duration.ofMillis(41)).reconcileAttempts(2).reconcileInterval(Duration.ofMillis(43)).build();
    Stream<Consumer<ResiliencePolicy.Builder>> oneEach = Stream.of(
        b -> b.maxAttempts(8), b -> b.backoffBase(Duration.ofMillis(12)), b -> b.backoffMultiplier(3.5),
        b -> b.backoffCap(Duration.ofMillis(14)), b -> b.throttleBackoffBase(Duration.ofMillis(18)),
        b -> b.throttleBackoffCap(Duration.ofMillis(20)), b -> b.maxRetryAfter(Duration.ofMillis(24)),
        b -> b.rateLimit(30, Duration.ofMillis(31)), b -> b.rateLimit(29, Duration.ofMillis(32)),
        b -> b.noRateLimit(), b -> b.attemptTimeout(Duration.ofMillis(38)),
        b -> b.callTimeout(Duration.ofMillis(42)), b -> b.reconcileAttempts(3),
        b -> b.reconcileInterval(Duration.ofMillis(44)));

    assertThat(all.toBuilder().build()).isEqualTo(all).hasSameHashCodeAs(all).hasToString(all.toString());
    oneEach.forEach(change -> {
      ResiliencePolicy.Builder b = all.toBuilder();
      change.accept(b);
      assertThat(b.build()).isNotEqualTo(all);
    });
  }

  @Test
  void toStringNamesTheSettings() {
    assertThat(ResiliencePolicy.defaults().toString())
        .contains("maxAttempts=4", "maxRetryAfter=PT1M", "10 per PT1S", "attemptTimeout=PT30S",
            "callTimeout=PT2M", "reconcile=3 every PT1S");
    assertThat(ResiliencePolicy.none().toString()).contains("rateLimit=none", "reconcile=off");
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        bad("maxAttempts must be at least 1", b -> b.maxAttempts(0)),
        bad("backoffBase must not be negative", b -> b.backoffBase(Duration.ofMillis(-1))),
        bad("backoffBase must be at most", b -> b.backoffBase(Duration.ofDays(2))),
        bad("backoffMultiplier must be a number from 1.0 to 100.0", b -> b.backoffMultiplier(0.5)),
        bad("backoffMultiplier must be a number from 1.0 to 100.0", b -> b.backoffMultiplier(Double.NaN)),
        bad("backoffCap must not be negative", b -> b.backoffCap(Duration.ofSeconds(-1))),
        bad("throttleBackoffBase must not be negative", b -> b.throttleBackoffBase(Duration.ofSeconds(-1))),
        bad("throttleBackoffCap must not be negative", b -> b.throttleBackoffCap(Duration.ofSeconds(-1))),
        bad("maxRetryAfter must not be negative", b -> b.maxRetryAfter(Duration.ofSeconds(-1))),
        bad("permitsPerPeriod must be at least 1", b -> b.rateLimit(0, Duration.ofSeconds(1))),
        bad("ratePeriod must be positive", b -> b.rateLimit(1, Duration.ZERO)),
        bad("attemptTimeout must be positive", b -> b.attemptTimeout(Duration.ZERO)),
        bad("callTimeout must be positive", b -> b.callTimeout(Duration.ZERO)),
        bad("callTimeout must be at most", b -> b.callTimeout(Duration.ofDays(2))),
        bad("reconcileAttempts must be from 0 to 20", b -> b.reconcileAttempts(-1)),
        bad("reconcileAttempts must be from 0 to 20", b -> b.reconcileAttempts(21)),
        bad("reconcileInterval must not be negative", b -> b.reconcileInterval(Duration.ofMillis(-1))),
        bad("backoffCap must be at least backoffBase",
            b -> b.backoffBase(Duration.ofSeconds(2)).backoffCap(Duration.ofSeconds(1)).build()),
        bad("throttleBackoffCap must be at least throttleBackoffBase",
            b -> b.throttleBackoffBase(Duration.ofSeconds(40)).build()));
  }

  private static Arguments bad(String message, Consumer<ResiliencePolicy.Builder> setting) {
    return Arguments.of(message, setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void badSettingsAreRejectedNamingTheSetting(String message, Consumer<ResiliencePolicy.Builder> setting) {
    assertThatThrownBy(() -> setting.accept(ResiliencePolicy.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void nullDurationsAreRejectedNamingTheSetting() {
    assertThatThrownBy(() -> ResiliencePolicy.builder().maxRetryAfter(null))
        .isInstanceOf(NullPointerException.class).hasMessage("maxRetryAfter == null");
    assertThatThrownBy(() -> ResiliencePolicy.builder().rateLimit(1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("ratePeriod == null");
    assertThatThrownBy(() -> ResiliencePolicy.builder().callTimeout(null))
        .isInstanceOf(NullPointerException.class).hasMessage("callTimeout == null");
    assertThatThrownBy(() -> ResiliencePolicy.builder().reconcileInterval(null))
        .isInstanceOf(NullPointerException.class).hasMessage("reconcileInterval == null");
  }
}
