package io.github.contabo4j.images.internal.upload;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.internal.DownloadWaiter;
import io.github.contabo4j.images.upload.DownloadProgress;
import io.github.contabo4j.images.upload.EnsureImageException;
import io.github.contabo4j.images.upload.EnsureOptions;
import io.github.contabo4j.images.upload.EnsureResult;
import io.github.contabo4j.images.upload.EnsureResult.Outcome;
import io.github.contabo4j.images.upload.PreflightReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ensure-image algorithm behind {@code ImageUploads.ensureImage}; its javadoc states the rules.
 * Every step is one ordinary port call (so the caller's resilience decorator retries what is safe).
 */
public final class Ensurer {
  /** What a replace appends to the name while the new image downloads. */
  public static final String REPLACING_SUFFIX = " [replacing]";
  private static final Logger LOG = LoggerFactory.getLogger(Ensurer.class);
  private static final int MAX_NAME = 255;
  /** The oldest first: by creationDate (unknown last), then by imageId. */
  static final Comparator<Image> OLDEST_FIRST = Comparator
      .comparing(Image::creationDate, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
      .thenComparing(Image::imageId);

  private final ImagesPort port;
  private final DownloadWaiter waiter;
  private final Function<String, PreflightReport> preflight;

  /**
   * Creates the algorithm.
   *
   * @param port the port every step goes through
   * @param waiter how waits poll
   * @param preflight runs a preflight of a URL
   */
  public Ensurer(ImagesPort port, DownloadWaiter waiter, Function<String, PreflightReport> preflight) {
    this.port = port;
    this.waiter = waiter;
    this.preflight = preflight;
  }

  /**
   * Makes sure an image of {@code want.name()} exists from {@code want.url()}.
   *
   * @param want the image
   * @param o the options
   * @return what was done
   */
  public EnsureResult ensure(CreateCustomImage want, EnsureOptions o) {
    String name = want.name();
    String temp = tempName(name);
    List<Image> listed = named(name, temp);
    List<Image> exact = only(listed, name);
    List<Image> temps = only(listed, temp);
    if (exact.size() > 1) {
      throw duplicate(name, exact);
    }
    if (exact.isEmpty()) {
      Image resumable = reusable(temps, want, o);
      if (resumable != null) {
        LOG.info("ensureImage: resuming the replace of '{}' with image {}", name, resumable.imageId());
        return finishReplace(null, resumable.imageId(), want, o, null);
      }
      return create(want, o);
    }
    Image found = exact.get(0);
    if (SourceUrls.same(found.url(), want.url(), o.ignoreQuery())) {
      if (found.isFailed()) {
        return o.replaceWhenFailed() ? replace(found, temps, want, o)
            : EnsureResult.builder()
                .outcome(Outcome.FAILED)
                .image(found)
                .requestedUrl(want.url())
                .existingUrl(found.url())
                .build();
      }
      return EnsureResult.builder()
          .outcome(Outcome.EXISTS)
          .image(waitIfAsked(found, o, null))
          .requestedUrl(want.url())
          .existingUrl(found.url())
          .build();
    }
    if (!o.replaceWhenUrlDiffers()) {
      return EnsureResult.builder()
          .outcome(Outcome.OTHER_URL)
          .image(found)
          .requestedUrl(want.url())
          .existingUrl(found.url())
          .build();
    }
    return replace(found, temps, want, o);
  }

  private EnsureResult create(CreateCustomImage want, EnsureOptions o) {
    PreflightReport report = checked(want, o);
    CreatedImage created = port.createCustomImage(want);
    List<Image> now = only(named(want.name(), want.name()), want.name());
    Image mine = now.stream().filter(i -> i.imageId().equals(created.imageId())).findFirst()
        .orElseGet(() -> port.retrieveImage(created.imageId()));
    if (now.size() > 1) {
      Image oldest = now.stream().min(OLDEST_FIRST).orElseThrow();
      if (!oldest.imageId().equals(mine.imageId())) {
        LOG.info("ensureImage: another caller created '{}' first ({}); deleting this call's image {}",
            want.name(), oldest.imageId(), mine.imageId());
        deleteGone(mine.imageId());
        if (SourceUrls.same(oldest.url(), want.url(), o.ignoreQuery())) {
          return EnsureResult.builder()
              .outcome(Outcome.JOINED)
              .image(waitIfAsked(oldest, o, report))
              .requestedUrl(want.url())
              .existingUrl(oldest.url())
              .preflight(report)
              .build();
        }
        return EnsureResult.builder()
            .outcome(Outcome.OTHER_URL)
            .image(oldest)
            .requestedUrl(want.url())
            .existingUrl(oldest.url())
            .preflight(report)
            .build();
      }
    }
    return EnsureResult.builder()
        .outcome(Outcome.CREATED)
        .image(waitIfAsked(mine, o, report))
        .requestedUrl(want.url())
        .preflight(report)
        .build();
  }

  private EnsureResult replace(Image old, List<Image> temps, CreateCustomImage want, EnsureOptions o) {
    PreflightReport report = checked(want, o);
    Image reuse = reusable(temps, want, o);
    String tempId;
    if (reuse != null) {
      tempId = reuse.imageId();
    } else {
      long needMb = report != null && report.sizeBytes().isPresent()
          ? Preflights.ceilMb(report.sizeBytes().getAsLong()) : old.sizeMb();
      ImageStats stats = port.retrieveCustomImagesStats();
      if (stats.freeSizeMb() < needMb) {
        throw new EnsureImageException(EnsureImageException.Reason.QUOTA, "replacing image '" + want.name() + "' ("
            + old.imageId() + ") needs about " + needMb + " MB next to the old image until the new one has "
            + "downloaded, but only " + stats.freeSizeMb() + " MB of " + stats.totalSizeMb() + " MB are free; "
            + "the old image is untouched. Free storage, or delete the old image yourself and ensure again",
            List.of(old.imageId()), report);
      }
      tempId = port.createCustomImage(want.toBuilder().name(tempName(want.name())).build()).imageId();
    }
    return finishReplace(old, tempId, want, o, report);
  }

  /** Waits for the new image, deletes the old one, renames the new one; the old stays until the new is ready. */
  private EnsureResult finishReplace(@Nullable Image old, String newId, CreateCustomImage want, EnsureOptions o,
      @Nullable PreflightReport report) {
    try {
      waiter.await(port, newId, o.replaceTimeout(), observer(o.progress()));
    } catch (ImageDownloadFailedException e) {
      deleteQuietly(newId, e);
      throw report == null ? e : e.withPreflightFindings(report.findingLines());
    } catch (RuntimeException e) {
      deleteQuietly(newId, e);
      throw e;
    }
    if (old != null) {
      deleteGone(old.imageId());
    }
    port.updateImage(newId, ImageUpdate.rename(want.name()));
    Image now = port.retrieveImage(newId);
    return EnsureResult.builder()
        .outcome(Outcome.REPLACED)
        .image(now)
        .requestedUrl(want.url())
        .existingUrl(old == null ? null : old.url())
        .preflight(report)
        .build();
  }

  private @Nullable PreflightReport checked(CreateCustomImage want, EnsureOptions o) {
    if (!o.preflight()) {
      return null;
    }
    PreflightReport report = preflight.apply(want.url());
    if (!report.passed()) {
      throw new EnsureImageException(EnsureImageException.Reason.PREFLIGHT, "the preflight of "
          + report.url() + " found: " + String.join("; ", report.findingLines()) + "; nothing was created",
          List.of(), report);
    }
    return report;
  }

  private Image waitIfAsked(Image image, EnsureOptions o, @Nullable PreflightReport report) {
    if (o.waitFor().isZero() || image.isDownloaded() || image.isFailed()) {
      return image;
    }
    try {
      return waiter.await(port, image.imageId(), o.waitFor(), observer(o.progress()));
    } catch (ImageDownloadFailedException e) {
      throw report == null ? e : e.withPreflightFindings(report.findingLines());
    }
  }

  private static @Nullable Image reusable(List<Image> temps, CreateCustomImage want, EnsureOptions o) {
    return temps.stream().filter(t -> !t.isFailed() && SourceUrls.same(t.url(), want.url(), o.ignoreQuery()))
        .min(OLDEST_FIRST).orElse(null);
  }

  /** Deletes an image; one already gone counts as deleted. */
  private void deleteGone(String imageId) {
    try {
      port.deleteImage(imageId);
    } catch (ImageNotFoundException e) {
      LOG.debug("ensureImage: image {} was already gone", imageId);
    }
  }

  private void deleteQuietly(String imageId, RuntimeException failure) {
    try {
      deleteGone(imageId);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Every custom image whose name is exactly {@code name} or {@code temp}, over every page. */
  private List<Image> named(String name, String temp) {
    ImageListQuery query = ImageListQuery.builder().name(name).standardImage(false).size(100).build();
    try (var images = port.streamImages(query)) {
      return images.filter(i -> name.equals(i.name()) || temp.equals(i.name())).collect(Collectors.toList());
    }
  }

  private static List<Image> only(List<Image> images, String name) {
    List<Image> out = new ArrayList<>();
    for (Image image : images) {
      if (name.equals(image.name())) {
        out.add(image);
      }
    }
    return out;
  }

  private static EnsureImageException duplicate(String name, List<Image> exact) {
    List<String> ids = exact.stream().sorted(OLDEST_FIRST).map(Image::imageId).toList();
    return new EnsureImageException(EnsureImageException.Reason.DUPLICATE_NAME, ids.size()
        + " custom images are named '" + name + "': " + String.join(", ", ids)
        + "; delete all but one (or rename them) and ensure again", ids, null);
  }

  /**
   * The temporary name of a replacement: the name plus {@link #REPLACING_SUFFIX}, the name cut to fit
   * 255 characters.
   *
   * @param name the name
   * @return the temporary name
   */
  public static String tempName(String name) {
    int room = MAX_NAME - REPLACING_SUFFIX.length();
    return (name.length() > room ? name.substring(0, room) : name) + REPLACING_SUFFIX;
  }

  /**
   * The waiter's observer for a progress callback.
   *
   * @param progress the callback, or null
   * @return the observer, or null
   */
  public static DownloadWaiter.@Nullable PollObserver observer(@Nullable Consumer<DownloadProgress> progress) {
    if (progress == null) {
      return null;
    }
    Objects.requireNonNull(progress);
    return (image, elapsed, polls) -> progress.accept(DownloadProgress.builder()
        .imageId(image.imageId())
        .status(image.status())
        .uploadedSizeMb(image.uploadedSizeMb())
        .sizeMb(image.sizeMb())
        .elapsed(elapsed)
        .poll(polls)
        .build());
  }
}
