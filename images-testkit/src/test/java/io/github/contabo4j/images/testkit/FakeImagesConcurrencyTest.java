package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.OsType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeImagesConcurrencyTest {
  private static final int THREADS = 6;
  private static final int ROUNDS = 40;

  @Test
  void concurrentCallersLeaveConsistentState() throws Exception {
    MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));
    // 100 MB images: 240 creates stay far below the quota, so every create must succeed.
    FakeImages fake = FakeImages.builder().clock(clock).defaultCustomImageSizeMb(100).build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          List<String> kept = new ArrayList<>();
          for (int i = 0; i < ROUNDS; i++) {
            String name = "t" + thread + "-" + i;
            String id = fake.createCustomImage(CreateCustomImage.of(
                name, "https://images.example.com/" + name + ".qcow2", OsType.LINUX, "1")).imageId();
            fake.updateImage(id, ImageUpdate.describe("round " + i));
            fake.retrieveImageList(ImageListQuery.builder().standardImage(false).size(5).build());
            if (i % 2 == 0) {
              fake.deleteImage(id);
            } else {
              kept.add(id);
            }
            clock.advance(Duration.ofSeconds(1));
          }
          return kept;
        }));
      }
      start.countDown();
      Set<String> kept = new HashSet<>();
      for (Future<List<String>> result : results) {
        kept.addAll(result.get(20, TimeUnit.SECONDS));
      }

      int total = THREADS * ROUNDS;
      ImageStats stats = fake.retrieveCustomImagesStats();
      assertThat(kept).hasSize(total / 2);
      assertThat(stats.currentImagesCount()).isEqualTo(total / 2);
      assertThat(stats.usedSizeMb()).isEqualTo(total / 2 * fake.defaultCustomImageSizeMb());
      assertThat(stats.freeSizeMb()).isEqualTo(stats.totalSizeMb() - stats.usedSizeMb());
      List<AuditEntry> audits = fake.audits();
      assertThat(audits).hasSize(total + total + total / 2);
      assertThat(audits).extracting(AuditEntry::id).doesNotHaveDuplicates();
      assertThat(audits).filteredOn(a -> AuditAction.CREATED.is(a.action())).extracting(AuditEntry::requestId)
          .doesNotHaveDuplicates().hasSize(total);
      // create, update and list per round, a delete every other round, and the stats call above
      assertThat(fake.calls()).hasSize(total * 3 + total / 2 + 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
