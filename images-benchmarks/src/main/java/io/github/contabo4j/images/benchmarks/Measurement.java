package io.github.contabo4j.images.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * One benchmark's outcome, reduced to what the tables need.
 *
 * @param op the benchmark method, e.g. {@code get}
 * @param contender the contender, or {@code "-"} for benchmarks without one
 * @param score the primary score (wall clock)
 * @param error its 99.9% error (NaN when JMH could not compute one)
 * @param unit the score's unit, e.g. {@code us/op}
 * @param allocPerOp bytes allocated per operation ({@code -prof gc}), NaN when not profiled
 * @param cpuPerOp the fork's CPU ns per operation ({@link CpuProfiler}), NaN when not profiled
 * @param cpuError its 99.9% error, NaN when unknown
 * @param p50 the median, in the score's time unit, for sample-time runs (else NaN)
 * @param p99 the 99th percentile, likewise
 * @param switchesPerOp the fork's context switches per operation ({@link CpuProfiler}), NaN when not
 *     profiled
 * @param cpuPerFork each fork's median CPU ns per operation over its measured iterations, in fork
 *     order; empty when not profiled. The pooled {@code cpuPerOp} hides a fork that settled at its own
 *     level; this shows it.
 * @param wallByRound from a {@link PairedBenchmark}: each fork's primary score in each round, in
 *     order (one list per fork); empty otherwise
 * @param cpuByRound likewise, CPU ns per operation
 */
record Measurement(String op, String contender, double score, double error, String unit, double allocPerOp,
    double cpuPerOp, double cpuError, double p50, double p99, double switchesPerOp, List<Double> cpuPerFork,
    List<List<Double>> wallByRound, List<List<Double>> cpuByRound) {

  Measurement {
    cpuPerFork = List.copyOf(cpuPerFork);
    wallByRound = wallByRound.stream().map(List::copyOf).collect(java.util.stream.Collectors.toUnmodifiableList());
    cpuByRound = cpuByRound.stream().map(List::copyOf).collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /** A measurement of one contender in its own forks. */
  Measurement(String op, String contender, double score, double error, String unit, double allocPerOp,
      double cpuPerOp, double cpuError, double p50, double p99, double switchesPerOp, List<Double> cpuPerFork) {
    this(op, contender, score, error, unit, allocPerOp, cpuPerOp, cpuError, p50, p99, switchesPerOp, cpuPerFork,
        List.of(), List.of());
  }

  /** True when taken by a {@link PairedBenchmark}: ratios are then paired by fork and round. */
  boolean paired() {
    return !wallByRound.isEmpty();
  }

  /** A measurement without CPU or percentiles (tests, the fake). */
  Measurement(String op, String contender, double score, double error, String unit, double allocPerOp) {
    this(op, contender, score, error, unit, allocPerOp, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        List.of(), List.of(), List.of());
  }

  /** A measurement without context switches (tests). */
  Measurement(String op, String contender, double score, double error, String unit, double allocPerOp,
      double cpuPerOp, double cpuError, double p50, double p99) {
    this(op, contender, score, error, unit, allocPerOp, cpuPerOp, cpuError, p50, p99, Double.NaN, List.of(),
        List.of(), List.of());
  }

  /**
   * Reads one JMH result.
   *
   * @param result the result
   * @return the measurement
   */
  static Measurement of(RunResult result) {
    String benchmark = result.getParams().getBenchmark();
    String op = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    String contender = result.getParams().getParam("contender");
    Result<?> primary = result.getPrimaryResult();
    Map<String, Result> secondary = result.getSecondaryResults();
    Result<?> alloc = secondary.get("gc.alloc.rate.norm");
    if (alloc == null) {
      alloc = secondary.get("\u00b7gc.alloc.rate.norm"); // the name before JMH 1.36
    }
    Result<?> cpu = secondary.get(CpuProfiler.NAME);
    Result<?> switches = secondary.get(CpuProfiler.SWITCHES);
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    if (result.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime) {
      Statistics stats = primary.getStatistics();
      p50 = stats.getPercentile(50);
      p99 = stats.getPercentile(99);
    }
    return new Measurement(op, contender == null ? "-" : contender, primary.getScore(), primary.getScoreError(),
        primary.getScoreUnit(), alloc == null ? Double.NaN : alloc.getScore(),
        cpu == null ? Double.NaN : cpu.getScore(), cpu == null ? Double.NaN : cpu.getScoreError(), p50, p99,
        switches == null ? Double.NaN : switches.getScore(), cpuPerFork(result));
  }

  /** Each fork's median {@link CpuProfiler} score over its measured iterations, in fork order. */
  private static List<Double> cpuPerFork(RunResult result) {
    List<Double> forks = new ArrayList<>();
    for (BenchmarkResult fork : result.getBenchmarkResults()) {
      double[] cpu = fork.getIterationResults().stream()
          .map(IterationResult::getSecondaryResults)
          .map(results -> results.get(CpuProfiler.NAME))
          .filter(r -> r != null && !Double.isNaN(r.getScore()))
          .mapToDouble(Result::getScore)
          .toArray();
      if (cpu.length > 0) {
        forks.add(median(cpu));
      }
    }
    return forks;
  }

  /**
   * The median.
   *
   * @param values at least one value (sorted in place)
   * @return the middle value, or the mean of the two middle ones
   */
  static double median(double[] values) {
    Arrays.sort(values);
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }
}
