package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.ConflictException;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageTag;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Downloads on the clock, seeding, stats, the builder's settings and the catalogue. */
class FakeImagesStateTest {
  private static final Instant T0 = Instant.parse("2024-06-03T08:00:00Z");
  private final MutableClock clock = MutableClock.at(T0);
  private final FakeImages fake = FakeImages.builder().clock(clock).build();

  private static CreateCustomImage image(String name) {
    return CreateCustomImage.of(name, "https://images.example.com/" + name + ".qcow2", OsType.LINUX, "1");
  }

  @Test
  void theBuilderDefaultsAreTheStatedOnes() {
    FakeImages defaults = FakeImages.create();

    assertThat(defaults.clock().getZone()).isEqualTo(Clock.systemUTC().getZone());
    assertThat(defaults.downloadDuration()).isEqualTo(Duration.ofSeconds(30)).isEqualTo(FakeImages.DEFAULT_DOWNLOAD_DURATION);
    assertThat(defaults.storageQuotaMb()).isEqualTo(102_400);
    assertThat(defaults.defaultCustomImageSizeMb()).isEqualTo(1024);
    assertThat(defaults.tenantId()).isEqualTo(TenantId.DE);
    assertThat(defaults.customerId()).isEqualTo("54321");
    assertThat(defaults.images()).hasSize(15).allMatch(Image::standardImage);
  }

