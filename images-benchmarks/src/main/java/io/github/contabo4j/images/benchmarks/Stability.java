package io.github.contabo4j.images.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stability check of two back-to-back runs: for every CPU-per-call ratio, do the runs agree
 * within {@value #TOLERANCE_PERCENT}% ({@code |r1 / r2 - 1|}), and is each run's own error within
 * {@value #TOLERANCE_PERCENT}% of its ratio?
 */
final class Stability {
  /** The tolerance, in percent. */
  static final int TOLERANCE_PERCENT = 10;
  private static final double TOLERANCE = TOLERANCE_PERCENT / 100.0;

  private Stability() {}

  /**
   * One ratio's stability.
   *
   * @param name the ratio
   * @param run1 its value and error in run 1
   * @param run2 in run 2
   */
  record Check(String name, Ratio run1, Ratio run2) {
    /** {@code |r1 / r2 - 1|}. */
    double disagreement() {
      return Math.abs(run1.value() / run2.value() - 1);
    }

    /** True when the runs agree within the tolerance. */
    boolean agrees() {
      return disagreement() <= TOLERANCE;
    }

    /** True when both runs' own relative errors are within the tolerance. */
    boolean precise() {
      return run1.relativeError() <= TOLERANCE && run2.relativeError() <= TOLERANCE;
    }

    /** True when both hold. */
    boolean stable() {
      return agrees() && precise();
    }
  }

  /**
   * Pairs the CPU-per-call ratios of two runs by name (a ratio only one run has is skipped).
   *
   * @param run1 the first run
   * @param run2 the second
   * @return one check per ratio both runs have
   */
  static List<Check> compare(RatioTable run1, RatioTable run2) {
    Map<String, Ratio> second = run2.cpuRatios().stream()
        .collect(Collectors.toMap(RatioTable.Named::name, RatioTable.Named::ratio, (a, b) -> a));
    List<Check> checks = new ArrayList<>();
    for (RatioTable.Named named : run1.cpuRatios()) {
      Ratio other = second.get(named.name());
      if (other != null) {
        checks.add(new Check(named.name(), named.ratio(), other));
      }
    }
    return checks;
  }

  /**
   * The comparison as text, one line per ratio and a summary.
   *
   * @param checks the checks
   * @return the text
   */
  static String render(List<Check> checks) {
    StringBuilder out = new StringBuilder("\n== Stability: CPU-per-call ratios, run 1 vs run 2 (each within ±"
        + TOLERANCE_PERCENT + "%) ==\n");
    Function<Ratio, String> own = r -> r + " (" + Format.percent(r.error(), r.value()) + ")";
    for (Check c : checks) {
      out.append(String.format(Locale.ROOT, "%-10s %-34s run1 %-22s run2 %-22s agree %5.1f%%  %s%n",
          c.stable() ? "[stable]" : "[UNSTABLE]", c.name(), own.apply(c.run1()), own.apply(c.run2()),
          c.disagreement() * 100, c.stable() ? "" : (c.agrees() ? "" : "runs differ; ")
              + (c.precise() ? "" : "own error above " + TOLERANCE_PERCENT + "%")));
    }
    long stable = checks.stream().filter(Check::stable).count();
    out.append(String.format(Locale.ROOT, "%d of %d CPU-per-call ratios stable%n", stable, checks.size()));
    return out.toString();
  }
}
