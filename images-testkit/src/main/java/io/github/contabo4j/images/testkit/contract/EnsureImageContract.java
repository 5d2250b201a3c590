package io.github.contabo4j.images.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesCall;
import io.github.contabo4j.images.ImagesCallHandler;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.resilience.ResilientImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.upload.DownloadProgress;
import io.github.contabo4j.images.upload.EnsureImageException;
import io.github.contabo4j.images.upload.EnsureOptions;
import io.github.contabo4j.images.upload.EnsureResult;
import io.github.contabo4j.images.upload.EnsureResult.Outcome;
import io.github.contabo4j.images.upload.ImageUploads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@code ImageUploads.ensureImage} over a port: every case of its javadoc, faults in
 * the middle, and two concurrent callers. Extend it and implement {@link #portFor}; see {@link
 * PortContract}. The helper waits on this test's virtual clock.
 */
public abstract class EnsureImageContract extends PortContract {
  private static final String NAME = "web-base";
  private static final String URL = "https://images.example.com/web-base-24.04.qcow2";
  private static final String OTHER_URL = "https://images.example.com/web-base-22.04.qcow2?X-Amz-Signature=0ld5ig";
  private static final Duration WAIT = Duration.ofMinutes(5);

  /** For subclasses. */
  protected EnsureImageContract() {}

  private ImageUploads uploads(ImagesPort port) {
    return ImageUploads.builder(port).clock(clock()).sleeper(clock().sleeper()).build();
  }

  private static CreateCustomImage want(String url) {
    return CreateCustomImage.of(NAME, url, OsType.LINUX, "24.04");
  }

  private Image seeded(String name, String url, ImageStatus status) {
    return fake().seed(Image.builder()
        .imageId(UUID.randomUUID().toString())
        .tenantId(fake().tenantId())
        .customerId(fake().customerId())
        .name(name)
        .description("")
        .url(url)
        .sizeMb(1024)
        .uploadedSizeMb(status.is(ImageStatus.DOWNLOADED) ? 1024 : 0)
        .osType(OsType.LINUX)
        .version("22.04")
        .format(ImageFormat.QCOW2)
        .status(status)
        .errorMessage(status.is(ImageStatus.ERROR) ? FakeImages.DOWNLOAD_FAILED_MESSAGE : "")
        .creationDate(clock().instant())
        .lastModifiedDate(clock().instant())
        .build());
  }

  private List<Image> named(String name) {
    return fake().images().stream().filter(i -> name.equals(i.name())).collect(Collectors.toList());
  }

  @Test
  void anAbsentImageIsCreated() {
    EnsureResult result = uploads(port()).ensureImage(want(URL));

    assertEquals(Outcome.CREATED, result.outcome());
    assertTrue(result.isDownloading(), "status " + result.image().status());
    assertEquals(List.of(result.image().imageId()), ids(named(NAME)));
    assertEquals(URL, result.image().url());
    assertEquals(1, fake().callCount(ImagesOperation.CREATE_CUSTOM_IMAGE));
  }

  @Test
  void theNameMatchesExactlyNotAsTheServicesSubstringFilterDoes() {
    Image longer = seeded("web-base-old", URL, ImageStatus.DOWNLOADED);
    Image otherCase = seeded("WEB-BASE", URL, ImageStatus.DOWNLOADED);

    EnsureResult result = uploads(port()).ensureImage(want(URL));

    assertEquals(Outcome.CREATED, result.outcome());
    assertNotEquals(longer.imageId(), result.image().imageId());
    assertNotEquals(otherCase.imageId(), result.image().imageId());
    assertEquals(1, named("web-base-old").size());
    assertEquals(1, named("WEB-BASE").size());
  }

  @Test
  void theMatchWalksEveryPage() {
    for (int i = 0; i < 105; i++) {
      seeded("web-base-" + i, URL, ImageStatus.DOWNLOADED);
    }
    Image existing = seeded(NAME, URL, ImageStatus.DOWNLOADED);

    EnsureResult result = uploads(port()).ensureImage(want(URL));

    assertEquals(Outcome.EXISTS, result.outcome());
    assertEquals(existing.imageId(), result.image().imageId());
    assertEquals(0, fake().callCount(ImagesOperation.CREATE_CUSTOM_IMAGE));
    assertTrue(fake().callCount(ImagesOperation.RETRIEVE_IMAGE_LIST) >= 2, "walked past page 1");
  }

  @Test
  void presentFromTheSameUrlIsReturnedStillDownloadingWithoutAWait() {
    Image existing = seeded(NAME, URL, ImageStatus.DOWNLOADING);

    EnsureResult result = uploads(port()).ensureImage(want(URL));

    assertEquals(Outcome.EXISTS, result.outcome());
    assertEquals(existing.imageId(), result.image().imageId());
    assertTrue(result.isDownloading());
    assertEquals(0, fake().callCount(ImagesOperation.CREATE_CUSTOM_IMAGE));
  }

