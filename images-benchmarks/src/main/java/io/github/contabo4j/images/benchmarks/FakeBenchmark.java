package io.github.contabo4j.images.benchmarks;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.Page;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * The in-memory fake's own speed on one thread: {@code get} of one image and {@code list} of a
 * 100-image page (the same {@code ?size=100} as the transports' list), on a fake holding the 15
 * standard images and 100 custom ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class FakeBenchmark {

  private FakeImages fake;
  private String imageId;

  /** Seeds the fake. */
  @Setup(Level.Trial)
  public void setUp() {
    fake = FakeImages.create();
    for (int i = 0; i < 100; i++) {
      imageId = fake.seedCustomImage("bench-image-" + i).imageId();
    }
  }

  /** The fake records every call; forget them between iterations so the record stays small. */
  @Setup(Level.Iteration)
  public void forgetCalls() {
    fake.clearCalls();
  }

  /**
   * {@code retrieveImage} of one custom image.
   *
   * @return the image
   */
  @Benchmark
  public Image get() {
    return fake.retrieveImage(imageId);
  }

  /**
   * {@code retrieveImageList} of page 1, size 100.
   *
   * @return the page
   */
  @Benchmark
  public Page<Image> list() {
    return fake.retrieveImageList(Canned.LIST_QUERY);
  }
}
