package io.github.contabo4j.images.benchmarks;

import java.util.Locale;

/**
 * A ratio of two scores with its error: {@code r = a / b}, {@code e = r * sqrt((ea/a)^2 + (eb/b)^2)}
 * (independent errors, first-order propagation). An unknown error (NaN, e.g. from a single
 * iteration) stays unknown, so no verdict can be drawn from it.
 *
 * @param value the ratio
 * @param error its absolute error (NaN when unknown)
 */
record Ratio(double value, double error) {

  /**
   * Divides two scores.
   *
   * @param a the numerator's score
   * @param errorA its absolute error
   * @param b the denominator's score
   * @param errorB its absolute error
   * @return {@code a / b} with the propagated error
   */
  static Ratio of(double a, double errorA, double b, double errorB) {
    double value = a / b;
    double error = Math.abs(value) * Math.hypot(errorA / a, errorB / b);
    return new Ratio(value, error);
  }

  /**
   * Divides two measurements' wall-clock scores: paired by fork and round ({@link PairedResults#ratio})
   * when both come from one {@link PairedBenchmark} run, else {@link #of}.
   *
   * @param a the contender
   * @param b its floor
   * @return the ratio
   */
  static Ratio wall(Measurement a, Measurement b) {
    if (a.paired() && b.paired()) {
      return PairedResults.ratio(a.wallByRound(), b.wallByRound());
    }
    return of(a.score(), a.error(), b.score(), b.error());
  }

  /**
   * Divides two measurements' CPU per call, paired like {@link #wall}.
   *
   * @param a the contender
   * @param b its floor
   * @return the ratio
   */
  static Ratio cpu(Measurement a, Measurement b) {
    if (a.paired() && b.paired()) {
      return PairedResults.ratio(a.cpuByRound(), b.cpuByRound());
    }
    return of(a.cpuPerOp(), a.cpuError(), b.cpuPerOp(), b.cpuError());
  }

  /** The lower end of the error interval. */
  double low() {
    return value - error;
  }

  /** The upper end of the error interval. */
  double high() {
    return value + error;
  }

  /** The error relative to the ratio, e.g. 0.05 for ±5%. */
  double relativeError() {
    return error / Math.abs(value);
  }

  /** True when both the value and its error are finite numbers. */
  boolean known() {
    return Double.isFinite(value) && Double.isFinite(error);
  }

  /** E.g. {@code 1.05 ± 0.03}. */
  @Override
  public String toString() {
    return Format.plain(value) + " ± " + Format.plain(error);
  }

  /** E.g. {@code [1.02, 1.08]}. */
  String interval() {
    return known() ? String.format(Locale.ROOT, "[%.2f, %.2f]", low(), high()) : "[unknown]";
  }
}
