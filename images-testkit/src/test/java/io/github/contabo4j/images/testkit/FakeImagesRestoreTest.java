package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.OsType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Restoring a whole state, the download-failure rule, and a status fault with Retry-After. */
class FakeImagesRestoreTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));

  @Test
  void aRestoredFakeHoldsTheSameImagesAndAuditsAndContinuesTheAuditIds() {
    FakeImages first = FakeImages.builder().clock(clock).build();
    String id = first.createCustomImage(CreateCustomImage.of("web", "https://example.com/web.qcow2", OsType.LINUX, "1"))
        .imageId();
    first.updateImage(id, ImageUpdate.builder().name("web2").build());

    FakeImages second = FakeImages.builder().clock(clock).seedStandardImages(false).build();
    second.seedCustomImage("dropped by the restore");
    second.restore(first.images(), first.audits());

    assertThat(second.images()).isEqualTo(first.images());
    assertThat(second.audits()).isEqualTo(first.audits());
    second.deleteImage(id);
    assertThat(second.audits()).extracting(AuditEntry::id).containsExactly(1L, 2L, 3L);
    assertThat(second.audits().get(2).action()).isEqualTo(AuditAction.DELETED);
  }

  @Test
  void aRestoredDownloadFinishesOnTheClockFromItsCreationDate() {
    FakeImages first = FakeImages.builder().clock(clock).build();
    String id = first.createCustomImage(CreateCustomImage.of("web", "https://example.com/web.qcow2", OsType.LINUX, "1"))
        .imageId();
    clock.advance(Duration.ofSeconds(20));
    FakeImages second = FakeImages.builder().clock(clock).build();
    second.restore(first.images(), first.audits());
    assertThat(second.image(id).orElseThrow().status()).isEqualTo(ImageStatus.DOWNLOADING);
    clock.advance(Duration.ofSeconds(10));
    assertThat(second.image(id).orElseThrow().status()).isEqualTo(ImageStatus.DOWNLOADED);
  }

  @Test
  void restoreRejectsAnInvalidImageIdAndChangesNothing() {
    FakeImages fake = FakeImages.builder().clock(clock).build();
    int before = fake.images().size();
    Image bad = fake.images().get(0);
    assertThatThrownBy(() -> fake.restore(List.of(bad.toBuilder()
        .imageId("not an id")
        .sizeMb(1)
        .uploadedSizeMb(1)
        .standardImage(false)
        .tags(List.of())
        .build()), List.of()))
        .hasMessageContaining("imageId");
    assertThat(fake.images()).hasSize(before);
  }

  @Test
  void aCustomDownloadRuleDecidesWhichUrlsFailAndWithWhichMessage() {
    FakeImages fake = FakeImages.builder().clock(clock)
        .downloadFailures(url -> url.contains("broken") ? Optional.of("checksum mismatch") : Optional.empty())
        .build();
    String broken = fake.createCustomImage(
        CreateCustomImage.of("a", "https://example.com/broken.iso", OsType.LINUX, "1")).imageId();
    String fine = fake.createCustomImage(
        CreateCustomImage.of("b", "https://host.invalid/fine.iso", OsType.LINUX, "1")).imageId();
    clock.advance(FakeImages.DEFAULT_DOWNLOAD_DURATION);
    assertThat(fake.image(broken).orElseThrow().status()).isEqualTo(ImageStatus.ERROR);
    assertThat(fake.image(broken).orElseThrow().errorMessage()).isEqualTo("checksum mismatch");
    assertThat(fake.image(fine).orElseThrow().status()).isEqualTo(ImageStatus.DOWNLOADED);
  }

  @Test
  void theDefaultRuleFailsInvalidHosts() {
    assertThat(FakeImages.invalidHostFails("https://x.invalid/a.iso")).contains(FakeImages.DOWNLOAD_FAILED_MESSAGE);
    assertThat(FakeImages.invalidHostFails("https://example.com/a.iso")).isEmpty();
  }

  @Test
  void aScriptedStatusCarriesItsRetryAfter() {
    FakeImages fake = FakeImages.builder().clock(clock).build();
    fake.faults().next(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS).status(503, "busy", Duration.ofSeconds(7));
    assertThatThrownBy(fake::retrieveCustomImagesStats)
        .isInstanceOfSatisfying(ImagesServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        });
    assertThat(fake.retrieveCustomImagesStats().currentImagesCount()).isZero();
  }
}
