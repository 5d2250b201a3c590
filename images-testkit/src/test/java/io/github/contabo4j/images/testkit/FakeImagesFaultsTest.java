package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeImagesFaultsTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));
  private final List<Duration> waits = new ArrayList<>();
  private final FakeImages fake = FakeImages.builder().clock(clock).sleeper(waits::add).build();

  private static CreateCustomImage image(String name) {
    return CreateCustomImage.of(name, "https://images.example.com/" + name + ".qcow2", OsType.LINUX, "1");
  }

  private long customCount() {
    return fake.retrieveCustomImagesStats().currentImagesCount();
  }

  @Test
  void noFaultsAndNoWaitsUnlessAsked() {
    for (ImagesOperation op : ImagesOperation.values()) {
      assertThat(fake.faults().pending(op)).isZero();
    }
    fake.createCustomImage(image("calm"));
    fake.retrieveImageList(ImageListQuery.all());

    assertThat(waits).isEmpty();
  }

  @Test
  void theScriptQueuesPerOperationAndIsUsedUpInOrder() {
    fake.faults()
        .nextCalls(ImagesOperation.RETRIEVE_IMAGE_LIST, 2).rateLimited(Duration.ofSeconds(2))
        .next(ImagesOperation.RETRIEVE_IMAGE_LIST).serverError(502)
        .next(ImagesOperation.CREATE_CUSTOM_IMAGE).serverError(500);

    assertThat(fake.faults().pending(ImagesOperation.RETRIEVE_IMAGE_LIST)).isEqualTo(3);
    assertThatThrownBy(() -> fake.retrieveImageList(ImageListQuery.all())).isInstanceOf(RateLimitedException.class);
    fake.retrieveCustomImagesStats(); // other operations are untouched
    assertThatThrownBy(() -> fake.retrieveImageList(ImageListQuery.all())).isInstanceOf(RateLimitedException.class);
    ServerErrorException badGateway = catchThrowableOfType(ServerErrorException.class,
        () -> fake.retrieveImageList(ImageListQuery.all()));
    assertThat(badGateway.statusCode()).isEqualTo(502);
    assertThat(badGateway.serviceMessage()).isEqualTo("Bad Gateway");
    assertThat(fake.retrieveImageList(ImageListQuery.all()).items()).isNotEmpty();
    assertThat(fake.faults().pending(ImagesOperation.CREATE_CUSTOM_IMAGE)).isEqualTo(1);
  }

  @Test
  void aStatusFaultIsMappedLikeARealAnswer() {
    fake.faults().next(ImagesOperation.DELETE_IMAGE).status(403, "not yours");
    String id = fake.createCustomImage(image("x")).imageId();

    PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class, () -> fake.deleteImage(id));

    assertThat(e.serviceMessage()).isEqualTo("not yours");
    assertThat(fake.image(id)).isPresent();
  }

  @Test
  void aRefusedConnectionIsNotSentAndAppliesNothing() {
    fake.faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).connectionRefused();
    CallContext context = CallContext.create().withTraceId("t");

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> fake.createCustomImage(image("never"), context));

    assertThat(e.failure()).isEqualTo(Failure.CONNECT_FAILED);
    assertThat(e.delivery()).isEqualTo(Delivery.NOT_SENT);
    assertThat(e.requestIds()).isEqualTo(context.requestIds()).hasSize(1);
    assertThat(e.traceId()).contains("t");
    assertThat(customCount()).isZero();
    assertThat(fake.audits()).isEmpty();
  }

  @Test
  void aLostAnswerAppliesTheOperationThenFails() {
    fake.faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).answerLost();
    CallContext context = CallContext.create();

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> fake.createCustomImage(image("ghost"), context));

    assertThat(e.failure()).isEqualTo(Failure.CONNECTION_CLOSED);
    assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
    assertThat(customCount()).isEqualTo(1);
    assertThat(fake.retrieveImageAuditsList(AuditQuery.byRequestId(context.lastRequestId().orElseThrow())).items())
        .singleElement().satisfies(entry -> assertThat(entry.imageId()).isEqualTo(fake.images().stream()
            .filter(i -> !i.standardImage()).findFirst().orElseThrow().imageId()));
  }

  @Test
  void aConnectionResetBeforeApplyingChangesNothing() {
    String id = fake.createCustomImage(image("stays")).imageId();
    fake.faults().next(ImagesOperation.UPDATE_IMAGE).connectionReset();

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> fake.updateImage(id, ImageUpdate.rename("changed")));

    assertThat(e.failure()).isEqualTo(Failure.CONNECTION_CLOSED);
    assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
    assertThat(fake.image(id).orElseThrow().name()).isEqualTo("stays");
  }

  @Test
  void aTimeoutAppliesNothingUnlessAfterApplying() {
    fake.faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).timeout()
        .next(ImagesOperation.CREATE_CUSTOM_IMAGE).afterApplying().timeout();

    ImagesTransportException first = catchThrowableOfType(ImagesTransportException.class,
        () -> fake.createCustomImage(image("a")));
    assertThat(customCount()).isZero();
    ImagesTransportException second = catchThrowableOfType(ImagesTransportException.class,
        () -> fake.createCustomImage(image("b")));

    assertThat(first.failure()).isEqualTo(Failure.TIMEOUT);
    assertThat(second.failure()).isEqualTo(Failure.TIMEOUT);
    assertThat(second.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
    assertThat(customCount()).isEqualTo(1);
  }

  @Test
  void aServerErrorAfterApplyingLeavesTheEffect() {
    fake.faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).afterApplying().serverError(500);

    assertThatThrownBy(() -> fake.createCustomImage(image("half"))).isInstanceOf(ServerErrorException.class);

    assertThat(customCount()).isEqualTo(1);
    assertThat(fake.audits()).hasSize(1);
  }

  @Test
  void aDelayWaitsThroughTheSleeperThenSucceeds() {
    fake.faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST).delay(Duration.ofMillis(1500));

    assertThat(fake.retrieveImageList(ImageListQuery.all()).items()).isNotEmpty();
    fake.retrieveImageList(ImageListQuery.all());

    assertThat(waits).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void anInterruptDuringTheDelayKeepsTheFlagAndAppliesNothing() {
    FakeImages interrupted = FakeImages.builder().clock(clock).sleeper(d -> {
      throw new InterruptedException("stop");
    }).build();
    interrupted.faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).delay(Duration.ofSeconds(1));

    try {
      ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
          () -> interrupted.createCustomImage(image("x")));
      assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(interrupted.retrieveCustomImagesStats().currentImagesCount()).isZero();
  }

  @Test
  void badScriptsAreRejectedClearly() {
    FakeFaults faults = fake.faults();
    assertThatThrownBy(() -> faults.nextCalls(ImagesOperation.RETRIEVE_IMAGE, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be at least 1, was 0");
    assertThatThrownBy(() -> faults.next(ImagesOperation.RETRIEVE_IMAGE).serverError(404))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("status must be between 500 and 599, was 404");
    assertThatThrownBy(() -> faults.next(ImagesOperation.RETRIEVE_IMAGE).status(200, "ok"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 400 and 599");
    assertThatThrownBy(() -> faults.next(ImagesOperation.CREATE_CUSTOM_IMAGE).afterApplying().connectionRefused())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> faults.next(ImagesOperation.RETRIEVE_IMAGE).rateLimited(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(faults.pending(ImagesOperation.RETRIEVE_IMAGE)).isZero();
  }

  @Test
  void clearDropsTheScriptAndTheRandomProfile() {
    fake.faults().nextCalls(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, 3).serverError(500)
        .random(RandomFaults.builder(new java.util.Random(1)).errorPercent(100).build());

    fake.faults().clear();

    assertThat(fake.faults().pending(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS)).isZero();
    assertThat(fake.retrieveCustomImagesStats().currentImagesCount()).isZero();
    assertThat(fake.retrieveImageList(ImageListQuery.all()).items()).isNotEmpty();
  }

  @Test
  void faultsCarryEveryRequestIdOfAReusedContext() {
    fake.faults().nextCalls(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, 2).serverError(503);
    CallContext context = CallContext.create();

    assertThatThrownBy(() -> fake.retrieveCustomImagesStats(context)).isInstanceOf(ImagesServiceException.class);
    ImagesServiceException second = catchThrowableOfType(ImagesServiceException.class,
        () -> fake.retrieveCustomImagesStats(context));

    assertThat(second.requestIds()).hasSize(2).isEqualTo(context.requestIds());
    assertThat(fake.calls()).extracting(RecordedCall::requestId).isEqualTo(context.requestIds());
  }
}
