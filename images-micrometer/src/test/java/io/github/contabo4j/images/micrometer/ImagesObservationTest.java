package io.github.contabo4j.images.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImagesInterceptor;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.OutcomeUnknownException;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.resilience.ResilientImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.MutableClock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact meters and observations after each kind of call, against the testkit's fake behind the
 * resilience decorator, on virtual time.
 */
class ImagesObservationTest {
  private static final String REQUESTS = DefaultImagesObservationConvention.NAME;
  private static final CreateCustomImage CREATE =
      CreateCustomImage.of("golden", "https://example.com/golden.qcow2", OsType.LINUX, "24.04");
  /** The meters the binding registers up front, untouched by a call that needs none of them. */
  private static final List<String> IDLE = List.of(
      "contabo.images.client.await.downloaded{transport=fake} active=0",
      "contabo.images.client.creates.outcome.unknown{transport=fake} count=0",
      "contabo.images.client.creates.reconciled{transport=fake} count=0");

  private final MutableClock clock = MutableClock.at(Instant.parse("2025-03-03T09:00:00Z"));
  private final FakeImages fake = FakeImages.builder().clock(clock).sleeper(clock.sleeper()).build();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final ImagesObservation binding;

  ImagesObservationTest() {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    binding = ImagesObservation.builder(observations).meterRegistry(meters).transport("fake").build();
  }

  private ImagesPort port(ResiliencePolicy policy, Sleeper sleeper) {
    ResilientImagesPort resilient = ResilientImagesPort.builder().delegate(fake).policy(policy).sleeper(sleeper)
        .clock(clock).random(new Random(5)).listener(binding.listener()).build();
    return ImagesInterceptor.around(resilient, List.of(binding.interceptor()));
  }

  private ImagesPort port() {
    return port(ResiliencePolicy.builder().noRateLimit().build(), clock.sleeper());
  }

  private static List<String> with(String... lines) {
    List<String> all = new ArrayList<>(IDLE);
    all.addAll(List.of(lines));
    return all;
  }

  private String requestId(ImagesOperation operation, int call) {
    return fake.calls(operation).get(call).requestId();
  }

  @Test
  void aSuccessIsOneObservationAndOneTimerTaggedSuccess() {
    CallContext context = CallContext.create();
    port().retrieveImageList(ImageListQuery.builder().build(), context);

    assertThat(observations).hasNumberOfObservationsWithNameEqualTo(REQUESTS, 1)
        .hasObservationWithNameEqualTo(REQUESTS).that()
        .hasContextualNameEqualTo("retrieveImageList")
        .hasLowCardinalityKeyValue("operation", "retrieveImageList")
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasLowCardinalityKeyValue("status.class", "2xx")
        .hasLowCardinalityKeyValue("transport", "fake")
        .hasHighCardinalityKeyValue("request.id", context.lastRequestId().orElseThrow())
        .doesNotHaveError().hasBeenStarted().hasBeenStopped();
    assertThat(Meters.lines(meters)).containsExactlyInAnyOrderElementsOf(with(
        "contabo.images.client.requests{error=none,operation=retrieveImageList,outcome=success,"
            + "status.class=2xx,transport=fake} count=1",
        "contabo.images.client.requests.active{operation=retrieveImageList,transport=fake} active=0"));
  }

  @Test
  void aRetryIsCountedWithItsErrorAndTheCallEndsAsASuccessOnTheLastAttemptsRequestId() {
    Image image = fake.seedCustomImage("golden");
    fake.faults().next(ImagesOperation.RETRIEVE_IMAGE).serverError(503);

    port().retrieveImage(image.imageId());

    assertThat(observations).hasNumberOfObservationsWithNameEqualTo(REQUESTS, 1)
        .hasObservationWithNameEqualTo(REQUESTS).that()
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasLowCardinalityKeyValue("status.class", "2xx")
        .hasHighCardinalityKeyValue("request.id", requestId(ImagesOperation.RETRIEVE_IMAGE, 1));
    assertThat(Meters.lines(meters)).containsExactlyInAnyOrderElementsOf(with(
        "contabo.images.client.requests{error=none,operation=retrieveImage,outcome=success,"
            + "status.class=2xx,transport=fake} count=1",
        "contabo.images.client.requests.active{operation=retrieveImage,transport=fake} active=0",
        "contabo.images.client.retries{error=ServerErrorException,operation=retrieveImage,status.class=5xx,"
            + "transport=fake} count=1"));
  }

