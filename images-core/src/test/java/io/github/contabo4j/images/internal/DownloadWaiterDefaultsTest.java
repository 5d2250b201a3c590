package io.github.contabo4j.images.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.resilience.ResiliencePolicy;
import org.junit.jupiter.api.Test;

/**
 * A plain port's {@code awaitDownloaded} polls on the default resilience policy's schedule, without
 * the port depending on that policy: the waiter keeps its own copy of the two values, pinned here.
 */
class DownloadWaiterDefaultsTest {
  @Test
  void theDefaultPollScheduleIsTheDefaultPolicysBackoff() {
    assertThat(DownloadWaiter.DEFAULT_BACKOFF_BASE).isEqualTo(ResiliencePolicy.defaults().backoffBase());
    assertThat(DownloadWaiter.DEFAULT_BACKOFF_MULTIPLIER).isEqualTo(ResiliencePolicy.defaults().backoffMultiplier());
  }
}
