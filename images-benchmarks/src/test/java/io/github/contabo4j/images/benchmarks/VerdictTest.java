package io.github.contabo4j.images.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VerdictTest {

  @Test
  void aRatioCombinesBothRelativeErrorsInQuadrature() {
    // 110 ± 3% over 100 ± 4%: 1.10 ± 1.10 * 5% = 0.055.
    Ratio r = Ratio.of(110, 3.3, 100, 4);
    assertThat(r.value()).isCloseTo(1.10, within(1e-12));
    assertThat(r.error()).isCloseTo(0.055, within(1e-12));
    assertThat(r.relativeError()).isCloseTo(0.05, within(1e-12));
    assertThat(r.interval()).isEqualTo("[1.05, 1.16]");
    assertThat(Ratio.of(50, 0, 100, 0).error()).isZero();
  }

  @Test
  void anUnknownErrorStaysUnknownAndDecidesNothing() {
    Ratio r = Ratio.of(50, Double.NaN, 100, 1);
    assertThat(r.known()).isFalse();
    assertThat(r.interval()).isEqualTo("[unknown]");
    assertThat(Verdict.atMost(r, 1.10)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Verdict.atLeast(r, 0.10)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void atMostIsMetOnlyWhenTheWholeIntervalIsAtOrBelowTheLimit() {
    assertThat(Verdict.atMost(new Ratio(1.00, 0.10), 1.10)).isEqualTo(Verdict.MET);
    assertThat(Verdict.atMost(new Ratio(1.00, 0.11), 1.10)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Verdict.atMost(new Ratio(1.05, 0.37), 1.10)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Verdict.atMost(new Ratio(1.21, 0.10), 1.10)).isEqualTo(Verdict.MISSED);
    assertThat(Verdict.atMost(new Ratio(1.20, 0.10), 1.10)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void atLeastIsMetOnlyWhenTheWholeIntervalIsAtOrAboveTheLimit() {
    assertThat(Verdict.atLeast(new Ratio(1.00, 0.10), 0.90)).isEqualTo(Verdict.MET);
    assertThat(Verdict.atLeast(new Ratio(0.95, 0.10), 0.90)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Verdict.atLeast(new Ratio(0.70, 0.10), 0.90)).isEqualTo(Verdict.MISSED);
  }

  @Test
  void theIssuesOwnCounterexampleIsNoLongerMet() {
    // issue 21: raw 495 ± 452 us; jdk 1.05 ± 1.20 and feign 0.69 ± 1.10 were printed [met].
    assertThat(Verdict.atMost(new Ratio(1.05, 1.20), 1.10)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Verdict.atMost(new Ratio(0.69, 1.10), 1.25)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void combinedVerdictsLetAMissWinThenDoubt() {
    assertThat(Verdict.both(Verdict.MET, Verdict.MISSED)).isEqualTo(Verdict.MISSED);
    assertThat(Verdict.both(Verdict.INCONCLUSIVE, Verdict.MET)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(Verdict.both(Verdict.NOT_RUN, Verdict.INCONCLUSIVE)).isEqualTo(Verdict.NOT_RUN);
    assertThat(Verdict.both(Verdict.MET, Verdict.MET)).isEqualTo(Verdict.MET);
  }

  @Test
  void cpuPerCallIsTheCpuTimeOverTheOperations() {
    assertThat(CpuProfiler.perOp(2_000_000, 40)).isEqualTo(50_000.0);
    assertThat(CpuProfiler.perOp(2_000_000, 0)).isNaN();
    assertThat(CpuProfiler.perOp(-1, 10)).isNaN();
  }
}