  @Test
  void a429IsARetryAndAThrottleWaitOfItsRetryAfter() {
    fake.faults().next(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS).rateLimited(Duration.ofSeconds(2));

    port().retrieveCustomImagesStats();

    assertThat(observations).hasObservationWithNameEqualTo(REQUESTS).that()
        .hasLowCardinalityKeyValue("outcome", "success");
    assertThat(Meters.lines(meters)).containsExactlyInAnyOrderElementsOf(with(
        "contabo.images.client.requests{error=none,operation=retrieveCustomImagesStats,outcome=success,"
            + "status.class=2xx,transport=fake} count=1",
        "contabo.images.client.requests.active{operation=retrieveCustomImagesStats,transport=fake} active=0",
        "contabo.images.client.retries{error=RateLimitedException,operation=retrieveCustomImagesStats,"
            + "status.class=4xx,transport=fake} count=1",
        "contabo.images.client.throttle.waits{operation=retrieveCustomImagesStats,transport=fake} count=1 total=PT2S"));
  }

  @Test
  void aWaitForARateLimitPermitIsTimed() {
    ImagesPort port = port(ResiliencePolicy.builder().rateLimit(1, Duration.ofSeconds(1)).build(), clock.sleeper());

    port.retrieveCustomImagesStats();
    port.retrieveCustomImagesStats();

    assertThat(Meters.lines(meters)).containsExactlyInAnyOrderElementsOf(with(
        "contabo.images.client.requests{error=none,operation=retrieveCustomImagesStats,outcome=success,"
            + "status.class=2xx,transport=fake} count=2",
        "contabo.images.client.requests.active{operation=retrieveCustomImagesStats,transport=fake} active=0",
        "contabo.images.client.rate.limit.waits{operation=retrieveCustomImagesStats,transport=fake} count=1 total=PT1S"));
  }

  @Test
  void aCreateWhoseAnswerWasLostIsReconciledAndCounted() {
    fake.faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).answerLost();

    CreatedImage created = port().createCustomImage(CREATE);