  @Test
  void aDownloadStandsStillOnAFrozenClockAndEndsOnTime() {
    FakeImages slow = FakeImages.builder().clock(clock).downloadDuration(Duration.ofMinutes(10)).build();
    String id = slow.createCustomImage(image("big")).imageId();

    clock.advance(Duration.ofMinutes(10).minusMillis(1));
    assertThat(slow.retrieveImage(id).status()).isEqualTo(ImageStatus.DOWNLOADING);
    assertThat(slow.retrieveImage(id).uploadedSizeMb()).isZero();
    clock.advance(Duration.ofMillis(1));
    Image done = slow.retrieveImage(id);

    assertThat(done.status()).isEqualTo(ImageStatus.DOWNLOADED);
    assertThat(done.lastModifiedDate()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void aLateReadDatesTheDownloadAtItsEndNotAtTheRead() {
    String id = fake.createCustomImage(image("late")).imageId();

    clock.advance(Duration.ofHours(3));

    assertThat(fake.image(id).orElseThrow().lastModifiedDate()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void theFailingUrlRuleCoversTheBareInvalidHostButNotLookalikes() {
    String bare = fake.createCustomImage(
        CreateCustomImage.of("a", "http://invalid/x.iso", OsType.LINUX, "1")).imageId();
    String lookalike = fake.createCustomImage(
        CreateCustomImage.of("b", "https://invalid.example.com/x.iso", OsType.LINUX, "1")).imageId();

    clock.advance(fake.downloadDuration());

    assertThat(fake.retrieveImage(bare).isFailed()).isTrue();
    assertThat(fake.retrieveImage(bare).uploadedSizeMb()).isZero();
    assertThat(fake.retrieveImage(lookalike).isDownloaded()).isTrue();
  }

  @Test
  void explicitDownloadEndsAreCheckedAndWinOverTheClock() {
    String id = fake.createCustomImage(image("x")).imageId();
    String standard = fake.images().get(0).imageId();

    Image failed = fake.failDownload(id, "disk full");
    clock.advance(Duration.ofHours(1));

    assertThat(fake.retrieveImage(id).errorMessage()).isEqualTo("disk full");
    assertThat(failed.status()).isEqualTo(ImageStatus.ERROR);
    assertThatThrownBy(() -> fake.completeDownload(id)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not downloading");
    assertThatThrownBy(() -> fake.completeDownload(standard)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.completeDownload("nope")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fake.failDownload(id, " ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSeededDownloadingImageDownloadsLikeACreatedOne() {
    Image seeded = fake.seed(Image.builder()
        .imageId("seeded-1")
        .tenantId(TenantId.DE)
        .customerId("54321")
        .name("s")
        .description("")
        .url("https://x.invalid/s.qcow2")
        .sizeMb(10)
        .osType(OsType.LINUX)
        .version("1")
        .format(ImageFormat.QCOW2)
        .status(ImageStatus.DOWNLOADING)
        .errorMessage("")
        .creationDate(T0)
        .lastModifiedDate(T0)
        .tags(List.of(new ImageTag(1, "t")))
        .build());

    clock.advance(fake.downloadDuration());

    assertThat(fake.image(seeded.imageId()).orElseThrow().isFailed()).isTrue();
    assertThat(fake.retrieveImageList(ImageListQuery.builder().standardImage(false).build()).items().get(0).tags())
        .containsExactly(new ImageTag(1, "t"));
    assertThat(fake.retrieveImage("seeded-1").tags()).isEmpty();
  }

  @Test
  void seedingIgnoresTheQuotaAndStatsFollowIt() {
    FakeImages small = FakeImages.builder().clock(clock).storageQuotaMb(1000).defaultCustomImageSizeMb(400).build();
    small.seedCustomImage("huge", 1500);

    ImageStats stats = small.retrieveCustomImagesStats();

    assertThat(stats.usedSizeMb()).isEqualTo(1500);
    assertThat(stats.freeSizeMb()).isZero();
    assertThatThrownBy(() -> small.createCustomImage(image("more"))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("quota");
  }

  @Test
  void aSeededStandardImageIsStableByName() {
    Image first = fake.seedStandardImage("plan9", OsType.of("Plan9"), "4");
    Image again = fake.seedStandardImage("plan9", OsType.of("Plan9"), "4");

    assertThat(first.imageId()).isEqualTo(again.imageId());
    assertThat(fake.images()).filteredOn(i -> i.name().equals("plan9")).hasSize(1);
    assertThat(first.standardImage()).isTrue();
  }

  @Test
  void theCatalogueIsTheSameInEveryFake() {
    assertThat(FakeImages.create().images()).isEqualTo(FakeImages.create().images());
    assertThat(FakeImages.builder().seedStandardImages(false).build().images()).isEmpty();
  }

  @Test
  void auditChangesShowPrevAndNew() {
    String id = fake.createCustomImage(image("one").withDescription("first")).imageId();
    fake.updateImage(id, ImageUpdate.builder().name("two").description("second").build());
    fake.deleteImage(id);

    List<AuditEntry> audits = fake.audits();

    assertThat(audits).extracting(AuditEntry::id).containsExactly(1L, 2L, 3L);
    assertThat(audits.get(0).changes()).isEqualTo(Map.of("prev", Map.of(), "new", Map.of("name", "one",
        "description", "first", "url", "https://images.example.com/one.qcow2", "osType", "Linux", "version", "1")));
    assertThat(audits.get(1).changes()).isEqualTo(Map.of(
        "prev", Map.of("name", "one", "description", "first"), "new", Map.of("name", "two", "description", "second")));
    assertThat(audits.get(2).changes().get("new")).isEqualTo(Map.of());
  }

  @Test
  void theBuilderRejectsBadSettings() {
    FakeImages.Builder builder = FakeImages.builder();

    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock == null");
    assertThatThrownBy(() -> builder.downloadDuration(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.storageQuotaMb(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.defaultCustomImageSizeMb(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.customerId(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.sleeper(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theAccountSettingsReachImagesStatsAndAudits() {
    FakeImages other = FakeImages.builder().clock(clock).tenantId(TenantId.INT).customerId("777")
        .user("u-1", "alice").build();
    String id = other.createCustomImage(image("x")).imageId();

    assertThat(other.retrieveImage(id).tenantId()).isEqualTo(TenantId.INT);
    assertThat(other.retrieveCustomImagesStats().customerId()).isEqualTo("777");
    assertThat(other.audits()).singleElement().satisfies(a -> {
      assertThat(a.changedBy()).isEqualTo("u-1");
      assertThat(a.username()).isEqualTo("alice");
      assertThat(a.customerId()).isEqualTo("777");
    });
  }
}