  @Test
  void presentFromTheSameUrlIsWaitedForWhenAskedWithProgressOnEveryPoll() {
    seeded(NAME, URL, ImageStatus.DOWNLOADING);
    List<DownloadProgress> seen = new CopyOnWriteArrayList<>();

    EnsureResult result = uploads(port()).ensureImage(want(URL),
        EnsureOptions.builder().waitUntilDownloaded(WAIT).onProgress(seen::add).build());

    assertEquals(Outcome.EXISTS, result.outcome());
    assertTrue(result.isDownloaded(), "status " + result.image().status());
    assertTrue(seen.size() >= 2, "polls " + seen.size());
    assertTrue(seen.get(0).status().is(ImageStatus.DOWNLOADING));
    assertTrue(seen.get(seen.size() - 1).status().is(ImageStatus.DOWNLOADED));
    assertEquals(seen.size(), seen.get(seen.size() - 1).poll());
    assertTrue(seen.get(seen.size() - 1).elapsed().compareTo(fake().downloadDuration()) >= 0);
  }

  @Test
  void aThrowingProgressCallbackDoesNotStopTheWait() {
    seeded(NAME, URL, ImageStatus.DOWNLOADING);

    EnsureResult result = uploads(port()).ensureImage(want(URL), EnsureOptions.builder().waitUntilDownloaded(WAIT)
        .onProgress(p -> {
          throw new IllegalStateException("callback bug");
        }).build());

    assertTrue(result.isDownloaded());
  }

  @Test
  void urlEqualityIgnoresCaseOfSchemeAndHostTheDefaultPortAndTheFragment() {
    Image existing = seeded(NAME, "HTTPS://Images.Example.COM:443/web-base-24.04.qcow2#x", ImageStatus.DOWNLOADED);

    EnsureResult result = uploads(port()).ensureImage(want(URL));

    assertEquals(Outcome.EXISTS, result.outcome());
    assertEquals(existing.imageId(), result.image().imageId());
  }

  @Test
  void anotherQueryIsAnotherUrlUnlessTheQueryIsIgnored() {
    seeded(NAME, URL + "?X-Amz-Signature=0ld5ig", ImageStatus.DOWNLOADED);
    String reissued = URL + "?X-Amz-Signature=n3w5ig";

    assertEquals(Outcome.OTHER_URL, uploads(port()).ensureImage(want(reissued)).outcome());
    assertEquals(Outcome.EXISTS, uploads(port()).ensureImage(want(reissued),
        EnsureOptions.builder().ignoreQuery(true).build()).outcome());
  }

  @Test
  void presentFromTheSameUrlInErrorIsReportedAndNotReplaced() {
    Image failed = seeded(NAME, URL, ImageStatus.ERROR);

    EnsureResult result = uploads(port()).ensureImage(want(URL));

    assertEquals(Outcome.FAILED, result.outcome());
    assertEquals(failed.imageId(), result.image().imageId());
    assertTrue(result.describe().contains(FakeImages.DOWNLOAD_FAILED_MESSAGE), result.describe());
    assertEquals(0, fake().callCount(ImagesOperation.CREATE_CUSTOM_IMAGE));
    assertEquals(0, fake().callCount(ImagesOperation.DELETE_IMAGE));
  }

  @Test
  void presentFromTheSameUrlInErrorIsReplacedWhenAsked() {
    Image failed = seeded(NAME, URL, ImageStatus.ERROR);

    EnsureResult result = uploads(port()).ensureImage(want(URL), EnsureOptions.builder().replaceWhenFailed(true).build());

    assertEquals(Outcome.REPLACED, result.outcome());
    assertTrue(result.isDownloaded());
    assertTrue(fake().image(failed.imageId()).isEmpty(), "the failed image is gone");
    assertEquals(List.of(result.image().imageId()), ids(named(NAME)));
  }

  @Test
  void presentFromAnotherUrlIsLeftAloneAndBothUrlsAreNamedWithoutTheirQuery() {
    Image old = seeded(NAME, OTHER_URL, ImageStatus.DOWNLOADED);

    EnsureResult result = uploads(port()).ensureImage(want(URL));

    assertEquals(Outcome.OTHER_URL, result.outcome());
    assertEquals(old.imageId(), result.image().imageId());
    assertEquals(OTHER_URL, result.existingUrl());
    assertEquals(URL, result.requestedUrl());
    assertTrue(result.describe().contains("web-base-22.04.qcow2?<redacted>"), result.describe());
    assertTrue(result.describe().contains(URL), result.describe());
    assertFalse(result.toString().contains("0ld5ig"), result.toString());
    assertEquals(0, fake().callCount(ImagesOperation.CREATE_CUSTOM_IMAGE));
  }