    assertThat(created.reconciled()).isTrue();
    assertThat(observations).hasNumberOfObservationsWithNameEqualTo(REQUESTS, 1)
        .hasObservationWithNameEqualTo(REQUESTS).that()
        .hasContextualNameEqualTo("createCustomImage")
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasLowCardinalityKeyValue("status.class", "2xx");
    assertThat(Meters.lines(meters)).contains(
        "contabo.images.client.creates.reconciled{transport=fake} count=1",
        "contabo.images.client.creates.outcome.unknown{transport=fake} count=0",
        "contabo.images.client.requests{error=none,operation=createCustomImage,outcome=success,"
            + "status.class=2xx,transport=fake} count=1");
  }

  @Test
  void aCreateThatCannotBeSettledIsAnUnknownOutcome() {
    fake.faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).answerLost()
        .nextCalls(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, 50).connectionRefused();

    assertThatThrownBy(() -> port().createCustomImage(CREATE)).isInstanceOf(OutcomeUnknownException.class);

    assertThat(observations).hasObservationWithNameEqualTo(REQUESTS).that()
        .hasLowCardinalityKeyValue("outcome", "OutcomeUnknownException")
        .hasLowCardinalityKeyValue("status.class", "NONE")
        .hasError();
    assertThat(Meters.lines(meters)).contains(
        "contabo.images.client.creates.outcome.unknown{transport=fake} count=1",
        "contabo.images.client.creates.reconciled{transport=fake} count=0",
        "contabo.images.client.requests{error=OutcomeUnknownException,operation=createCustomImage,"
            + "outcome=OutcomeUnknownException,status.class=NONE,transport=fake} count=1");
  }

  @Test
  void aFailedCallCarriesTheExceptionsNameItsStatusClassAndItsRequestId() {
    String missing = "a1b2c3d4-0000-4000-8000-000000000001";

    assertThatThrownBy(() -> port().retrieveImage(missing)).isInstanceOf(ImageNotFoundException.class);

    assertThat(observations).hasNumberOfObservationsWithNameEqualTo(REQUESTS, 1)
        .hasObservationWithNameEqualTo(REQUESTS).that()
        .hasLowCardinalityKeyValue("outcome", "ImageNotFoundException")
        .hasLowCardinalityKeyValue("status.class", "4xx")
        .hasHighCardinalityKeyValue("request.id", requestId(ImagesOperation.RETRIEVE_IMAGE, 0))
        .hasError();
    assertThat(Meters.lines(meters)).containsExactlyInAnyOrderElementsOf(with(
        "contabo.images.client.requests{error=ImageNotFoundException,operation=retrieveImage,"
            + "outcome=ImageNotFoundException,status.class=4xx,transport=fake} count=1",
        "contabo.images.client.requests.active{operation=retrieveImage,transport=fake} active=0"));
  }

  @Test
  void aCallWithNoAnswerHasNoStatusClass() {
    fake.faults().nextCalls(ImagesOperation.RETRIEVE_IMAGE_LIST, 2).connectionRefused();

    assertThatThrownBy(() -> port(ResiliencePolicy.builder().noRateLimit().maxAttempts(2).build(), clock.sleeper())
        .retrieveImageList(ImageListQuery.builder().build())).isInstanceOf(ImagesTransportException.class);

    assertThat(Meters.lines(meters)).containsExactlyInAnyOrderElementsOf(with(
        "contabo.images.client.requests{error=ImagesTransportException,operation=retrieveImageList,"
            + "outcome=ImagesTransportException,status.class=NONE,transport=fake} count=1",
        "contabo.images.client.requests.active{operation=retrieveImageList,transport=fake} active=0",
        "contabo.images.client.retries{error=ImagesTransportException,operation=retrieveImageList,"
            + "status.class=NONE,transport=fake} count=1"));
  }

  @Test
  void awaitDownloadedIsALongTaskWhileItWaits() {
    List<Integer> activeWhileWaiting = new ArrayList<>();
    LongTaskTimer awaiting = meters.get(ImagesObservation.AWAIT_DOWNLOADED).tag("transport", "fake").longTaskTimer();
    Sleeper watching = duration -> {
      activeWhileWaiting.add(awaiting.activeTasks());
      clock.sleeper().sleep(duration);
    };
    ImagesPort port = port(ResiliencePolicy.builder().noRateLimit().build(), watching);
    CreatedImage created = port.createCustomImage(CREATE);

    Image image = port.awaitDownloaded(created.imageId(), Duration.ofMinutes(5));

    assertThat(image.status()).isEqualTo(ImageStatus.DOWNLOADED);
    assertThat(activeWhileWaiting).isNotEmpty().containsOnly(1);
    assertThat(awaiting.activeTasks()).isZero();
    // The polls are not calls of their own for the interceptor: only the create was observed.
    assertThat(observations).hasNumberOfObservationsWithNameEqualTo(REQUESTS, 1);
  }

  @Test
  void withoutAMeterRegistryOnlyTheObservationsAreRecordedAndTheListenerIsSilent() {
    ImagesObservation observationsOnly = ImagesObservation.builder(observations).build();

    ImagesPort port = ImagesInterceptor.around(fake, List.of(observationsOnly.interceptor()));
    port.retrieveCustomImagesStats();

    assertThat(observationsOnly.listener()).isSameAs(io.github.contabo4j.images.ImagesListener.none());
    assertThat(observations).hasObservationWithNameEqualTo(REQUESTS).that()
        .hasLowCardinalityKeyValue("transport", ImagesObservation.UNKNOWN_TRANSPORT);
    assertThat(observationsOnly.toString()).isEqualTo("ImagesObservation{transport=unknown, meters=false}");
  }

  @Test
  void aConventionGivenToTheBuilderReplacesTheDefault() {
    ImagesObservationConvention renamed = new DefaultImagesObservationConvention() {
      @Override
      public String getName() {
        return "images.calls";
      }
    };
    ImagesObservation custom = ImagesObservation.builder(observations).convention(renamed).transport("jdk").build();

    ImagesInterceptor.around(fake, List.of(custom.interceptor())).retrieveCustomImagesStats();

    assertThat(observations).hasNumberOfObservationsWithNameEqualTo(REQUESTS, 0)
        .hasObservationWithNameEqualTo("images.calls").that().hasLowCardinalityKeyValue("transport", "jdk");
  }

  @Test
  void aBlankTransportNameIsRejected() {
    assertThatThrownBy(() -> ImagesObservation.builder(observations).transport(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("transport must not be blank");
  }
}
