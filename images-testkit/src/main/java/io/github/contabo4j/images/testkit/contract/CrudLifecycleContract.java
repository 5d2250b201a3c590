package io.github.contabo4j.images.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.RecordedCall;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract of creating, reading, changing and deleting images, of the download lifecycle, and of
 * the statistics. Extend it and implement {@link #portFor}; see {@link PortContract}.
 */
public abstract class CrudLifecycleContract extends PortContract {

  /** For subclasses. */
  protected CrudLifecycleContract() {}

  @Test
  void createdImageStartsDownloadingWithTheRequestedFields() {
    CreateCustomImage request = CreateCustomImage.of(
        "web-base", "https://images.example.com/web-base.qcow2?sig=abc", OsType.LINUX, "22.04")
        .withDescription("the web tier");

    CreatedImage created = port().createCustomImage(request);
    Image image = port().retrieveImage(created.imageId());

    assertEquals(created.imageId(), image.imageId());
    assertEquals("web-base", image.name());
    assertEquals("the web tier", image.description());
    assertEquals("https://images.example.com/web-base.qcow2?sig=abc", image.url());
    assertTrue(OsType.LINUX.is(image.osType()), "osType " + image.osType());
    assertEquals("22.04", image.version());
    assertTrue(ImageFormat.QCOW2.is(image.format()), "format " + image.format());
    assertTrue(image.isDownloading(), "status " + image.status());
    assertFalse(image.standardImage());
    assertEquals("", image.errorMessage());
    assertEquals(START, image.creationDate());
    assertEquals(START, image.lastModifiedDate());
    assertEquals(fake().defaultCustomImageSizeMb(), image.sizeMb());
  }

  @Test
  void createdImageBelongsToTheAccount() {
    CreatedImage created = port().createCustomImage(linuxImage("owned"));
    Image image = port().retrieveImage(created.imageId());

    assertFalse(created.reconciled());
    assertEquals(fake().tenantId(), created.tenantId());
    assertEquals(fake().customerId(), created.customerId());
    assertEquals(fake().tenantId(), image.tenantId());
    assertEquals(fake().customerId(), image.customerId());
  }

  @Test
  void anIsoUrlGivesAnIsoImage() {
    String id = port().createCustomImage(
        CreateCustomImage.of("installer", "https://images.example.com/win.ISO", OsType.WINDOWS, "2022")).imageId();

    Image image = port().retrieveImage(id);

    assertTrue(ImageFormat.ISO.is(image.format()), "format " + image.format());
    assertTrue(OsType.WINDOWS.is(image.osType()), "osType " + image.osType());
  }

  @Test
  void downloadCompletesOnceTheDownloadDurationHasPassed() {
    String id = port().createCustomImage(linuxImage("slow")).imageId();
    Duration duration = fake().downloadDuration();

    clock().advance(duration.minusSeconds(1));
    assertTrue(port().retrieveImage(id).isDownloading(), "still downloading one second early");

    clock().advance(Duration.ofSeconds(1));
    Image done = port().retrieveImage(id);
    assertTrue(done.isDownloaded(), "status " + done.status());
    assertEquals(done.sizeMb(), done.uploadedSizeMb());
    assertEquals("", done.errorMessage());
    assertEquals(START.plus(duration), done.lastModifiedDate());
  }

  @Test
  void completeDownloadEndsItAtOnce() {
    String id = port().createCustomImage(linuxImage("quick")).imageId();

    fake().completeDownload(id);

    assertTrue(port().retrieveImage(id).isDownloaded());
  }

  @Test
  void failDownloadShowsTheErrorAndItsMessage() {
    String id = port().createCustomImage(linuxImage("broken")).imageId();

    fake().failDownload(id, "checksum mismatch");

    Image image = port().retrieveImage(id);
    assertTrue(image.isFailed(), "status " + image.status());
    assertEquals("checksum mismatch", image.errorMessage());
  }

  @Test
  void aUrlOnAnInvalidHostEndsInError() {
    String id = port().createCustomImage(
        CreateCustomImage.of("nowhere", "https://mirror.example.invalid/x.qcow2", OsType.LINUX, "1")).imageId();

    assertTrue(port().retrieveImage(id).isDownloading());
    clock().advance(fake().downloadDuration());

    Image image = port().retrieveImage(id);
    assertTrue(image.isFailed(), "status " + image.status());
    assertEquals(FakeImages.DOWNLOAD_FAILED_MESSAGE, image.errorMessage());
  }

  @Test
  void renameChangesTheNameOnly() {
    String id = port().createCustomImage(linuxImage("old-name").withDescription("kept")).imageId();
    clock().advance(Duration.ofMinutes(5));

    ImageRef ref = port().updateImage(id, ImageUpdate.rename("new-name"));

    assertEquals(id, ref.imageId());
    assertEquals(fake().customerId(), ref.customerId());
    Image image = port().retrieveImage(id);
    assertEquals("new-name", image.name());
    assertEquals("kept", image.description());
    assertEquals(START, image.creationDate());
    assertEquals(START.plus(Duration.ofMinutes(5)), image.lastModifiedDate());
  }

  @Test
  void describeChangesTheDescriptionOnly() {
    String id = port().createCustomImage(linuxImage("described")).imageId();

    port().updateImage(id, ImageUpdate.describe("now with a description"));

    Image image = port().retrieveImage(id);
    assertEquals("described", image.name());
    assertEquals("now with a description", image.description());
  }

  @Test
  void deleteRemovesTheImage() {
    String id = port().createCustomImage(linuxImage("doomed")).imageId();

    port().deleteImage(id);

    assertThrows(ImageNotFoundException.class, () -> port().retrieveImage(id));
    assertTrue(customImagesThroughPort().stream().noneMatch(i -> i.imageId().equals(id)));
  }

  @Test
  void statsAgreeWithTheCustomImagesThroughTheLifecycle() {
    fake().seedCustomImage("seeded", 5000);
    assertStatsAgree(1, 5000);

    String a = port().createCustomImage(linuxImage("a")).imageId();
    port().createCustomImage(linuxImage("b"));
    long size = fake().defaultCustomImageSizeMb();
    assertStatsAgree(3, 5000 + 2 * size);

    clock().advance(fake().downloadDuration());
    assertStatsAgree(3, 5000 + 2 * size);

    port().deleteImage(a);
    assertStatsAgree(2, 5000 + size);
  }

  private void assertStatsAgree(long count, long usedMb) {
    ImageStats stats = port().retrieveCustomImagesStats();
    List<Image> custom = customImagesThroughPort();
    assertEquals(count, stats.currentImagesCount());
    assertEquals(custom.size(), stats.currentImagesCount());
    assertEquals(usedMb, stats.usedSizeMb());
    assertEquals(custom.stream().mapToLong(Image::sizeMb).sum(), stats.usedSizeMb());
    assertEquals(fake().storageQuotaMb(), stats.totalSizeMb());
    assertEquals(stats.totalSizeMb() - stats.usedSizeMb(), stats.freeSizeMb());
    assertEquals(fake().tenantId(), stats.tenantId());
    assertEquals(fake().customerId(), stats.customerId());
  }

  @Test
  void theStandardCatalogueHoldsLinuxAndWindowsInSeveralVersions() {
    List<Image> standard = port().retrieveImageList(
        ImageListQuery.builder().standardImage(true).size(100).build()).items();

    assertTrue(standard.stream().allMatch(Image::standardImage));
    assertTrue(standard.stream().allMatch(Image::isDownloaded));
    Set<String> linuxVersions = standard.stream().filter(i -> OsType.LINUX.is(i.osType()))
        .map(Image::version).collect(Collectors.toSet());
    Set<String> windowsVersions = standard.stream().filter(i -> OsType.WINDOWS.is(i.osType()))
        .map(Image::version).collect(Collectors.toSet());
    assertTrue(linuxVersions.size() >= 3, "Linux versions " + linuxVersions);
    assertTrue(windowsVersions.size() >= 2, "Windows versions " + windowsVersions);
  }

  @Test
  void aStandardImageCanBeRetrievedById() {
    Image listed = port().retrieveImageList(ImageListQuery.builder().standardImage(true).size(1).build())
        .items().get(0);

    Image image = port().retrieveImage(listed.imageId());

    assertEquals(listed.name(), image.name());
    assertTrue(image.standardImage());
  }

  @Test
  void aListedImageEqualsTheRetrievedOne() {
    String id = port().createCustomImage(linuxImage("same").withDescription("d")).imageId();

    Image listed = customImagesThroughPort().get(0);
    Image retrieved = port().retrieveImage(id);

    assertEquals(retrieved, listed.toBuilder().tags(retrieved.tags()).build());
    assertTrue(ImageStatus.DOWNLOADING.is(listed.status()));
  }

  @Test
  void theCallersRequestIdAndTraceIdReachTheService() {
    String requestId = "d5fd9faf-58c0-4406-8f46-f449b8e4fec3";
    CallContext context = CallContext.create().withRequestId(requestId).withTraceId("deploy-42");

    port().retrieveCustomImagesStats(context);

    assertEquals(List.of(requestId), context.requestIds());
    RecordedCall received = fake().calls().get(fake().calls().size() - 1);
    assertTrue(requestId.equalsIgnoreCase(received.requestId()), "received " + received.requestId());
    assertEquals("deploy-42", received.traceId());
  }
}