  @Test
  void presentFromAnotherUrlIsReplacedWhenAskedCreateWaitDeleteRename() {
    Image old = seeded(NAME, OTHER_URL, ImageStatus.DOWNLOADED);

    EnsureResult result = uploads(port()).ensureImage(want(URL), EnsureOptions.builder().replaceWhenUrlDiffers(true).build());

    assertEquals(Outcome.REPLACED, result.outcome());
    assertTrue(result.isDownloaded());
    assertEquals(NAME, result.image().name());
    assertEquals(URL, result.image().url());
    assertEquals(OTHER_URL, result.existingUrl());
    assertTrue(fake().image(old.imageId()).isEmpty(), "the old image is gone");
    assertEquals(List.of(result.image().imageId()), ids(named(NAME)));
    assertTrue(named(NAME + " [replacing]").isEmpty(), "no temporary image is left");
    List<ImagesOperation> writes = fake().calls().stream().map(c -> c.operation())
        .filter(op -> op == ImagesOperation.CREATE_CUSTOM_IMAGE || op == ImagesOperation.DELETE_IMAGE
            || op == ImagesOperation.UPDATE_IMAGE).collect(Collectors.toList());
    assertEquals(List.of(ImagesOperation.CREATE_CUSTOM_IMAGE, ImagesOperation.DELETE_IMAGE, ImagesOperation.UPDATE_IMAGE),
        writes, "create, (wait,) delete the old, rename the new");
  }

  @Test
  void aReplaceWhoseNewDownloadFailsKeepsTheOldImage() {
    Image old = seeded(NAME, OTHER_URL, ImageStatus.DOWNLOADED);
    String failing = "https://mirror.invalid/web-base-24.04.qcow2";

    ImageDownloadFailedException e = assertThrows(ImageDownloadFailedException.class, () -> uploads(port())
        .ensureImage(want(failing), EnsureOptions.builder().replaceWhenUrlDiffers(true).build()));

    assertEquals(FakeImages.DOWNLOAD_FAILED_MESSAGE, e.errorMessage());
    assertEquals(List.of(old.imageId()), ids(named(NAME)), "the old image keeps the name");
    assertTrue(named(NAME + " [replacing]").isEmpty(), "the failed new image was deleted");
  }

  @Test
  void aReplaceThatTheStorageCannotHoldChangesNothing() throws Exception {
    FakeImages small = fakeBuilder().storageQuotaMb(1500).build();
    ImagesPort port = openPort(small);
    small.seedCustomImage(NAME, 1024);

    EnsureImageException e = assertThrows(EnsureImageException.class, () -> uploads(port)
        .ensureImage(want(URL), EnsureOptions.builder().replaceWhenUrlDiffers(true).build()));

    assertEquals(EnsureImageException.Reason.QUOTA, e.reason());
    assertTrue(e.getMessage().contains("476 MB"), e.getMessage());
    assertEquals(0, small.callCount(ImagesOperation.CREATE_CUSTOM_IMAGE));
    assertEquals(0, small.callCount(ImagesOperation.DELETE_IMAGE));
  }

  @Test
  void twoImagesWithTheNameFailListingBothIds() {
    Image a = seeded(NAME, URL, ImageStatus.DOWNLOADED);
    Image b = seeded(NAME, OTHER_URL, ImageStatus.DOWNLOADED);

    EnsureImageException e = assertThrows(EnsureImageException.class, () -> uploads(port()).ensureImage(want(URL)));

    assertEquals(EnsureImageException.Reason.DUPLICATE_NAME, e.reason());
    assertEquals(Set.of(a.imageId(), b.imageId()), Set.copyOf(e.imageIds()));
    assertTrue(e.getMessage().contains(a.imageId()) && e.getMessage().contains(b.imageId()), e.getMessage());
    assertEquals(0, fake().callCount(ImagesOperation.CREATE_CUSTOM_IMAGE));
  }

  @Test
  void a429InTheMiddleOfAReplaceLeavesANameWithAnImageAndARerunFinishes() {
    Image old = seeded(NAME, OTHER_URL, ImageStatus.DOWNLOADED);
    EnsureOptions replace = EnsureOptions.builder().replaceWhenUrlDiffers(true).build();
    fake().faults().next(ImagesOperation.DELETE_IMAGE).rateLimited();

    assertThrows(RateLimitedException.class, () -> uploads(port()).ensureImage(want(URL), replace));
    assertEquals(List.of(old.imageId()), ids(named(NAME)), "the old image still carries the name");
    assertEquals(1, named(NAME + " [replacing]").size(), "the downloaded new image waits");

    EnsureResult rerun = uploads(port()).ensureImage(want(URL), replace);

    assertEquals(Outcome.REPLACED, rerun.outcome());
    assertEquals(1, fake().callCount(ImagesOperation.CREATE_CUSTOM_IMAGE), "the rerun reused the new image");
    assertEquals(List.of(rerun.image().imageId()), ids(named(NAME)));
    assertTrue(named(NAME + " [replacing]").isEmpty());
  }

