package io.github.contabo4j.images.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line and the virtual-thread run's report, without running JMH or a second JVM. */
class HarnessTest {

  @Test
  void theSmokeRunsOptionsParse() {
    BenchMain.Options o = BenchMain.Options.parse("--forks", "1", "--warmups", "1", "--iterations", "1", "--time", "1",
        "--twice", "--no-pin", "--runs", "call,vt", "--vt-threads", "10", "--solo-warmup", "3");
    assertThat(o.forks()).isEqualTo(1);
    assertThat(o.twice()).isTrue();
    assertThat(o.noPin()).isTrue();
    assertThat(o.runs()).containsExactly("call", "vt");
    assertThat(o.vtThreads()).isEqualTo(10);
    assertThat(o.soloWarmup()).isEqualTo(3);
    BenchMain.Options defaults = BenchMain.Options.parse();
    assertThat(defaults.soloWarmup()).isEqualTo(3);
    assertThat(List.of(defaults.forks(), defaults.warmups(), defaults.iterations(), defaults.seconds()))
        .as("the published runs' settings: paired ratios need three forks or more for an error")
        .containsExactly(10, 6, 6, 1);
    assertThat(BenchMain.Options.parse().runs()).containsExactlyElementsOf(BenchMain.Options.ALL_RUNS);
    assertThat(BenchMain.Options.parse().vtThreads()).isEqualTo(1000);
  }

  @Test
  void unknownOptionsRunsAndContendersAreRefusedByName() {
    assertThatThrownBy(() -> BenchMain.Options.parse("--fork", "1")).hasMessageContaining("--fork");
    assertThatThrownBy(() -> BenchMain.Options.parse("--runs", "calls")).hasMessageContaining("calls");
    assertThatThrownBy(() -> BenchMain.Options.parse("--contenders", "okhttp")).hasMessageContaining("okhttp");
  }

  @Test
  void theVirtualThreadResultLineRoundTripsAndIsComparedWithItsFloor() {
    VirtualThreadRun.Result raw = new VirtualThreadRun.Result("raw", 1000, 10_000, 100, 5, 0, 0, "25.0.1+8");
    VirtualThreadRun.Result jdk = new VirtualThreadRun.Result("jdk", 1000, 9_000, 90, 5, 3, 0, "25.0.1+8");
    assertThat(VirtualThreadRun.Result.parse(jdk.line())).isEqualTo(jdk);
    assertThatThrownBy(() -> VirtualThreadRun.Result.parse("hello")).isInstanceOf(IllegalArgumentException.class);
    String table = VirtualThreadTable.render(List.of(raw, jdk));
    assertThat(table).containsPattern("jdk\\s+9,000 ± 90.000\\s+±1.0%\\s+0.90 ± 0.01\\s+3 25.0.1\\+8")
        .contains("JEP 491");
  }

  @Test
  void theWindowsSpreadIsUnknownFromOneWindow() {
    assertThat(VirtualThreadRun.standardDeviation(List.of(100.0))).isNaN();
    assertThat(VirtualThreadRun.standardDeviation(List.of(90.0, 110.0))).isCloseTo(14.142, org.assertj.core.api.Assertions.within(1e-3));
  }

  @Test
  void theVirtualThreadExecutorIsFoundReflectivelyOrRefusedWithTheVersion() {
    if (Runtime.version().feature() >= 21) {
      assertThat(VirtualThreadRun.virtualThreadExecutor()).isNotNull();
    } else {
      assertThatThrownBy(VirtualThreadRun::virtualThreadExecutor).hasMessageContaining("Java 21+");
    }
  }

  @Test
  void theLoadAverageIsReadOrReportedUnknown() {
    assertThat(BenchMain.loadAverage()).matches("unknown|[0-9.]+ [0-9.]+ [0-9.]+");
  }
}
