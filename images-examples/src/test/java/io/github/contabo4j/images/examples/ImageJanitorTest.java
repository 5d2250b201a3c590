package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.resilience.ResilientImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.MutableClock;
import io.github.contabo4j.images.testkit.junit.FakeImagesExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service against the in-memory fake: the pattern to copy. Each test gets a fresh fake on its own
 * virtual clock; the service sees it through the same resilience decorator every transport applies,
 * waiting on that clock, so retries take no real time.
 */
class ImageJanitorTest {
  private static final Instant T0 = Instant.parse("2024-06-03T08:00:00Z");

  @RegisterExtension
  static FakeImagesExtension images =
      FakeImagesExtension.inMemory(() -> FakeImages.builder().clock(MutableClock.at(T0)).build());

  /** Every wait the decorator made. */
  private final List<Duration> waits = new ArrayList<>();

  @Test
  void keepsTheNewestOfEachNameAndDeletesTheRest() {
    Image oldest = seed("web");
    Image middle = seed("web");
    Image newest = seed("web");
    Image onlyDb = seed("db");

    ImageJanitor.Result result = new ImageJanitor(port(), 2).sweep();

    assertThat(result.deleted()).containsExactly(oldest);
    assertThat(result.kept()).containsExactly(newest, middle, onlyDb);
    assertThat(result.failed()).isEmpty();
    assertThat(fake().image(oldest.imageId())).isEmpty();
    assertThat(fake().audits()).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo(AuditAction.DELETED);
      assertThat(entry.imageId()).isEqualTo(oldest.imageId());
    });
  }

  @Test
  void neverTouchesStandardImages() {
    long standard = fake().images().stream().filter(Image::standardImage).count();
    seed("web");

    new ImageJanitor(port(), 1).sweep();

    assertThat(fake().images().stream().filter(Image::standardImage).count()).isEqualTo(standard).isPositive();
    assertThat(fake().callCount(ImagesOperation.DELETE_IMAGE)).isZero();
  }

  @Test
  void leavesImagesThatAreStillDownloadingAlone() {
    Image downloaded = seed("web");
    String downloading = fake().createCustomImage(
        CreateCustomImage.of("web", "https://images.example.com/web.qcow2", OsType.LINUX, "2")).imageId();

    ImageJanitor.Result result = new ImageJanitor(port(), 1).sweep();

    assertThat(result.deleted()).isEmpty();
    assertThat(result.kept()).containsExactly(downloaded);
    assertThat(fake().image(downloading)).isPresent();
  }

  @Test
  void readsEveryPageBeforeDeleting() {
    for (int i = 0; i < 230; i++) {
      seed("nightly");
    }

    ImageJanitor.Result result = new ImageJanitor(port(), 3).sweep();

    assertThat(result.deleted()).hasSize(227);
    assertThat(result.kept()).hasSize(3);
    assertThat(fake().callCount(ImagesOperation.RETRIEVE_IMAGE_LIST)).as("pages of 100").isEqualTo(3);
    assertThat(fake().images().stream().filter(i -> !i.standardImage())).hasSize(3);
  }

  @Test
  void aRateLimitedListIsRetriedByThePortNotTheService() {
    Image old = seed("web");
    seed("web");
    fake().faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST).rateLimited(Duration.ofSeconds(2));

    ImageJanitor.Result result = new ImageJanitor(port(), 1).sweep();

    assertThat(result.deleted()).containsExactly(old);
    assertThat(waits).as("Retry-After honoured on the virtual clock").contains(Duration.ofSeconds(2));
    assertThat(fake().callCount(ImagesOperation.RETRIEVE_IMAGE_LIST)).isEqualTo(2);
  }

  @Test
  void aFailedDeleteIsReportedWithItsRequestIdAndTheSweepGoesOn() {
    Image oldest = seed("web");
    Image older = seed("web");
    seed("web");
    // A 500 on a write is not retried (Contabo answers 500 to some bad input), so it reaches the service.
    fake().faults().next(ImagesOperation.DELETE_IMAGE).serverError(500);

    ImageJanitor.Result result = new ImageJanitor(port(), 1).sweep();

    assertThat(result.failed()).singleElement().satisfies(failure -> {
      assertThat(failure.image()).isEqualTo(older);
      assertThat(failure.error()).isInstanceOfSatisfying(ImagesServiceException.class,
          e -> assertThat(e.statusCode()).isEqualTo(500));
      assertThat(failure.error().requestIds())
          .containsExactly(fake().calls(ImagesOperation.DELETE_IMAGE).get(0).requestId());
    });
    assertThat(result.deleted()).containsExactly(oldest);
    assertThat(fake().image(older.imageId())).isPresent();
  }

  @Test
  void anImageAlreadyGoneCountsAsDeleted() {
    Image old = seed("web");
    seed("web");
    fake().faults().next(ImagesOperation.DELETE_IMAGE).status(404, "Entry Image not found by imageId " + old.imageId());

    ImageJanitor.Result result = new ImageJanitor(port(), 1).sweep();

    assertThat(result.deleted()).containsExactly(old);
    assertThat(result.failed()).isEmpty();
  }

  @Test
  void keepsAtLeastOne() {
    assertThatThrownBy(() -> new ImageJanitor(fake(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("keep must be at least 1, was 0");
  }

  private static FakeImages fake() {
    return images.fake();
  }

  private static MutableClock clock() {
    return (MutableClock) fake().clock();
  }

  /** Seeds a downloaded custom image created now, then moves the clock on, so each is newer than the last. */
  private static Image seed(String name) {
    Image image = fake().seedCustomImage(name);
    clock().advance(Duration.ofMinutes(1));
    return image;
  }

  /** The fake behind the decorator a transport applies, waiting on the fake's virtual clock. */
  private ImagesPort port() {
    MutableClock clock = clock();
    return ResilientImagesPort.builder()
        .delegate(fake())
        .clock(clock)
        .sleeper(duration -> {
          waits.add(duration);
          clock.advance(duration);
        })
        .build();
  }
}
