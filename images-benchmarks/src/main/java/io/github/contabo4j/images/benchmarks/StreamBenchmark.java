package io.github.contabo4j.images.benchmarks;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.testkit.FakeImages;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code streamImages} walking 100,000 custom images in the fake, 100 per page (1,000 pages): the
 * cost of the page walker plus the fake's listing, per whole walk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamBenchmark {
  /** Images seeded. */
  static final int IMAGES = 100_000;
  /** The walk's query: custom images, 100 per page. */
  static final ImageListQuery QUERY = ImageListQuery.builder().standardImage(false).size(100).build();

  private FakeImages fake;

  /** Seeds 100,000 custom images with the fake's seeding helper and reports how long that took. */
  @Setup(Level.Trial)
  public void setUp() {
    long start = System.nanoTime();
    fake = seeded(IMAGES);
    System.out.printf("(seeding %,d images took %d ms)%n", IMAGES, (System.nanoTime() - start) / 1_000_000);
  }

  /** The fake records every call; forget them between iterations. */
  @Setup(Level.Iteration)
  public void forgetCalls() {
    fake.clearCalls();
  }

  /**
   * Streams every custom image.
   *
   * @return how many came
   */
  @Benchmark
  public long streamAll() {
    return fake.streamImages(QUERY).count();
  }

  /**
   * A fake holding {@code count} downloaded custom images besides the standard ones.
   *
   * @param count how many
   * @return the fake
   */
  static FakeImages seeded(int count) {
    FakeImages fake = FakeImages.create();
    for (int i = 0; i < count; i++) {
      fake.seedCustomImage("bench-image-" + i);
    }
    return fake;
  }
}
