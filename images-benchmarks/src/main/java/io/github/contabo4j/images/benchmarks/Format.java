package io.github.contabo4j.images.benchmarks;

import java.util.Locale;

/** Number formatting shared by the tables. */
final class Format {
  private Format() {}

  /** Two decimals, {@code ?} for NaN or infinity. */
  static String plain(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.2f", x) : "?";
  }

  /** Thousands grouped from 1,000 on, three decimals below. */
  static String number(double x) {
    if (!Double.isFinite(x)) {
      return "?";
    }
    return Math.abs(x) >= 1000 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.3f", x);
  }

  /** A relative error as a percentage, e.g. {@code ±4.2%}. */
  static String percent(double error, double score) {
    double relative = Math.abs(error / score) * 100;
    return Double.isFinite(relative) ? String.format(Locale.ROOT, "±%.1f%%", relative) : "±?";
  }
}
