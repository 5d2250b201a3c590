package io.github.contabo4j.images.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.tck.SecretLeakScanner;
import io.github.contabo4j.images.tck.logging.CapturingLogs;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last in this module's JVM: calls with real credentials (a success, a retry, a failure, a
 * refused grant), then no secret in any meter tag, observation key value, exception message, the
 * binding's {@code toString()}, or anything the run logged at TRACE.
 */
@Order(Integer.MAX_VALUE)
class MicrometerSecretLeakTest {

  @Test
  void noSecretInAnyTagKeyValueMessageOrLogLine() {
    List<String> seen = new ArrayList<>();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
        .observationHandler(new ObservationHandler<>() {
          @Override
          public void onStop(Observation.Context context) {
            seen.add(context.toString()); // name, key values (high-cardinality too) and error
          }

          @Override
          public boolean supportsContext(Observation.Context context) {
            return true;
          }
        });
    ImagesObservation binding = ImagesObservation.builder(observations).meterRegistry(meters).transport("jdk").build();
    FakeImages fake = FakeImages.create();
    fake.faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST).serverError(503);

    try (FakeImagesServer server = FakeImagesServer.builder(fake).client(TestSecrets.CLIENT_ID, TestSecrets.CLIENT_SECRET)
        .user(TestSecrets.USERNAME, TestSecrets.PASSWORD).start()) {
      try (JdkImagesClient client = client(server, binding, TestSecrets.PASSWORD)) {
        client.retrieveImageList(ImageListQuery.builder().build());
        seen.add(catchRuntimeException(() -> client.retrieveImage("a1b2c3d4-0000-4000-8000-000000000001"))
            .toString());
      }
      try (JdkImagesClient refused = client(server, binding, TestSecrets.PASSWORD + "-wrong")) {
        RuntimeException e = catchRuntimeException(refused::retrieveCustomImagesStats);
        SecretLeakScanner.assertNoLeak(TestSecrets.all(), e);
      }
    }

    for (Meter meter : meters.getMeters()) {
      seen.add(meter.getId().toString());
    }
    seen.add(binding.toString());
    seen.add(binding.interceptor().toString());
    seen.add(binding.listener().toString());
    assertThat(seen).anyMatch(s -> s.contains("request.id")).anyMatch(s -> s.contains("CredentialsRejectedException"));
    SecretLeakScanner.assertNoLeak(TestSecrets.all(), seen.toArray(new String[0]));
    assertThat(CapturingLogs.installed()).as("the TRACE capture is this module's SLF4J binding").isTrue();
    assertThat(CapturingLogs.assertNoLeak(TestSecrets.all())).as("events scanned").isPositive();
  }

  private static JdkImagesClient client(FakeImagesServer server, ImagesObservation binding, String password) {
    ContaboCredentials credentials = ContaboCredentials.builder().tokenUri(server.tokenEndpoint().toString())
        .clientId(TestSecrets.CLIENT_ID).clientSecret(TestSecrets.CLIENT_SECRET)
        .username(TestSecrets.USERNAME).password(password).build();
    return JdkImagesClient.builder().baseUri(server.baseUri()).tokenSource(credentials).sleeper(duration -> {})
        .addInterceptor(binding.interceptor()).addListener(binding.listener()).build();
  }
}
