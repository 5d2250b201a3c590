package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.upload.AwaitOptions;
import io.github.contabo4j.images.upload.ImageUploads;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the quickstart does through an {@link ImagesPort}: the lifecycle and the read-only commands. */
final class QuickstartSteps {
  /** Where the quickstart's image "comes from"; the fake never fetches it. */
  static final String IMAGE_URL = "https://images.example.com/quickstart/debian-12-genericcloud-amd64.qcow2";
  private static final int LIST_PAGE_SIZE = 50;

  private final ImagesPort images;
  private final ImageUploads uploads;
  private final Transcript transcript;
  private final PrintStream err;
  private final Clock clock;
  private final Duration pollTimeout;

  QuickstartSteps(ImagesPort images, ImageUploads uploads, Transcript transcript, PrintStream err, Clock clock,
      Duration pollTimeout) {
    this.images = images;
    this.uploads = uploads;
    this.transcript = transcript;
    this.err = err;
    this.clock = clock;
    this.pollTimeout = pollTimeout;
  }

  /** A step that could not complete although every call succeeded (a failed or slow download). */
  static final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailed(String message) {
      super(message);
    }
  }

  /** The whole lifecycle: create an image, use it, delete it, with stats before and after. */
  void lifecycle() {
    stats();
    transcript.call("list", ctx -> images.retrieveImageList(ImageListQuery.builder().standardImage(true).build(), ctx),
        page -> page.pagination().totalElements() + " standard images, e.g. " + page.items().stream().limit(3)
            .map(Image::name).collect(Collectors.joining(", ")));

    String name = "quickstart-" + Long.toString(clock.millis(), 36);
    CreateCustomImage request = CreateCustomImage.of(name, IMAGE_URL, OsType.LINUX, "12")
        .withDescription("made by the contabo4j quickstart");
    String id = transcript.call("create", ctx -> images.createCustomImage(request, ctx),
        created -> "created " + created.imageId() + " \"" + name + "\"").imageId();

    boolean deleted = false;
    try {
      awaitDownloaded(id);
      String newName = name + "-renamed";
      transcript.call("rename", ctx -> images.updateImage(id, ImageUpdate.rename(newName), ctx),
          ref -> "renamed " + ref.imageId() + " to \"" + newName + "\"");
      transcript.call("filter", ctx -> images.retrieveImageList(ImageListQuery.builder().name(newName).build(), ctx),
          page -> page.pagination().totalElements() + " image(s) named \"" + newName + "\": " + page.items().stream()
              .map(i -> i.imageId() + " " + i.status()).collect(Collectors.joining(", ")));
      transcript.call("audits", ctx -> images.retrieveImageAuditsList(AuditQuery.byImageId(id), ctx),
          page -> page.items().size() + " audit entries: " + page.items().stream()
              .map(QuickstartSteps::describe).collect(Collectors.joining(", ")));
      transcript.call("delete", ctx -> {
        images.deleteImage(id, ctx);
        return id;
      }, gone -> "deleted " + gone);
      deleted = true;
    } finally {
      if (!deleted) {
        cleanUp(id);
      }
    }
    stats();
  }

  /** The storage statistics. */
  void stats() {
    transcript.call("stats", images::retrieveCustomImagesStats, QuickstartSteps::describe);
  }

  /** One image. */
  void get(String imageId) {
    transcript.call("get", ctx -> images.retrieveImage(imageId, ctx), QuickstartSteps::describe);
  }

  /**
   * Every image, through {@link ImagesPort#streamImages}: its guard ends the walk on an empty page,
   * after the last page the service announced, or when a page repeats the previous one, so a service
   * whose totals never end (the spec's own examples) cannot keep it going. Each line shows the request
   * id of the page that brought it, as the client's listener heard it.
   */
  void list() {
    ImageListQuery query = ImageListQuery.builder().size(LIST_PAGE_SIZE).build();
    long[] count = {0};
    images.streamImages(query).forEach(image -> {
      count[0]++;
      transcript.line(transcript.lastListRequestId(), "list", describe(image));
    });
    transcript.line(transcript.lastListRequestId(), "list", count[0] + " images in all");
  }

  /**
   * Waits with {@link ImageUploads#awaitDownloaded}: it polls with backoff through the client (so
   * through its policy and limiter); each poll prints a line through the transcript's listener, and
   * the progress callback a line with the status, the downloaded MB and the time so far.
   */
  private void awaitDownloaded(String id) {
    transcript.whilePolling(() -> uploads.awaitDownloaded(id,
        AwaitOptions.timeout(pollTimeout).onProgress(transcript::progress)));
  }

  private void cleanUp(String id) {
    try {
      transcript.call("clean up", ctx -> {
        images.deleteImage(id, ctx);
        return id;
      }, gone -> "deleted " + gone + " after the failure below");
    } catch (ImagesException e) {
      err.println("quickstart: could not delete " + id + ", delete it by hand: " + e.getMessage());
    }
  }

  private static String describe(ImageStats stats) {
    return stats.currentImagesCount() + " custom images, " + stats.usedSizeMb() + " of " + stats.totalSizeMb()
        + " MB used";
  }

  private static String describe(Image image) {
    return image.imageId() + "  \"" + image.name() + "\"  " + image.osType() + " " + image.version() + ", "
        + image.format() + ", " + image.status() + ", " + image.sizeMb() + " MB, "
        + (image.standardImage() ? "standard" : "custom");
  }

  private static String describe(AuditEntry entry) {
    String action = entry.action() == null ? "?" : entry.action().value().toUpperCase(Locale.ROOT);
    return action + " by request " + entry.requestId();
  }
}
