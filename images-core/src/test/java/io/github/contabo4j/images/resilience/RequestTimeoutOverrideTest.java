package io.github.contabo4j.images.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.transport.TransportBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The builder's {@code requestTimeout} is the per-attempt timeout applied, longer or shorter than the
 * policy's {@code attemptTimeout}: asserted on what the transport is told, without waiting for it.
 */
class RequestTimeoutOverrideTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);

  private static final class TestTransport extends TransportBuilder<TestTransport, ImagesClient> {
    @Override
    protected String transportName() {
      return "test";
    }

    @Override
    public ImagesClient build() {
      throw new UnsupportedOperationException("tests read the settings, not a client");
    }

    TransportBuilder.Settings settings() {
      return resolve();
    }
  }

  private TestTransport builder() {
    return new TestTransport().tokenSource(TokenSource.fixed("t")).clock(time).sleeper(time.sleeper());
  }

  private Duration appliedAttemptTimeout(TestTransport b) {
    ImagesPort client = b.settings().decorate(port);
    client.retrieveCustomImagesStats(CallContext.create());
    return port.attempts().get(port.attempts().size() - 1).attemptTimeout();
  }

  @Test
  void aRequestTimeoutLongerThanThePolicysAttemptTimeoutIsApplied() {
    TestTransport b = builder().requestTimeout(Duration.ofSeconds(90));

    assertThat(appliedAttemptTimeout(b)).isEqualTo(Duration.ofSeconds(90));
    assertThat(b.settings().requestTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(b.settings().resilience().attemptTimeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aRequestTimeoutLongerThanTheCallTimeoutRaisesIt() {
    TestTransport b = builder().requestTimeout(Duration.ofMinutes(5)); // default callTimeout: 2 min

    assertThat(appliedAttemptTimeout(b)).isEqualTo(Duration.ofMinutes(5));
    assertThat(b.settings().resilience().callTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aShorterRequestTimeoutIsApplied() {
    assertThat(appliedAttemptTimeout(builder().requestTimeout(Duration.ofSeconds(5)))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void withoutRequestTimeoutThePolicysAttemptTimeoutIsApplied() {
    TestTransport b = builder().resilience(ResiliencePolicy.builder().attemptTimeout(Duration.ofSeconds(45)).build());

    assertThat(appliedAttemptTimeout(b)).isEqualTo(Duration.ofSeconds(45));
    assertThat(b.settings().requestTimeout()).isEqualTo(Duration.ofSeconds(45));
  }
}
