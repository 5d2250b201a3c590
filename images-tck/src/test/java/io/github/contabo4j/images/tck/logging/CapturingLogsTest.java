package io.github.contabo4j.images.tck.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * The capture, driven through its provider directly: this module's own tests keep slf4j-simple as
 * their binding (the TCK registers nothing), which {@link CapturingLogs#assertNoLeak} must notice.
 */
class CapturingLogsTest {
  private final Logger logger = new CapturingLogs.Provider().getLoggerFactory().getLogger("capture.test." + System.nanoTime());

  @Test
  void everyLevelOfEveryLoggerIsCapturedWithItsArgumentsAndStackTrace() {
    assertThat(logger.isTraceEnabled()).isTrue();
    logger.trace("t {}", 1);
    logger.debug("d {} {}", "a", "b");
    logger.error("boom", new IllegalStateException("outer", new IOException("inner cause")));

    List<CapturingLogs.Event> events = CapturingLogs.events(logger.getName());

    assertThat(events).extracting(CapturingLogs.Event::level).containsExactly(Level.TRACE, Level.DEBUG, Level.ERROR);
    assertThat(events).extracting(CapturingLogs.Event::message).containsExactly("t 1", "d a b", "boom");
    assertThat(events.get(2).thrown()).contains("IllegalStateException: outer", "Caused by: java.io.IOException: inner cause");
    assertThat(events.get(2).text()).startsWith("ERROR [" + Thread.currentThread().getName() + "] " + logger.getName())
        .contains("inner cause");
  }

  @Test
  void theLeakScanRefusesToRunWhenAnotherBindingWon() {
    assertThat(CapturingLogs.installed()).isFalse();
    assertThatThrownBy(() -> CapturingLogs.assertNoLeak(TestSecrets.all()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not the SLF4J binding");
  }
}
