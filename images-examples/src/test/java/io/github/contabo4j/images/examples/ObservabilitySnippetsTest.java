package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Micrometer snippet, run against the fake: a call is timed, the listener's meters are there. */
class ObservabilitySnippetsTest {

  @TempDir Path home;

  @Test
  void theMicrometerSnippetTimesCallsAndRegistersTheListenersMeters() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    FakeImages fake = FakeImages.create();

    try (FakeImagesServer server = FakeImagesServer.builder(fake).client("snippet-client", "snippet-secret-0042")
            .user("ops@example.com", "snippet-password-0042").start();
        // What the chain finds (here in an injected environment) gives the base URL too: the snippet sets none.
        JdkImagesClient images = ObservabilitySnippets.micrometer(observations, meters, TestChains.over(Map.of(
            "CNTB_OAUTH2_CLIENT_ID", "snippet-client", "CNTB_OAUTH2_CLIENT_SECRET", "snippet-secret-0042",
            "CNTB_OAUTH2_USER", "ops@example.com", "CNTB_OAUTH2_PASS", "snippet-password-0042",
            "CNTB_OAUTH2_TOKEN_URL", server.tokenEndpoint().toString(), "CNTB_API", server.baseUri().toString()),
            home).resolve().build())) {
      images.retrieveCustomImagesStats();
    }

    assertThat(meters.get("contabo.images.client.requests").tag("operation", "retrieveCustomImagesStats")
        .tag("outcome", "success").tag("status.class", "2xx").tag("transport", "jdk").timer().count()).isEqualTo(1);
    assertThat(meters.get("contabo.images.client.creates.reconciled").tag("transport", "jdk").counter().count())
        .as("the listener's meters are registered").isZero();
  }
}
