package io.github.contabo4j.images.benchmarks;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.TenantId;
import io.github.contabo4j.images.testkit.internal.wire.ServerWire;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes every contender gets: written once, by core's {@link ServerWire} (the same writer the
 * testkit's HTTP fake uses), so every answer is the documented JSON. Deterministic: the same bytes on
 * every run. Not touched by the clients, so a cold start never pays for writing these bytes.
 */
final class Canned {
  /** The list query every contender sends: {@code ?size=100}. */
  static final ImageListQuery LIST_QUERY = ImageListQuery.builder().size(Contender.PAGE_SIZE).build();

  /** {@code GET /v1/compute/images?size=100}: a page of 100 custom images. */
  static final byte[] LIST = list();
  /** {@code GET /v1/compute/images/{IMAGE_ID}}. */
  static final byte[] IMAGE = ServerWire.image(image(0));
  /** {@code GET /v1/compute/images/stats}. */
  static final byte[] STATS = ServerWire.stats(ImageStats.builder()
      .tenantId(TenantId.DE)
      .customerId("54321")
      .currentImagesCount(Contender.PAGE_SIZE)
      .totalSizeMb(102_400)
      .usedSizeMb(25_600)
      .freeSizeMb(76_800)
      .build());

  private Canned() {}

  private static byte[] list() {
    List<Image> images = new ArrayList<>(Contender.PAGE_SIZE);
    for (int i = 0; i < Contender.PAGE_SIZE; i++) {
      images.add(image(i));
    }
    return ServerWire.imagePage(
        new Page<>(images, new Pagination(1, Contender.PAGE_SIZE, Contender.PAGE_SIZE, 1), PageLinks.none()), LIST_QUERY);
  }

  private static Image image(int i) {
    Instant created = Instant.parse("2024-06-03T08:00:00Z").plusSeconds(i * 60L);
    return Image.builder()
        .imageId(imageId(i))
        .tenantId(TenantId.DE)
        .customerId("54321")
        .name("bench-image-" + i)
        .description("benchmark image number " + i)
        .url("https://images.example.com/bench-image-" + i + ".qcow2")
        .sizeMb(256)
        .uploadedSizeMb(256)
        .osType(OsType.LINUX)
        .version("22.04")
        .format(ImageFormat.QCOW2)
        .status(ImageStatus.DOWNLOADED)
        .errorMessage("")
        .creationDate(created)
        .lastModifiedDate(created.plusSeconds(30))
        .build();
  }

  /** {@link Contender#IMAGE_ID} for image 0, then ids ending in the image's number. */
  private static String imageId(int i) {
    String n = Integer.toString(i);
    return Contender.IMAGE_ID.substring(0, Contender.IMAGE_ID.length() - n.length()) + n;
  }
}
