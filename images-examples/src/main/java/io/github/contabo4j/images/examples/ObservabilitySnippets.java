package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.micrometer.ImagesObservation;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's "Metrics and tracing" and "Events and logging" snippets, kept here so that they
 * compile; {@code ObservabilitySnippetsTest} runs the first against the fake.
 */
final class ObservabilitySnippets {
  private static final Logger log = LoggerFactory.getLogger(ObservabilitySnippets.class);

  private ObservabilitySnippets() {}

  static JdkImagesClient micrometer(ObservationRegistry observationRegistry, MeterRegistry meterRegistry,
      TokenSource tokens) {
    // --- README: Micrometer ---
    ImagesObservation observation = ImagesObservation.builder(observationRegistry)
        .meterRegistry(meterRegistry)   // the listener's meters and the awaitDownloaded long task timer
        .transport("jdk")               // the transport tag
        .build();
    // one call: an observation per call (timer, span), and a listener for retries, waits, reconciled creates
    JdkImagesClient images = observation.bindTo(JdkImagesClient.builder().tokenSource(tokens)).build();
    // --- end ---
    return images;
  }

  static JdkImagesClient retryLog(TokenSource tokens) {
    // --- README: Events ---
    ImagesListener retries = new ImagesListener() {
      @Override
      public void onRetry(ImagesOperation op, int failedAttempt, ImagesException failure, Duration wait) {
        log.warn("{} attempt {} failed ({}), retrying in {} (request ids {})",
            op, failedAttempt, failure.getClass().getSimpleName(), wait, failure.requestIds());
      }
    };
    JdkImagesClient images = JdkImagesClient.builder().tokenSource(tokens).addListener(retries).build();
    // --- end ---
    return images;
  }
}
