package io.github.contabo4j.images.benchmarks;

/**
 * A target's verdict, drawn from a ratio's whole error interval, never from its mean alone: {@code
 * met} or {@code missed} only when the interval lies wholly on one side of the limit, {@code
 * inconclusive} when it straddles the limit or its error is unknown.
 */
enum Verdict {
  /** The whole interval is on the good side. */
  MET("[met]         "),
  /** The whole interval is on the bad side. */
  MISSED("[MISSED]      "),
  /** The interval contains the limit, or the error is unknown. */
  INCONCLUSIVE("[inconclusive]"),
  /** A contender the target needs was not measured. */
  NOT_RUN("[not run]     ");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The fixed-width label that starts a target line. */
  String label() {
    return label;
  }

  /**
   * For a target "ratio at most {@code limit}" (lower is better).
   *
   * @param ratio the ratio with its error
   * @param limit the limit
   * @return the verdict
   */
  static Verdict atMost(Ratio ratio, double limit) {
    if (!ratio.known()) {
      return INCONCLUSIVE;
    }
    if (ratio.high() <= limit) {
      return MET;
    }
    return ratio.low() > limit ? MISSED : INCONCLUSIVE;
  }

  /**
   * For a target "ratio at least {@code limit}" (higher is better).
   *
   * @param ratio the ratio with its error
   * @param limit the limit
   * @return the verdict
   */
  static Verdict atLeast(Ratio ratio, double limit) {
    if (!ratio.known()) {
      return INCONCLUSIVE;
    }
    if (ratio.low() >= limit) {
      return MET;
    }
    return ratio.high() < limit ? MISSED : INCONCLUSIVE;
  }

  /**
   * The verdict of several checks together: missed if any is, else not run or inconclusive if any
   * is, else met.
   *
   * @param a one verdict
   * @param b another
   * @return the combined verdict
   */
  static Verdict both(Verdict a, Verdict b) {
    if (a == MISSED || b == MISSED) {
      return MISSED;
    }
    if (a == NOT_RUN || b == NOT_RUN) {
      return NOT_RUN;
    }
    return a == INCONCLUSIVE || b == INCONCLUSIVE ? INCONCLUSIVE : MET;
  }
}
