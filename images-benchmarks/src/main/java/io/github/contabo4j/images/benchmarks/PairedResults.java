package io.github.contabo4j.images.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Reads a {@link PairedBenchmark} run, and divides paired measurements.
 *
 * <p>Each measured iteration belongs to the contender named in its {@link CpuProfiler} results
 * ({@code cpu.per.op@feign}); its primary score, CPU, context switches and allocation go to that
 * contender. A contender's k-th iteration in a fork is its entry in round k of that fork.
 *
 * <p>A paired ratio ({@link #ratio}) divides contender by floor round by round within each fork,
 * takes each fork's median of those, and reports the mean of the forks' ratios with its 99.9% error
 * (Student's t over the forks, as JMH computes a score's error over iterations). The forks are the
 * independent samples: rounds of one fork share its level, so pooling them would claim more than was
 * measured. Fewer than three forks leave the error unknown (JMH computes none from two values either).
 */
final class PairedResults {
  private static final double CONFIDENCE = 0.999;

  private PairedResults() {}

  /** One contender's iterations, by fork and round. */
  private static final class Collected {
    final List<List<Double>> wall = new ArrayList<>();
    final List<List<Double>> cpu = new ArrayList<>();
    final ListStatistics alloc = new ListStatistics();
    final ListStatistics switches = new ListStatistics();
    String unit = "";
  }

  /**
   * One measurement per contender of one paired run, in the order they first appear.
   *
   * @param result the run of one {@link PairedBenchmark} method
   * @return the measurements, each with its rounds
   * @throws IllegalStateException if an iteration names no contender (not profiled with {@link
   *     CpuProfiler})
   */
  static List<Measurement> measurements(RunResult result) {
    String benchmark = result.getParams().getBenchmark();
    String op = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    Map<String, Collected> byContender = new LinkedHashMap<>();
    int fork = 0;
    for (BenchmarkResult forkResult : result.getBenchmarkResults()) {
      for (IterationResult iteration : forkResult.getIterationResults()) {
        Map<String, Result> secondary = iteration.getSecondaryResults();
        String contender = contenderOf(secondary);
        Collected c = byContender.computeIfAbsent(contender, k -> new Collected());
        while (c.wall.size() <= fork) {
          c.wall.add(new ArrayList<>());
          c.cpu.add(new ArrayList<>());
        }
        c.unit = iteration.getPrimaryResult().getScoreUnit();
        c.wall.get(fork).add(iteration.getPrimaryResult().getScore());
        c.cpu.get(fork).add(secondary.get(CpuProfiler.NAME + CpuProfiler.label(contender)).getScore());
        Result<?> sw = secondary.get(CpuProfiler.SWITCHES + CpuProfiler.label(contender));
        if (sw != null && !Double.isNaN(sw.getScore())) {
          c.switches.addValue(sw.getScore());
        }
        Result<?> alloc = secondary.get("gc.alloc.rate.norm");
        if (alloc != null && !Double.isNaN(alloc.getScore())) {
          c.alloc.addValue(alloc.getScore());
        }
      }
      fork++;
    }
    List<Measurement> out = new ArrayList<>();
    byContender.forEach((contender, c) -> out.add(measurement(op, contender, c)));
    return out;
  }

  private static Measurement measurement(String op, String contender, Collected c) {
    ListStatistics wall = pooled(c.wall);
    ListStatistics cpu = pooled(c.cpu);
    List<Double> cpuPerFork = new ArrayList<>();
    for (List<Double> rounds : c.cpu) {
      if (!rounds.isEmpty()) {
        cpuPerFork.add(Measurement.median(rounds.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }
    return new Measurement(op, contender, wall.getMean(), errorOf(wall), c.unit,
        c.alloc.getN() == 0 ? Double.NaN : c.alloc.getMean(), cpu.getMean(), errorOf(cpu), Double.NaN, Double.NaN,
        c.switches.getN() == 0 ? Double.NaN : c.switches.getMean(), cpuPerFork, c.wall, c.cpu);
  }

  private static String contenderOf(Map<String, Result> secondary) {
    String prefix = CpuProfiler.NAME + CpuProfiler.label("");
    for (String name : secondary.keySet()) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    throw new IllegalStateException("a paired iteration without " + prefix + "<contender>: run PairedBenchmark with "
        + CpuProfiler.class.getSimpleName() + "; results " + secondary.keySet());
  }

  private static ListStatistics pooled(List<List<Double>> byFork) {
    ListStatistics s = new ListStatistics();
    byFork.forEach(rounds -> rounds.forEach(s::addValue));
    return s;
  }

  private static double errorOf(ListStatistics s) {
    return s.getN() > 1 ? s.getMeanErrorAt(CONFIDENCE) : Double.NaN;
  }

  /**
   * The paired ratio {@code contender / floor}: per fork, the median over rounds of the two
   * iterations' ratio; over forks, their mean with its 99.9% error (NaN below three forks).
   *
   * @param contender the contender's values, by fork and round
   * @param floor the floor's, of the same run
   * @return the ratio
   * @throws IllegalArgumentException if the two were not measured in the same forks
   */
  static Ratio ratio(List<List<Double>> contender, List<List<Double>> floor) {
    if (contender.size() != floor.size()) {
      throw new IllegalArgumentException("paired ratio: " + contender.size() + " fork(s) against " + floor.size()
          + "; both must come from the same paired run");
    }
    ListStatistics forks = new ListStatistics();
    forkRatios(contender, floor).forEach(forks::addValue);
    if (forks.getN() == 0) {
      return new Ratio(Double.NaN, Double.NaN);
    }
    return new Ratio(forks.getMean(), errorOf(forks));
  }

  /**
   * Each fork's ratio (the median over its rounds), for printing beside the mean.
   *
   * @param contender the contender's values, by fork and round
   * @param floor the floor's
   * @return one ratio per fork
   */
  static List<Double> forkRatios(List<List<Double>> contender, List<List<Double>> floor) {
    List<Double> out = new ArrayList<>();
    for (int f = 0; f < Math.min(contender.size(), floor.size()); f++) {
      int rounds = Math.min(contender.get(f).size(), floor.get(f).size());
      if (rounds > 0) {
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratios[r] = contender.get(f).get(r) / floor.get(f).get(r);
        }
        out.add(Measurement.median(ratios));
      }
    }
    return out;
  }
}
