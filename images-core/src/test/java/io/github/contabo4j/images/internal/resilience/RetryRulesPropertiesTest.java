package io.github.contabo4j.images.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Full jitter stays within {@code [0, min(cap, base * multiplier^(k-1))]} for any setting. */
class RetryRulesPropertiesTest {

  @Property(tries = 300)
  void jitteredBackoffStaysWithinItsBound(
      @ForAll @LongRange(min = 0, max = 10_000) long baseMillis,
      @ForAll @DoubleRange(min = 1.0, max = 10.0) double multiplier,
      @ForAll @LongRange(min = 0, max = 60_000) long extraCapMillis,
      @ForAll @IntRange(min = 1, max = 40) int failedAttempts,
      @ForAll long seed) {
    ResiliencePolicy policy = ResiliencePolicy.builder().backoffBase(Duration.ofMillis(baseMillis))
        .backoffMultiplier(multiplier).backoffCap(Duration.ofMillis(baseMillis + extraCapMillis)).build();
    Random random = new Random(seed);
    ImagesServiceException busy = ImagesServiceException.forStatus(
        ImagesOperation.RETRIEVE_IMAGE, 503, "busy", null, List.of(), null);

    long delay = RetryRules.delayMillis(failedAttempts, busy, policy, bound -> random.nextLong(bound + 1));

    double exponential = baseMillis * Math.pow(multiplier, failedAttempts - 1);
    long bound = (long) Math.min(baseMillis + extraCapMillis, exponential);
    assertThat(delay).isBetween(0L, bound);
  }

  @Property(tries = 100)
  void retryAfterWithinTheMaximumIsWaitedExactlyWithoutJitter(
      @ForAll @LongRange(min = 0, max = 60) long seconds, @ForAll @IntRange(min = 1, max = 5) int failedAttempts) {
    ImagesServiceException limited = ImagesServiceException.forStatus(
        ImagesOperation.CREATE_CUSTOM_IMAGE, 429, "slow down", Duration.ofSeconds(seconds), List.of(), null);

    assertThat(RetryRules.retryable(limited, ResiliencePolicy.defaults())).isTrue();
    assertThat(RetryRules.delayMillis(failedAttempts, limited, ResiliencePolicy.defaults(), b -> {
      throw new AssertionError("no jitter for Retry-After");
    })).isEqualTo(seconds * 1000);
  }
}
