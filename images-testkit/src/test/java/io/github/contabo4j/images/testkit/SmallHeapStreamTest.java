package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesOperation;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Streaming every page of 100,000 images holds one page at a time: this class runs in its own test
 * JVM with {@code -Xmx64m} (the {@code small-heap} surefire execution in this module's pom), where
 * collecting the stream, or a walker that kept pages, would not fit beside the fake's own state.
 */
class SmallHeapStreamTest {
  private static final int IMAGES = 100_000;
  private static final int PAGE_SIZE = 100;

  @Test
  void streamsOneHundredThousandImagesInASmallHeap() {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test must run in the small-heap fork (-Xmx64m)")
        .isLessThanOrEqualTo(64L * 1024 * 1024);
    // One shared name: the fake's state is what it must be, not the test's strings.
    FakeImages fake = FakeImages.builder().clock(MutableClock.at(Instant.parse("2024-06-03T08:00:00Z")))
        .seedStandardImages(false).callHistoryLimit(16).build();
    for (int i = 0; i < IMAGES; i++) {
      fake.seedCustomImage("bulk", 1);
    }

    LongAdder seen = new LongAdder();
    LongAdder bytes = new LongAdder();
    fake.streamImages(ImageListQuery.builder().size(PAGE_SIZE).build()).forEach(image -> {
      seen.increment();
      bytes.add(image.imageId().length());
    });

    assertThat(seen.sum()).isEqualTo(IMAGES);
    assertThat(bytes.sum()).isEqualTo(36L * IMAGES);
    // Lazily, page by page: exactly the pages there are, no more.
    assertThat(fake.callCount(ImagesOperation.RETRIEVE_IMAGE_LIST)).isEqualTo(IMAGES / PAGE_SIZE);
  }

  @Test
  void stopsFetchingWhenTheConsumerStops() {
    FakeImages fake = FakeImages.builder().seedStandardImages(false).build();
    for (int i = 0; i < 1_000; i++) {
      fake.seedCustomImage("bulk", 1);
    }
    Image tenth = fake.streamImages(ImageListQuery.builder().size(3).build()).skip(9).findFirst().orElseThrow();

    assertThat(tenth.name()).isEqualTo("bulk");
    // 10 elements at 3 per page: ceil(10 / 3) = 4 pages, at most one more.
    assertThat(fake.callCount(ImagesOperation.RETRIEVE_IMAGE_LIST)).isBetween(4, 5);
  }
}
