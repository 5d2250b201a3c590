package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.resilience.ResilientImagesPort;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@code awaitDownloaded} through the resilience decorator around the fake, on the fake's virtual clock. */
class AwaitDownloadedFakeTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private final MutableClock clock = MutableClock.at(T0);
  private final FakeImages fake = FakeImages.builder().clock(clock).build();

  private ImagesPort images(Sleeper sleeper) {
    return ResilientImagesPort.builder().delegate(fake).policy(ResiliencePolicy.defaults()).clock(clock)
        .sleeper(sleeper).build();
  }

  private String create(String url) {
    return fake.createCustomImage(CreateCustomImage.of("img", url, OsType.LINUX, "24.04")).imageId();
  }

  private Duration elapsed() {
    return Duration.between(T0, clock.instant());
  }

  @Test
  void returnsTheImageOnceTheFakesDownloadCompletes() {
    String id = create("https://example.com/ubuntu.qcow2");

    Image image = images(clock.sleeper()).awaitDownloaded(id, Duration.ofMinutes(2));

    assertThat(image.isDownloaded()).isTrue();
    assertThat(image.imageId()).isEqualTo(id);
    // the 30 s download, found by a poll at most one poll interval (10 s) late
    assertThat(elapsed()).isBetween(FakeImages.DEFAULT_DOWNLOAD_DURATION, FakeImages.DEFAULT_DOWNLOAD_DURATION.plusSeconds(10));
    assertThat(fake.calls()).filteredOn(c -> c.operation() == ImagesOperation.RETRIEVE_IMAGE).hasSizeBetween(5, 12);
  }

  @Test
  void anUnresolvableUrlEndsInADownloadFailure() {
    String id = create("https://images.example.invalid/broken.iso");

    ImageDownloadFailedException e = catchThrowableOfType(ImageDownloadFailedException.class,
        () -> images(clock.sleeper()).awaitDownloaded(id, Duration.ofMinutes(2)));

    assertThat(e.imageId()).isEqualTo(id);
    assertThat(e.errorMessage()).isEqualTo(FakeImages.DOWNLOAD_FAILED_MESSAGE);
    assertThat(e.getMessage()).contains(FakeImages.DOWNLOAD_FAILED_MESSAGE);
  }

  @Test
  void aDownloadFailedWhileWaitingEndsTheWaitWithItsMessage() {
    String id = create("https://example.com/ubuntu.qcow2");
    AtomicBoolean failed = new AtomicBoolean();
    Sleeper failOnFirstWait = d -> {
      clock.advance(d);
      if (failed.compareAndSet(false, true)) {
        fake.failDownload(id, "disk full");
      }
    };

    assertThatThrownBy(() -> images(failOnFirstWait).awaitDownloaded(id, Duration.ofMinutes(2)))
        .isInstanceOfSatisfying(ImageDownloadFailedException.class, e -> assertThat(e.errorMessage()).isEqualTo("disk full"));
    assertThat(elapsed()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aDownloadSlowerThanTheTimeoutTimesOutOnTheVirtualClock() {
    String id = create("https://example.com/ubuntu.qcow2");

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> images(clock.sleeper()).awaitDownloaded(id, Duration.ofSeconds(20)));

    assertThat(e.failure()).isEqualTo(ImagesTransportException.Failure.TIMEOUT);
    assertThat(elapsed()).isEqualTo(Duration.ofSeconds(20));
    assertThat(fake.retrieveImage(id).isDownloading()).isTrue();
  }

  @Test
  void anUnknownImageIsNotFound() {
    assertThatThrownBy(() -> images(clock.sleeper()).awaitDownloaded("no-such-image", Duration.ofMinutes(1)))
        .isInstanceOf(ImageNotFoundException.class);
    assertThat(elapsed()).isZero();
  }
}
