package io.github.contabo4j.images.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CapturedLogs;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.ImageStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** {@code ImageUploads.awaitDownloaded} calls the progress callback on every poll, and contains its failures. */
class AwaitProgressTest {
  private final MovingClock clock = new MovingClock();

  /** A clock that the sleeper moves. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2024-06-03T08:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Answers retrieveImage from a script, one image per poll. */
  private static final class PollPort extends StatsPortBase {
    private final Deque<Image> answers;

    PollPort(List<Image> answers) {
      this.answers = new ArrayDeque<>(answers);
    }

    @Override
    public Image retrieveImage(String imageId, CallContext context) {
      context.newRequestId();
      return answers.size() == 1 ? answers.peek() : answers.poll();
    }
  }

  private ImageUploads uploads(List<Image> answers) {
    return ImageUploads.builder(new PollPort(answers)).clock(clock)
        .sleeper(d -> clock.now = clock.now.plus(d)).build();
  }

  private static Image image(ImageStatus status, long uploadedMb, String error) {
    return Image.builder()
        .imageId("img-1")
        .name("web")
        .description("")
        .url("https://images.example.com/web.qcow2?sig=5ecre7-9q")
        .sizeMb(2048)
        .uploadedSizeMb(uploadedMb)
        .version("24.04")
        .status(status)
        .errorMessage(error)
        .build();
  }

  @Test
  void theCallbackSeesEveryPollWithStatusUploadedSizeAndElapsedTime() {
    List<DownloadProgress> seen = new ArrayList<>();
    ImageUploads uploads = uploads(List.of(image(ImageStatus.DOWNLOADING, 0, ""),
        image(ImageStatus.DOWNLOADING, 700, ""), image(ImageStatus.DOWNLOADED, 2048, "")));

    Image done = uploads.awaitDownloaded("img-1", AwaitOptions.timeout(Duration.ofMinutes(5)).onProgress(seen::add));

    assertThat(done.isDownloaded()).isTrue();
    assertThat(seen).extracting(DownloadProgress::uploadedSizeMb).containsExactly(0L, 700L, 2048L);
    assertThat(seen).extracting(DownloadProgress::poll).containsExactly(1, 2, 3);
    assertThat(seen).extracting(DownloadProgress::elapsed)
        .containsExactly(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(600));
    assertThat(seen.get(2).status()).isEqualTo(ImageStatus.DOWNLOADED);
    assertThat(seen.get(2).sizeMb()).isEqualTo(2048);
  }

  @Test
  void aThrowingCallbackIsContainedAndLoggedByTypeOnly() {
    ImageUploads uploads = uploads(List.of(image(ImageStatus.DOWNLOADING, 0, ""), image(ImageStatus.DOWNLOADED, 2048, "")));
    CapturedLogs.start();

    Image done = uploads.awaitDownloaded("img-1", AwaitOptions.timeout(Duration.ofMinutes(5)).onProgress(p -> {
      throw new IllegalStateException("callback bug holding a secret s3cr3t-in-callback");
    }));
    var events = CapturedLogs.stop();

    assertThat(done.isDownloaded()).isTrue();
    assertThat(events).filteredOn(e -> e.level() == Level.WARN).hasSize(2).allSatisfy(e -> {
      assertThat(e.message()).contains("img-1", "IllegalStateException").doesNotContain("s3cr3t-in-callback");
      assertThat(e.thrown()).isNull();
    });
  }

  @Test
  void onErrorTheExceptionKeepsTheServicesErrorMessage() {
    ImageUploads uploads = uploads(List.of(image(ImageStatus.ERROR, 0, "Error downloading image from provided URL")));

    assertThatThrownBy(() -> uploads.awaitDownloaded("img-1", AwaitOptions.timeout(Duration.ofMinutes(1))))
        .isInstanceOfSatisfying(ImageDownloadFailedException.class, e -> {
          assertThat(e.errorMessage()).isEqualTo("Error downloading image from provided URL");
          assertThat(e.preflightFindings()).isEmpty();
        });
  }

  @Test
  void aDownloadFailureCarriesPreflightFindingsInItsMessage() {
    ImageDownloadFailedException e = new ImageDownloadFailedException("img-1", "boom", List.of("r-1"), null)
        .withPreflightFindings(List.of("EXTENSION_MISMATCH (hint): the URL ends in .iso but the content is qcow2"));

    assertThat(e.errorMessage()).isEqualTo("boom");
    assertThat(e.requestIds()).containsExactly("r-1");
    assertThat(e.preflightFindings()).hasSize(1);
    assertThat(e.getMessage()).contains("download failed (status error): boom",
        "the preflight found: EXTENSION_MISMATCH (hint)");
  }

  @Test
  void optionsAreConfigurationSoABadSettingIsAnIllegalArgumentNamingIt() {
    assertConfigError(() -> AwaitOptions.timeout(Duration.ofSeconds(-1)), "timeout must be from zero to one day");
    assertConfigError(() -> EnsureOptions.builder().waitUntilDownloaded(Duration.ofDays(2)).build(),
        "waitFor must be from zero to one day");
    assertConfigError(() -> EnsureOptions.builder().replaceTimeout(Duration.ZERO).build(),
        "replaceTimeout must be from 1 s to one day");
    assertConfigError(() -> PreflightOptions.defaults().withMaxRedirects(11), "maxRedirects must be from 0 to 10");
    assertConfigError(() -> PreflightOptions.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)),
        "connectTimeout must be from 1 ms to PT1M");
  }

  @Test
  void optionsAreValuesAndCopiesKeepTheirOtherSettings() {
    EnsureOptions ensure = EnsureOptions.builder().preflight(true).ignoreQuery(true)
        .waitUntilDownloaded(Duration.ofMinutes(3)).build();
    assertThat(ensure.toBuilder().build()).isEqualTo(ensure).hasSameHashCodeAs(ensure).hasToString(ensure.toString());
    assertThat(ensure.toBuilder().replaceWhenFailed(true).build()).isNotEqualTo(ensure);
    assertThat(ensure.toString()).startsWith("EnsureOptions[waitFor=PT3M, ").contains("preflight=true");
    assertThat(EnsureOptions.defaults()).isEqualTo(EnsureOptions.builder().build());

    PreflightOptions preflight = PreflightOptions.defaults().withMaxRedirects(5).allowingLoopbackForTests();
    assertThat(preflight.maxRedirects()).isEqualTo(5);
    assertThat(preflight.allowLoopback()).isTrue();
    assertThat(preflight.connectTimeout()).isEqualTo(PreflightOptions.defaults().connectTimeout());
    assertThat(preflight).isEqualTo(PreflightOptions.defaults().allowingLoopbackForTests().withMaxRedirects(5))
        .isNotEqualTo(PreflightOptions.defaults());

    AwaitOptions await = AwaitOptions.timeout(Duration.ofSeconds(5));
    assertThat(await).isEqualTo(AwaitOptions.timeout(Duration.ofSeconds(5))).hasToString(
        "AwaitOptions[timeout=PT5S, progress=null]");
    assertThat(await.onProgress(p -> { }).timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  private static void assertConfigError(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
