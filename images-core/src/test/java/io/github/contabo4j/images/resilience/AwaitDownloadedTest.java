package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code awaitDownloaded} through the decorator, on virtual time, against a scripted port. */
class AwaitDownloadedTest {
  private static final Image DOWNLOADING = withStatus("downloading", "");

  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);

  private ResilientImagesPort resilient(ResiliencePolicy policy) {
    return resilient(policy, time.sleeper());
  }

  private ResilientImagesPort resilient(ResiliencePolicy policy, Sleeper sleeper) {
    return ResilientImagesPort.builder().delegate(port).policy(policy).sleeper(sleeper).clock(time)
        .random(new Random(1)).build();
  }

  private static ResiliencePolicy unlimited() {
    return ResiliencePolicy.builder().noRateLimit().build();
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void returnsTheImageOnceDownloadedIgnoringCaseWaitingOnTheBackoffSchedule() {
    Image done = withStatus("DownLoaded", "");
    port.images(DOWNLOADING, DOWNLOADING, DOWNLOADING, done);

    Image image = resilient(unlimited()).awaitDownloaded("img-1", Duration.ofMinutes(1));

    assertThat(image).isSameAs(done);
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE)).hasSize(4);
    // backoffBase 200 ms, multiplier 2: the waits between the four polls
    assertThat(time.waits()).containsExactly(ms(200), ms(400), ms(800));
    assertThat(time.elapsed()).isEqualTo(ms(1400));
  }

  @Test
  void eachPollIsAnOrdinaryCallWithItsOwnRequestId() {
    port.images(DOWNLOADING, withStatus("downloaded", ""));

    resilient(unlimited()).awaitDownloaded("img-1", Duration.ofMinutes(1));

    List<ScriptedPort.Attempt> polls = port.attempts(ImagesOperation.RETRIEVE_IMAGE);
    assertThat(polls).extracting(ScriptedPort.Attempt::requestId).doesNotHaveDuplicates().hasSize(2);
    assertThat(polls).allSatisfy(p -> assertThat(p.attemptTimeout()).isEqualTo(Duration.ofSeconds(30)));
  }

  @Test
  void theIntervalGrowsByTheMultiplierAndIsCappedAtTenSeconds() {
    for (int i = 0; i < 9; i++) {
      port.images(DOWNLOADING);
    }
    port.images(withStatus("downloaded", ""));
    ResiliencePolicy policy = ResiliencePolicy.builder().noRateLimit().backoffBase(Duration.ofSeconds(1))
        .backoffMultiplier(3).backoffCap(Duration.ofSeconds(1)).build();

    resilient(policy).awaitDownloaded("img-1", Duration.ofMinutes(5));

    // the poll schedule uses base and multiplier but its own 10 s cap, not the retry backoff's cap
    assertThat(time.waits()).containsExactly(ms(1000), ms(3000), ms(9000), ms(10_000), ms(10_000), ms(10_000),
        ms(10_000), ms(10_000), ms(10_000));
  }

  @Test
  void aZeroBackoffBaseStillWaitsAtLeastOneHundredMilliseconds() {
    port.images(DOWNLOADING, DOWNLOADING, withStatus("downloaded", ""));
    ResiliencePolicy policy = ResiliencePolicy.builder().noRateLimit().backoffBase(Duration.ZERO)
        .backoffMultiplier(1).build();

    resilient(policy).awaitDownloaded("img-1", Duration.ofMinutes(1));

    assertThat(time.waits()).containsExactly(ms(100), ms(100));
  }

  @Test
  void statusErrorThrowsWithTheErrorMessageAndThePollsRequestId() {
    port.images(DOWNLOADING, withStatus("ERROR", "Error downloading image from provided URL"));

    ImageDownloadFailedException e = catchThrowableOfType(ImageDownloadFailedException.class,
        () -> resilient(unlimited()).awaitDownloaded("img-1", Duration.ofMinutes(1)));

    assertThat(e.imageId()).isEqualTo("img-1");
    assertThat(e.errorMessage()).isEqualTo("Error downloading image from provided URL");
    assertThat(e.getMessage()).contains("img-1").contains("Error downloading image from provided URL");
    assertThat(e.operation()).isEqualTo(ImagesOperation.RETRIEVE_IMAGE);
    assertThat(e.delivery()).isEqualTo(Delivery.ANSWERED);
    assertThat(e.requestIds()).containsExactly(port.attempts().get(1).requestId());
  }

  @Test
  void aTimeoutNeverSleepsPastItAndEndsWithOneFinalPollAtTheDeadline() {
    // the script is never used up: every poll reads downloading
    for (int i = 0; i < 50; i++) {
      port.images(DOWNLOADING);
    }

    io.github.contabo4j.images.DownloadTimeoutException e = catchThrowableOfType(
        io.github.contabo4j.images.DownloadTimeoutException.class,
        () -> resilient(unlimited()).awaitDownloaded("img-1", Duration.ofSeconds(1)));

    assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
    assertThat(e.delivery()).isEqualTo(Delivery.ANSWERED); // every poll was answered
    assertThat(e.lastStatus()).isEqualTo("downloading");
    assertThat(e.polls()).isEqualTo(4);
    assertThat(e.imageId()).isEqualTo("img-1");
    assertThat(e.getMessage()).contains("img-1").contains("still downloading").contains("PT1S").contains("4 polls");
    // 200 + 400, then the last wait is cut to the 400 ms left
    assertThat(time.waits()).containsExactly(ms(200), ms(400), ms(400));
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(1));
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE)).hasSize(4)
        .last().satisfies(a -> assertThat(a.at()).isEqualTo(VirtualTime.START.plusSeconds(1)));
    assertThat(e.requestIds()).containsExactly(port.attempts().get(3).requestId());
  }

  @Test
  void aZeroTimeoutPollsOnce() {
    port.images(DOWNLOADING);

    assertThatThrownBy(() -> resilient(unlimited()).awaitDownloaded("img-1", Duration.ZERO))
        .isInstanceOfSatisfying(ImagesTransportException.class, e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT));
    assertThat(port.attemptCount()).isOne();
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void notFoundPropagates() {
    port.images(DOWNLOADING).then(ScriptedPort.ok(), status(404));

    assertThatThrownBy(() -> resilient(unlimited()).awaitDownloaded("img-1", Duration.ofMinutes(1)))
        .isInstanceOf(ImageNotFoundException.class);
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE)).hasSize(2);
  }

  @Test
  void aPollsTransientFailureIsRetriedByTheDecorator() {
    port.then(status(503));
    port.images(withStatus("downloaded", ""));

    Image image = resilient(unlimited()).awaitDownloaded("img-1", Duration.ofMinutes(1));

    assertThat(image.isDownloaded()).isTrue();
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE)).hasSize(2);
  }

  @Test
  void pollsGoThroughTheRateLimiter() {
    port.images(DOWNLOADING, DOWNLOADING, withStatus("downloaded", ""));
    ResiliencePolicy policy = ResiliencePolicy.builder().rateLimit(1, Duration.ofSeconds(5)).build();

    resilient(policy).awaitDownloaded("img-1", Duration.ofMinutes(1));

    // each poll waits its poll interval, then for the next permit period
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE)).extracting(a -> Duration.between(VirtualTime.START, a.at()))
        .containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @Test
  void anInterruptBetweenPollsEndsTheWaitWithTheFlagSet() {
    port.images(DOWNLOADING);
    Sleeper interrupted = d -> {
      throw new InterruptedException("test");
    };

    try {
      ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
          () -> resilient(unlimited(), interrupted).awaitDownloaded("img-1", Duration.ofMinutes(1)));
      assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(port.attemptCount()).isOne();
  }

  @Test
  void badInputIsRejectedBeforeAnyPoll() {
    ResilientImagesPort resilient = resilient(unlimited());

    assertThatThrownBy(() -> resilient.awaitDownloaded("../x", Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("imageId"));
    assertThatThrownBy(() -> resilient.awaitDownloaded("img-1", Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("timeout"));
    assertThatThrownBy(() -> resilient.awaitDownloaded("img-1", Duration.ofDays(2)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).contains("one day"));
    assertThatThrownBy(() -> resilient.awaitDownloaded("img-1", null)).hasMessage("timeout == null");
    assertThat(port.attemptCount()).isZero();
  }

  @Test
  void theDefaultMethodPollsAPlainPortToo() {
    ImagesPort plain = port; // no decorator: the default implementation
    port.images(withStatus("downloaded", ""));

    assertThat(plain.awaitDownloaded("img-1", Duration.ofSeconds(5)).isDownloaded()).isTrue();

    port.images(withStatus("error", "boom"));
    assertThatThrownBy(() -> plain.awaitDownloaded("img-1", Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(ImageDownloadFailedException.class, e -> assertThat(e.errorMessage()).isEqualTo("boom"));
    assertThat(port.attempts(ImagesOperation.RETRIEVE_IMAGE)).extracting(ScriptedPort.Attempt::attemptTimeout)
        .containsOnlyNulls(); // no decorator limited the attempts: these polls bypassed it
  }
}
