package io.github.contabo4j.images.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The virtual-thread results as a table: throughput against the same engine's floor, pinned events. */
final class VirtualThreadTable {
  private VirtualThreadTable() {}

  /**
   * Renders the results.
   *
   * @param results one per contender
   * @return the table (errors are one standard deviation of the one-second windows)
   */
  static String render(List<VirtualThreadRun.Result> results) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %24s %7s %14s %8s %s%n",
        "contender", "calls/s (± sd)", "rel", "x floor", "pinned", "java"));
    for (VirtualThreadRun.Result r : results) {
      Optional<VirtualThreadRun.Result> floor = results.stream()
          .filter(f -> f.contender().equals(RatioTable.floorOf(r.contender()))).findFirst();
      out.append(String.format(Locale.ROOT, "%-10s %24s %7s %14s %8d %s%n", r.contender(),
          Format.number(r.mean()) + " ± " + Format.number(r.sd()), Format.percent(r.sd(), r.mean()),
          floor.map(f -> Ratio.of(r.mean(), r.sd(), f.mean(), f.sd()).toString()).orElse(""), r.pinned(), r.java()));
    }
    out.append("pinned = jdk.VirtualThreadPinned events (threshold 0) over the whole run; Java 24+ no longer pins"
        + " on synchronized (JEP 491), so Java 21 users may see pinning this run cannot.\n");
    return out.toString();
  }
}
