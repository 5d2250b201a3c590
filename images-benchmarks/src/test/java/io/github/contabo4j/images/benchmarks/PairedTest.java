package io.github.contabo4j.images.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Contenders taking turns in one fork, and ratios paired by fork and round. */
class PairedTest {

  @Test
  void contendersTakeTurnsInRoundsThatAlternateDirection() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      order.add(PairedBenchmark.turn(i, 3));
    }
    assertThat(order).containsExactly(0, 1, 2, 2, 1, 0, 0, 1, 2);
    assertThat(PairedBenchmark.turn(5, 1)).isZero();
  }

  @Test
  void theContenderListRefusesEmptyAndRepeatedNames() {
    assertThat(PairedBenchmark.names("raw, jdk")).containsExactly("raw", "jdk");
    assertThatThrownBy(() -> PairedBenchmark.names("raw,,jdk")).hasMessageContaining("contenders")
        .hasMessageContaining("none empty");
    assertThatThrownBy(() -> PairedBenchmark.names("raw,raw")).hasMessageContaining("each name once");
  }

  @Test
  void aLevelSharedByTheForkCancelsInThePairedRatioButNotInTheIndependentOne() {
    // fork 2 runs 1.6x slower for both; in fork 1 round 3 the floor had a hiccup
    List<List<Double>> floor = List.of(List.of(100.0, 100.0, 300.0), List.of(160.0, 160.0, 160.0),
        List.of(120.0, 120.0, 120.0));
    List<List<Double>> contender = List.of(List.of(120.0, 121.0, 119.0), List.of(192.0, 193.6, 190.4),
        List.of(144.0, 144.0, 144.0));

    assertThat(PairedResults.forkRatios(contender, floor)).containsExactly(1.2, 1.2, 1.2);
    Ratio paired = PairedResults.ratio(contender, floor);
    assertThat(paired.value()).isCloseTo(1.2, within(1e-9));
    assertThat(paired.error()).isCloseTo(0, within(1e-9));
    assertThat(Verdict.atMost(paired, 1.25)).isEqualTo(Verdict.MET);

    Measurement a = new Measurement("get", "feign", 1, 0, "us/op", Double.NaN, 151.9, 25, Double.NaN, Double.NaN);
    Measurement b = new Measurement("get", "rawhc5", 1, 0, "us/op", Double.NaN, 148.9, 40, Double.NaN, Double.NaN);
    assertThat(Verdict.atMost(Ratio.cpu(a, b), 1.25)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void theErrorComesFromTheSpreadBetweenForks() {
    List<List<Double>> floor = List.of(List.of(100.0), List.of(100.0), List.of(100.0));
    Ratio r = PairedResults.ratio(List.of(List.of(110.0), List.of(120.0), List.of(130.0)), floor);
    assertThat(r.value()).isCloseTo(1.2, within(1e-9));
    // Student's t at 99.9%, two degrees of freedom: 31.6 x sd 0.1 / sqrt 3
    assertThat(r.error()).isCloseTo(31.599 * 0.1 / Math.sqrt(3), within(1e-3));
  }

  @Test
  void fewerThanThreeForksLeaveTheErrorUnknownAndForksMustMatch() {
    Ratio one = PairedResults.ratio(List.of(List.of(110.0, 111.0)), List.of(List.of(100.0, 100.0)));
    assertThat(one.value()).isCloseTo(1.105, within(1e-9));
    assertThat(one.error()).isNaN();
    assertThat(Verdict.atMost(one, 1.25)).isEqualTo(Verdict.INCONCLUSIVE);
    Ratio two = PairedResults.ratio(List.of(List.of(110.0), List.of(112.0)), List.of(List.of(100.0), List.of(100.0)));
    assertThat(two.value()).isCloseTo(1.11, within(1e-9));
    assertThat(two.error()).isNaN();
    assertThatThrownBy(() -> PairedResults.ratio(List.of(List.of(1.0)), List.of(List.of(1.0), List.of(1.0))))
        .hasMessageContaining("1 fork(s) against 2");
  }

  @Test
  void aPairedRunGivesEachContenderItsOwnRoundsAndAPairedRatio() throws Exception {
    try (CannedServer server = CannedServer.start(0, null)) {
      System.setProperty(ClientBenchmark.SERVER_PROPERTY, server.baseUri().toString());
      List<Measurement> measured = new ArrayList<>();
      try {
        for (RunResult result : new Runner(new OptionsBuilder()
            .include("^" + Pattern.quote(PairedBenchmark.class.getName()) + "\\.get$")
            .param("contenders", Contender.RAW_HC5 + "," + Contender.FEIGN)
            .forks(0).threads(1).mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS)
            .warmupIterations(2).warmupTime(TimeValue.milliseconds(50))
            .measurementIterations(6).measurementTime(TimeValue.milliseconds(50))
            .addProfiler(CpuProfiler.class).shouldFailOnError(true).build()).run()) {
          measured.addAll(PairedResults.measurements(result));
        }
      } finally {
        System.clearProperty(ClientBenchmark.SERVER_PROPERTY);
      }

      assertThat(measured).extracting(Measurement::contender).containsExactlyInAnyOrder("rawhc5", "feign");
      for (Measurement m : measured) {
        assertThat(m.op()).isEqualTo("get");
        assertThat(m.paired()).isTrue();
        assertThat(m.wallByRound()).hasSize(1);
        assertThat(m.wallByRound().get(0)).hasSize(3).allSatisfy(us -> assertThat(us).isPositive());
        assertThat(m.cpuByRound().get(0)).hasSize(3).allSatisfy(ns -> assertThat(ns).isPositive());
        assertThat(m.cpuPerFork()).hasSize(1);
      }
      Measurement feign = measured.stream().filter(m -> m.contender().equals("feign")).findFirst().orElseThrow();
      Measurement floor = measured.stream().filter(m -> m.contender().equals("rawhc5")).findFirst().orElseThrow();
      Ratio cpu = Ratio.cpu(feign, floor);
      assertThat(cpu.value()).isPositive();
      assertThat(cpu.error()).as("one fork: no error between forks").isNaN();
      assertThat(ServerProcess.errors(server.baseUri())).isZero();
    }
  }
}
