package io.github.contabo4j.images.emulator;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.testkit.FakeImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fake, its clock and its state file together: every change made through here or through the
 * API ({@link PersistingPort}) is written to the state file before it is acknowledged. Thread-safe.
 */
final class EmulatorState {
  private final FakeImages fake;
  private final OffsetClock clock;
  private final @Nullable StateFile file;
  private final List<Image> initialImages;
  private final Object lock = new Object();

  EmulatorState(FakeImages fake, OffsetClock clock, @Nullable StateFile file, List<Image> initialImages) {
    this.fake = fake;
    this.clock = clock;
    this.file = file;
    this.initialImages = List.copyOf(initialImages);
  }

  FakeImages fake() {
    return fake;
  }

  OffsetClock clock() {
    return clock;
  }

  @Nullable StateFile file() {
    return file;
  }

  /**
   * Writes the whole state to the state file, if there is one. Called after every change, before its
   * answer is sent; a failure to write surfaces as an error answer, so nothing unwritten is acknowledged.
   */
  void persist() {
    if (file == null) {
      return;
    }
    synchronized (lock) {
      try {
        file.save(new StateFile.Snapshot(clock.offset(), fake.images(), fake.audits()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the state file " + file.path(), e);
      }
    }
  }

  /** Back to the start: the standard and seed-file images, no audits, no faults, clock offset zero. */
  int reset() {
    synchronized (lock) {
      clock.offset(Duration.ZERO);
      fake.faults().clear();
      fake.clearCalls();
      fake.restore(initialImages, List.of());
      persist();
      return initialImages.size();
    }
  }

  /** Adds (or replaces, by id) images without an API call: no audit entry, no quota check. */
  List<Image> seed(List<Image> images) {
    synchronized (lock) {
      List<Image> seeded = new ArrayList<>();
      images.forEach(image -> seeded.add(fake.seed(image)));
      persist();
      return seeded;
    }
  }

  /** Moves the emulator's clock forward, so downloads finish; returns the new offset. */
  Duration advance(Duration by) {
    synchronized (lock) {
      Duration offset = clock.advance(by);
      persist();
      return offset;
    }
  }
}