  @Test
  void aResetAfterTheRenameWasAppliedIsSettledByARerun() {
    seeded(NAME, OTHER_URL, ImageStatus.DOWNLOADED);
    EnsureOptions replace = EnsureOptions.builder().replaceWhenUrlDiffers(true).build();
    fake().faults().next(ImagesOperation.UPDATE_IMAGE).afterApplying().connectionReset();

    assertThrows(ImagesTransportException.class, () -> uploads(port()).ensureImage(want(URL), replace));

    EnsureResult rerun = uploads(port()).ensureImage(want(URL), replace);
    assertEquals(Outcome.EXISTS, rerun.outcome());
    assertEquals(URL, rerun.image().url());
    assertEquals(1, named(NAME).size());
  }

  @Test
  void aStopBetweenTheDeleteAndTheRenameIsResumedByARerun() {
    seeded(NAME, OTHER_URL, ImageStatus.DOWNLOADED);
    EnsureOptions replace = EnsureOptions.builder().replaceWhenUrlDiffers(true).build();
    fake().faults().next(ImagesOperation.UPDATE_IMAGE).rateLimited();

    assertThrows(RateLimitedException.class, () -> uploads(port()).ensureImage(want(URL), replace));
    assertTrue(named(NAME).isEmpty(), "the old image was deleted");

    EnsureResult rerun = uploads(port()).ensureImage(want(URL), replace);
    assertEquals(Outcome.REPLACED, rerun.outcome());
    assertEquals(URL, rerun.image().url());
    assertEquals(List.of(rerun.image().imageId()), ids(named(NAME)));
  }

  @Test
  void behindTheResilienceDecoratorA429AndAResetCreateAreAbsorbed() {
    ImagesPort resilient = ResilientImagesPort.builder().delegate(port()).clock(clock()).sleeper(clock().sleeper())
        .policy(ResiliencePolicy.builder().noRateLimit().build()).build();
    fake().faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST).rateLimited();
    fake().faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).afterApplying().connectionReset();

    EnsureResult result = uploads(resilient).ensureImage(want(URL));

    assertEquals(Outcome.CREATED, result.outcome());
    assertEquals(List.of(result.image().imageId()), ids(named(NAME)));
    assertEquals(1, fake().callCount(ImagesOperation.CREATE_CUSTOM_IMAGE), "the create was reconciled, not re-sent");
  }

  @Test
  void twoConcurrentCallersEndWithOneImageAndBothReturnIt() throws Exception {
    CyclicBarrier bothListed = new CyclicBarrier(2);
    CyclicBarrier bothCreated = new CyclicBarrier(2);
    ImagesPort racing = new Racing(port(), bothListed, bothCreated);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<EnsureResult>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(threads.submit(() -> uploads(racing).ensureImage(want(URL))));
      }
      EnsureResult first = results.get(0).get(20, TimeUnit.SECONDS);
      EnsureResult second = results.get(1).get(20, TimeUnit.SECONDS);

      assertEquals(first.image().imageId(), second.image().imageId());
      assertEquals(Set.of(Outcome.CREATED, Outcome.JOINED), Set.of(first.outcome(), second.outcome()));
      assertEquals(List.of(first.image().imageId()), ids(named(NAME)));
      assertEquals(2, fake().callCount(ImagesOperation.CREATE_CUSTOM_IMAGE));
      assertEquals(1, fake().callCount(ImagesOperation.DELETE_IMAGE));
    } finally {
      threads.shutdownNow();
    }
  }

  private static List<String> ids(List<Image> images) {
    return images.stream().map(Image::imageId).collect(Collectors.toList());
  }

  /** Holds each create until both callers have listed, and each caller's next step until both created. */
  private static final class Racing extends ImagesCallHandler {
    private final ImagesPort delegate;
    private final CyclicBarrier bothListed;
    private final CyclicBarrier bothCreated;

    Racing(ImagesPort delegate, CyclicBarrier bothListed, CyclicBarrier bothCreated) {
      this.delegate = delegate;
      this.bothListed = bothListed;
      this.bothCreated = bothCreated;
    }

    @Override
    protected <R> R handle(ImagesCall<R> call) {
      if (call.operation() != ImagesOperation.CREATE_CUSTOM_IMAGE) {
        return call.sendTo(delegate);
      }
      await(bothListed);
      R created = call.sendTo(delegate);
      await(bothCreated);
      return created;
    }

    private static void await(CyclicBarrier barrier) {
      try {
        barrier.await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the other caller did not arrive", e);
      }
    }
  }
}
