package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A downstream-style service: keeps only the newest {@code keep} custom images of each name and
 * deletes the older ones, e.g. to prune nightly uploads of {@code ci-runner}.
 *
 * <p>It depends on the {@link ImagesPort} only, never on a transport, so production code passes a
 * transport client and tests pass the testkit's fake:
 *
 * <pre>{@code
 * ImagesPort images = JdkImagesClient.builder().tokenSource(tokens).build();  // retries built in
 * ImageJanitor.Result result = new ImageJanitor(images, 3).sweep();
 * }</pre>
 *
 * <p>Rules: images are grouped by exact name; "newest" means the latest {@code creationDate} (ties
 * broken by id, so a run is repeatable). Images still downloading are neither counted nor deleted:
 * deleting an upload in progress would race the service. A delete that fails is reported in the
 * {@link Result} and the sweep goes on; an image already gone (404) counts as deleted.
 *
 * <p>No retry logic here: retries, {@code Retry-After} and rate limiting belong to the port, which
 * every transport wraps in {@link io.github.contabo4j.images.resilience.ResilientImagesPort}.
 */
public final class ImageJanitor {
  /** Custom images only, in pages as large as is reasonable: fewer calls for big accounts. */
  private static final ImageListQuery CUSTOM_IMAGES = ImageListQuery.builder().standardImage(false).size(100).build();
  private static final Comparator<Image> NEWEST_FIRST = Comparator
      .comparing((Image image) -> image.creationDate() == null ? Instant.MIN : image.creationDate())
      .thenComparing(Image::imageId)
      .reversed();

  private final ImagesPort images;
  private final int keep;

  /**
   * Creates the janitor.
   *
   * @param images the port to use, with whatever resilience it brings
   * @param keep how many images of each name to keep, at least 1
   * @throws IllegalArgumentException if {@code keep} is below 1
   */
  public ImageJanitor(ImagesPort images, int keep) {
    this.images = Objects.requireNonNull(images, "images == null");
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, was " + keep);
    }
    this.keep = keep;
  }

  /**
   * What one sweep did.
   *
   * @param kept the images kept, newest first per name
   * @param deleted the images deleted (or found already gone)
   * @param failed the deletes that failed, each with its error and request ids
   */
  public record Result(List<Image> kept, List<Image> deleted, List<Failure> failed) {
    /** Copies the lists. */
    public Result {
      kept = List.copyOf(kept);
      deleted = List.copyOf(deleted);
      failed = List.copyOf(failed);
    }
  }

  /**
   * A delete that failed.
   *
   * @param image the image that should have been deleted
   * @param error why; {@link ImagesException#requestIds()} names the requests for Contabo support
   */
  public record Failure(Image image, ImagesException error) {}

  /**
   * Deletes every custom image older than the newest {@code keep} of its name.
   *
   * @return what was kept, deleted and not deleted
   * @throws ImagesException if listing the images fails (after the port's own retries)
   */
  public Result sweep() {
    Map<String, List<Image>> byName;
    // Read every page before deleting anything: deleting while paging would shift later pages.
    try (Stream<Image> all = images.streamImages(CUSTOM_IMAGES)) {
      byName = all
          .filter(image -> image.name() != null && !image.isDownloading())
          .collect(Collectors.groupingBy(Image::name, LinkedHashMap::new, Collectors.toList()));
    }
    List<Image> kept = new ArrayList<>();
    List<Image> deleted = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    for (List<Image> sameName : byName.values()) {
      List<Image> newestFirst = sameName.stream().sorted(NEWEST_FIRST).toList();
      kept.addAll(newestFirst.subList(0, Math.min(keep, newestFirst.size())));
      for (Image old : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
        try {
          images.deleteImage(old.imageId());
          deleted.add(old);
        } catch (ImageNotFoundException alreadyGone) {
          deleted.add(old);
        } catch (ImagesException e) {
          failed.add(new Failure(old, e));
        }
      }
    }
    return new Result(kept, deleted, failed);
  }
}
