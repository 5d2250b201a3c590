package io.github.contabo4j.images.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

/**
 * The module's tests run twice (see the pom): on the Micrometer line compiled against and on the
 * newest. This proves each run has the Micrometer it claims on its class path.
 */
class MicrometerVersionTest {

  @Test
  void theRunUsesTheMicrometerVersionItClaims() {
    String expected = System.getProperty("images.micrometer.expected-version");
    assertThat(expected).as("set by the pom's surefire executions").isNotBlank();
    for (Class<?> type : new Class<?>[] {
        KeyValue.class, Observation.class, MeterRegistry.class, TestObservationRegistry.class}) {
      assertThat(type.getPackage().getImplementationVersion()).as(type.getName()).isEqualTo(expected);
    }
  }
}
