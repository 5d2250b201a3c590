package io.github.contabo4j.images.benchmarks;

import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's outcome, reduced to what the ratio table needs.
 *
 * @param op the benchmark method, e.g. {@code get}
 * @param contender the contender, or {@code "-"} for benchmarks without one
 * @param score the primary score
 * @param error its 99.9% error (NaN when JMH could not compute one)
 * @param unit the score's unit, e.g. {@code us/op}
 * @param allocPerOp bytes allocated per operation ({@code -prof gc}), NaN when not profiled
 */
record Measurement(String op, String contender, double score, double error, String unit, double allocPerOp) {

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
    return new Measurement(op, contender == null ? "-" : contender, primary.getScore(), primary.getScoreError(),
        primary.getScoreUnit(), alloc == null ? Double.NaN : alloc.getScore());
  }
}
