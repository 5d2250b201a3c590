package io.github.contabo4j.images.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTableTest {

  /** Per call: wall in us with a 1% error, CPU in ns with {@code cpuRel} relative error. */
  private static Measurement avgt(String op, String contender, double us, double cpuNs, double cpuRel) {
    return new Measurement(op, contender, us, us / 100, "us/op", 1000, cpuNs, cpuNs * cpuRel, Double.NaN, Double.NaN);
  }

  private static Measurement thrpt(String op, String contender, double perSecond, double cpuNs) {
    return new Measurement(op, contender, perSecond, perSecond / 100, "ops/s", Double.NaN, cpuNs, cpuNs / 100,
        Double.NaN, Double.NaN);
  }

  private static RatioTable table() {
    return new RatioTable(
        List.of(avgt("get", "raw", 100, 50_000, 0.01), avgt("get", "rawhc5", 80, 40_000, 0.01),
            avgt("get", "jdk", 105, 52_000, 0.01), avgt("get", "feign", 110, 60_000, 0.01),
            avgt("list", "raw", 200, 100_000, 0.01), avgt("list", "rawhc5", 200, 100_000, 0.01),
            avgt("list", "jdk", 230, 109_000, 0.05), avgt("list", "feign", 200, 100_000, 0.01)),
        List.of(thrpt("get", "raw", 1000, 50_000), thrpt("get", "rawhc5", 1000, 50_000),
            thrpt("get", "jdk", 950, 52_000), thrpt("get", "feign", 700, 70_000)),
        List.of(new Measurement("get", "raw", 100, 1, "us/op", Double.NaN, Double.NaN, Double.NaN, 90, 300),
            new Measurement("get", "jdk", 110, 1, "us/op", Double.NaN, Double.NaN, Double.NaN, 99, 450)),
        List.of(new Measurement("get", "-", 2_500_000, 25_000, "ops/s", Double.NaN)),
        List.of());
  }

  @Test
  void eachContenderIsJudgedAgainstTheFloorOnItsOwnEngine() {
    assertThat(RatioTable.floorOf(Contender.JDK)).isEqualTo(Contender.RAW);
    assertThat(RatioTable.floorOf(Contender.GENERATED)).isEqualTo(Contender.RAW);
    assertThat(RatioTable.floorOf(Contender.FEIGN)).isEqualTo(Contender.RAW_HC5);
  }

  @Test
  void targetsCarryTheirVerdictRatioAndInterval() {
    List<String> targets = table().targets();
    // jdk get CPU 52,000/50,000 = 1.04 ± 0.015: wholly below 1.10.
    assertThat(targets).contains(
        "[met]          jdk get CPU/call: 1.04 ± 0.01x raw, interval [1.03, 1.05], target <= 1.10");
    // jdk list wall 230/200 = 1.15 ± 0.016: wholly above 1.10.
    assertThat(targets).anyMatch(l -> l.startsWith("[MISSED]") && l.contains("jdk list wall/call: 1.15"));
    // jdk list CPU 1.09 ± 0.056 straddles 1.10.
    assertThat(targets).anyMatch(l -> l.startsWith("[inconclusive]") && l.contains("jdk list CPU/call: 1.09")
        && l.contains("interval [1.03, 1.15]"));
    // feign against rawhc5: get 110/80 = 1.375 missed; list 1.00 met.
    assertThat(targets).anyMatch(l -> l.startsWith("[MISSED]") && l.contains("feign get wall/call: 1.38")
        && l.contains("x rawhc5"));
    assertThat(targets).anyMatch(l -> l.startsWith("[met]") && l.contains("feign list CPU/call: 1.00"));
    assertThat(targets).anyMatch(l -> l.startsWith("[not run]") && l.contains("generated"));
    assertThat(targets).anyMatch(l -> l.startsWith("[met]") && l.contains("16 threads jdk get throughput: 0.95"));
    assertThat(targets).anyMatch(l -> l.startsWith("[MISSED]") && l.contains("16 threads feign get throughput: 0.70"));
    assertThat(targets).anyMatch(l -> l.startsWith("[not run]") && l.contains("16 threads jdk list"));
    assertThat(targets).last().asString().startsWith("[met]").contains("fake >= 2M get/s: 2,500,000");
  }

  @Test
  void theTablesShowRelativeErrorsCpuAndTheTail() {
    String text = table().render();
    assertThat(text).contains("±1.0%").contains("52,000 ± 520").contains("±5.0%");
    assertThat(text).containsPattern("get\\s+raw\\s+100.000 ± 1.000 us/op\\s+±1.0%\\s+floor");
    assertThat(text).contains("== Tail latency").containsPattern("get\\s+jdk\\s+99.000 us\\s+450.000 us\\s+1.10\\s+1.50");
  }

  @Test
  void cpuRatiosNameEveryContenderAgainstItsFloor() {
    assertThat(table().cpuRatios()).extracting(RatioTable.Named::name).containsExactly(
        "per call get jdk/raw", "per call get feign/rawhc5", "per call list jdk/raw", "per call list feign/rawhc5",
        "16 threads get jdk/raw", "16 threads get feign/rawhc5");
  }

  @Test
  void missingRunsAreReportedAsNotRunNeverAsMet() {
    assertThat(new RatioTable(List.of(), List.of(), List.of(), List.of(), List.of()).targets())
        .allSatisfy(line -> assertThat(line).startsWith("[not run]"));
  }

  @Test
  void eachForksOwnLevelIsShownWithTheSpread() {
    Measurement feign = new Measurement("get", "feign", 60, 6, "us/op", 1000, 49_000, 9_000, Double.NaN,
        Double.NaN, 12, List.of(38_000.0, 39_000.0, 70_000.0));
    Measurement oneFork = new Measurement("get", "rawhc5", 40, 1, "us/op", 1000, 30_000, 300, Double.NaN,
        Double.NaN, 12, List.of(30_000.0));
    String text = new RatioTable(List.of(oneFork, feign), List.of(), List.of(), List.of(), List.of()).render();
    assertThat(text).contains("CPU ns/call by fork")
        .contains("get   feign      38,000  39,000  70,000  spread 1.84x")
        .doesNotContain("rawhc5     30,000"); // one fork has no spread to show
  }

  @Test
  void pairedMeasurementsShowEachForksRatioAndJudgeOnTheSpreadBetweenForks() {
    List<List<Double>> floorCpu = List.of(List.of(30_000.0, 30_000.0), List.of(45_000.0, 45_000.0),
        List.of(31_000.0, 31_000.0));
    List<List<Double>> feignCpu = List.of(List.of(36_000.0, 36_000.0), List.of(54_000.0, 54_000.0),
        List.of(37_200.0, 37_200.0));
    Measurement floor = new Measurement("get", "rawhc5", 40, 1, "us/op", 1000, 35_333, 9_000, Double.NaN,
        Double.NaN, 1, List.of(30_000.0, 45_000.0, 31_000.0), floorCpu, floorCpu);
    Measurement feign = new Measurement("get", "feign", 48, 1, "us/op", 2000, 42_400, 11_000, Double.NaN,
        Double.NaN, 1, List.of(36_000.0, 54_000.0, 37_200.0), feignCpu, feignCpu);

    RatioTable table = new RatioTable(List.of(floor, feign), List.of(), List.of(), List.of(), List.of());
    assertThat(table.render()).contains("x floor = each fork's median ratio over its rounds")
        .contains("get   feign      36,000  54,000  37,200  spread 1.50x  x floor 1.20  1.20  1.20");
    // the forks' levels differ by 1.5x, their ratios not at all: met, though the pooled CPU errors
    // (±25% and ±26%) would have left the independent ratio inconclusive
    assertThat(table.targets()).anySatisfy(line -> assertThat(line)
        .startsWith("[met]          feign get CPU/call: 1.20 ± 0.00x rawhc5"));
  }

  @Test
  void aForkLevelIsTheMedianOfItsIterations() {
    assertThat(Measurement.median(new double[] {70, 38, 39})).isEqualTo(39);
    assertThat(Measurement.median(new double[] {40, 38, 39, 70})).isEqualTo(39.5);
  }
}
