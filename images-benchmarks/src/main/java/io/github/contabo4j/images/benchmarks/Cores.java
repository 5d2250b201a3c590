package io.github.contabo4j.images.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Core pinning with {@code taskset}: the canned server on core 0, this JVM (and so every JMH fork
 * and child it starts later, which inherit its affinity) on core 1. Where {@code taskset} is missing
 * or the machine has one core, nothing is pinned and {@link #note()} says so.
 */
final class Cores {
  /** The server's CPU list. */
  static final String SERVER = "0";
  /** The client's (this JVM's and the forks') CPU list. */
  static final String CLIENT = "1";

  private final boolean available;
  private final String note;

  private Cores(boolean available, String note) {
    this.available = available;
    this.note = note;
  }

  /**
   * Finds out whether pinning is possible here.
   *
   * @param disabled true when the user asked for no pinning
   * @return the decision
   */
  static Cores detect(boolean disabled) {
    int cpus = Runtime.getRuntime().availableProcessors();
    if (disabled) {
      return new Cores(false, "pinning: off (--no-pin); server and forks share every core");
    }
    if (cpus < 2) {
      return new Cores(false, "pinning: off, only " + cpus + " CPU visible; server and forks share it");
    }
    if (!runs("taskset", "-p", Long.toString(ProcessHandle.current().pid()))) {
      return new Cores(false, "pinning: off, taskset is missing (util-linux); server and forks share every core");
    }
    return new Cores(true, "pinning: server on CPU " + SERVER + ", this JVM and its forks on CPU " + CLIENT
        + " (taskset)");
  }

  /** The CPU list for the server, or null when not pinning. */
  @Nullable String serverCpus() {
    return available ? SERVER : null;
  }

  /**
   * Pins this JVM, every thread, to the client core; forks started afterwards inherit it.
   *
   * @return false (and the note updated by the caller) when taskset failed
   */
  boolean pinSelf() {
    return !available || runs("taskset", "-a", "-p", "-c", CLIENT, Long.toString(ProcessHandle.current().pid()));
  }

  /** What was done, for the output. */
  String note() {
    return note;
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
