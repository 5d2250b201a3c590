package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakeImagesRecordingTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));
  private final FakeImages fake = FakeImages.builder().clock(clock).build();

  @Test
  void everyCallIsRecordedWithItsIdsAndArguments() {
    CallContext create = CallContext.create().withTraceId("trace-1");
    String id = fake.createCustomImage(
        CreateCustomImage.of("web", "https://images.example.com/web.qcow2", OsType.LINUX, "22.04"), create).imageId();
    clock.advance(Duration.ofSeconds(5));
    fake.retrieveImageList(ImageListQuery.builder().name("web").page(2).build());
    fake.updateImage(id, ImageUpdate.rename("web-2"));
    fake.retrieveImageAuditsList(AuditQuery.byImageId(id));

    assertThat(fake.calls()).extracting(RecordedCall::operation).containsExactly(
        ImagesOperation.CREATE_CUSTOM_IMAGE, ImagesOperation.RETRIEVE_IMAGE_LIST,
        ImagesOperation.UPDATE_IMAGE, ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST);
    RecordedCall first = fake.calls().get(0);
    assertThat(first.requestId()).isEqualTo(create.lastRequestId().orElseThrow());
    assertThat(first.traceId()).isEqualTo("trace-1");
    assertThat(first.arguments()).isEqualTo(
        "name=web, url=https://images.example.com/web.qcow2, osType=Linux, version=22.04");
    assertThat(first.at()).isEqualTo(Instant.parse("2024-06-03T08:00:00Z"));
    assertThat(fake.calls().get(1).arguments()).isEqualTo("page=2&name=web");
    assertThat(fake.calls().get(1).traceId()).isNull();
    assertThat(fake.calls().get(1).at()).isEqualTo(Instant.parse("2024-06-03T08:00:05Z"));
    assertThat(fake.calls().get(2).arguments()).isEqualTo("imageId=" + id + ", name=web-2");
    assertThat(fake.calls().get(3).arguments()).isEqualTo("imageId=" + id);
  }

  @Test
  void failedCallsAreRecordedAndCountedPerOperation() {
    fake.retrieveCustomImagesStats();
    fake.retrieveCustomImagesStats();
    assertThatThrownBy(() -> fake.retrieveImage("no-such-image")).isInstanceOf(ImageNotFoundException.class);

    assertThat(fake.callCount(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS)).isEqualTo(2);
    assertThat(fake.callCount(ImagesOperation.RETRIEVE_IMAGE)).isEqualTo(1);
    assertThat(fake.callCount(ImagesOperation.DELETE_IMAGE)).isZero();
    assertThat(fake.calls(ImagesOperation.RETRIEVE_IMAGE)).singleElement()
        .extracting(RecordedCall::arguments).isEqualTo("imageId=no-such-image");
  }

  @Test
  void eachCallDrawsExactlyOneRequestId() {
    CallContext context = CallContext.create();

    fake.retrieveImageList(ImageListQuery.all(), context);

    assertThat(context.requestIds()).hasSize(1);
    assertThat(fake.calls()).singleElement().extracting(RecordedCall::requestId)
        .isEqualTo(context.requestIds().get(0));
  }

  @Test
  void badInputIsNeitherRecordedNorGivenARequestId() {
    CallContext context = CallContext.create();

    assertThatThrownBy(() -> fake.deleteImage("a/b", context)).isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("imageId ");
    assertThatThrownBy(() -> fake.retrieveImage(null, context)).isInstanceOf(InvalidRequestException.class);

    assertThat(fake.calls()).isEmpty();
    assertThat(context.requestIds()).isEmpty();
  }

  @Test
  void clearCallsForgetsTheRecordingButNotTheState() {
    fake.seedCustomImage("kept");
    fake.retrieveCustomImagesStats();

    fake.clearCalls();

    assertThat(fake.calls()).isEmpty();
    assertThat(fake.callCount(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS)).isZero();
    assertThat(fake.retrieveCustomImagesStats().currentImagesCount()).isEqualTo(1);
  }

  @Test
  void seedingIsNotACall() {
    fake.seedCustomImage("quiet");
    fake.seedStandardImage("plan9", OsType.of("Plan9"), "4");

    assertThat(fake.calls()).isEmpty();
    assertThat(fake.audits()).isEmpty();
  }

  @Test
  void historyIsBoundedWhileCountsKeepCounting() {
    FakeImages bounded = FakeImages.builder().clock(clock).callHistoryLimit(3).build();
    for (int i = 0; i < 5; i++) {
      bounded.retrieveCustomImagesStats();
    }
    bounded.retrieveImageList(ImageListQuery.all());

    assertThat(bounded.calls()).extracting(RecordedCall::operation).containsExactly(
        ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS,
        ImagesOperation.RETRIEVE_IMAGE_LIST);
    assertThat(bounded.callCount(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS)).isEqualTo(5);
    assertThat(bounded.callCount(ImagesOperation.RETRIEVE_IMAGE_LIST)).isEqualTo(1);

    bounded.clearCalls();
    assertThat(bounded.calls()).isEmpty();
    assertThat(bounded.callCount(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS)).isZero();
    assertThatThrownBy(() -> FakeImages.builder().callHistoryLimit(0))
        .hasMessageContaining("callHistoryLimit must be at least 1");
  }
}
