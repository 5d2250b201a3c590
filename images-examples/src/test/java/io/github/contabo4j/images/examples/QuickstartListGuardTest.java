package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The quickstart's {@code list} ends against a service that answers every page with the same page and
 * claims a million more, as a mock serving the vendor spec's own examples does.
 */
class QuickstartListGuardTest {
  private static final Image IMAGE = new Image("img-1", null, null, "name", null, null, 1, 1, null, null, null, null,
      "", false, null, null, List.of());

  private final AtomicInteger pagesServed = new AtomicInteger();

  private final ImagesPort endless = new ImagesPort() {
    @Override
    public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
      pagesServed.incrementAndGet();
      return new Page<>(List.of(IMAGE), new Pagination(1, 1, 1_000_000, 1_000_000), PageLinks.none());
    }

    @Override
    public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Image retrieveImage(String imageId, CallContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void deleteImage(String imageId, CallContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ImageStats retrieveCustomImagesStats(CallContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
      throw new UnsupportedOperationException();
    }
  };

  @Test
  void listStopsWhenTheServiceRepeatsItsPageWhateverItsTotalsClaim() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    QuickstartSteps steps = new QuickstartSteps(endless, new Transcript(print), print, Clock.systemUTC(),
        Duration.ofSeconds(1));

    steps.list();

    assertThat(pagesServed).hasValue(2); // the first page, then its repeat, which ends the walk
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 images in all");
  }
}
