package io.github.contabo4j.images.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binding registered on a real transport's builder, end to end over HTTP to the fake. */
class JdkTransportObservationTest {

  @Test
  void addInterceptorAndAddListenerObserveACallThatWasRetriedOverTheWire() {
    FakeImages fake = FakeImages.create();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    TestObservationRegistry observations = TestObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    ImagesObservation observation =
        ImagesObservation.builder(observations).meterRegistry(meters).transport("jdk").build();
    fake.faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST).serverError(503);

    try (FakeImagesServer server = FakeImagesServer.start(fake);
        JdkImagesClient client = JdkImagesClient.builder().baseUri(server.baseUri()).token(server.token())
            .sleeper(duration -> {}) // the retry's backoff: no real wait
            .addInterceptor(observation.interceptor()).addListener(observation.listener()).build()) {
      CallContext context = CallContext.create();
      client.retrieveImageList(ImageListQuery.builder().build(), context);

      List<String> sent = server.requests().stream().map(FakeImagesServer.RecordedRequest::requestId).toList();
      assertThat(server.requests()).extracting(FakeImagesServer.RecordedRequest::status).containsExactly(503, 200);
      assertThat(sent).isEqualTo(context.requestIds());
      assertThat(observations).hasNumberOfObservationsWithNameEqualTo(DefaultImagesObservationConvention.NAME, 1)
          .hasObservationWithNameEqualTo(DefaultImagesObservationConvention.NAME).that()
          .hasContextualNameEqualTo("retrieveImageList")
          .hasLowCardinalityKeyValue("outcome", "success")
          .hasLowCardinalityKeyValue("status.class", "2xx")
          .hasLowCardinalityKeyValue("transport", "jdk")
          .hasHighCardinalityKeyValue("request.id", sent.get(1));
      assertThat(Meters.lines(meters)).contains(
          "contabo.images.client.requests{error=none,operation=retrieveImageList,outcome=success,"
              + "status.class=2xx,transport=jdk} count=1",
          "contabo.images.client.retries{error=ServerErrorException,operation=retrieveImageList,"
              + "status.class=5xx,transport=jdk} count=1");
    }
  }
}
