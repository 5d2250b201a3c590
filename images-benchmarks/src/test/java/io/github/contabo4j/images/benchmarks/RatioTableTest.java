package io.github.contabo4j.images.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTableTest {

  private static Measurement avgt(String op, String contender, double us) {
    return new Measurement(op, contender, us, us / 100, "us/op", 1000);
  }

  private static Measurement thrpt(String op, String contender, double perSecond) {
    return new Measurement(op, contender, perSecond, perSecond / 100, "ops/s", Double.NaN);
  }

  @Test
  void targetsAreJudgedAgainstRaw() {
    RatioTable table = new RatioTable(
        List.of(avgt("get", "raw", 100), avgt("get", "jdk", 109), avgt("get", "feign", 130),
            avgt("get", "generated", 120), avgt("list", "raw", 200), avgt("list", "jdk", 210),
            avgt("list", "feign", 240), avgt("list", "generated", 300)),
        List.of(thrpt("get", "raw", 1000), thrpt("get", "jdk", 950), thrpt("get", "feign", 890),
            thrpt("list", "raw", 500), thrpt("list", "jdk", 500), thrpt("list", "feign", 460)),
        List.of(thrpt("get", "-", 2_500_000)),
        List.of());

    assertThat(table.targets()).containsExactly(
        "[met]     jdk <= 1.10x raw per call: get 1.09x, list 1.05x",
        "[MISSED]  feign <= 1.25x raw per call: get 1.30x, list 1.20x",
        "[MISSED]  jdk and feign faster per call than generated: get jdk 0.91x generated, "
            + "get feign 1.08x generated, list jdk 0.70x generated, list feign 0.80x generated",
        "[MISSED]  16-thread throughput >= 0.90x raw: get jdk 0.95x, get feign 0.89x, list jdk 1.00x, "
            + "list feign 0.92x",
        "[met]     fake >= 2M get/s: 2,500,000 get/s");
    assertThat(table.render()).contains("get   jdk").contains("1.09 ± 0.02");
  }

  @Test
  void missingRunsAreReportedAsNotRunNeverAsMet() {
    assertThat(new RatioTable(List.of(), List.of(), List.of(), List.of()).targets())
        .allSatisfy(line -> assertThat(line).startsWith("[not run]"));
  }
}
