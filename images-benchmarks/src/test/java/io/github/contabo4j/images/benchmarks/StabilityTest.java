package io.github.contabo4j.images.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StabilityTest {

  private static Measurement cpu(String op, String contender, double ns, double error) {
    return new Measurement(op, contender, 1, 0.01, "us/op", Double.NaN, ns, error, Double.NaN, Double.NaN);
  }

  private static RatioTable run(double jdkNs, double jdkError, double feignNs) {
    return new RatioTable(List.of(cpu("get", "raw", 1000, 10), cpu("get", "rawhc5", 1000, 10),
        cpu("get", "jdk", jdkNs, jdkError), cpu("get", "feign", feignNs, 10)), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void ratiosThatAgreeAndArePreciseAreStable() {
    List<Stability.Check> checks = Stability.compare(run(1050, 10, 1200), run(1080, 10, 1190));
    assertThat(checks).extracting(Stability.Check::name).containsExactly("per call get jdk/raw", "per call get feign/rawhc5");
    assertThat(checks).allMatch(Stability.Check::stable);
    assertThat(Stability.render(checks)).contains("2 of 2 CPU-per-call ratios stable");
  }

  @Test
  void runsMoreThanTenPercentApartAreUnstable() {
    Stability.Check jdk = Stability.compare(run(1000, 10, 1000), run(1120, 10, 1000)).get(0);
    assertThat(jdk.agrees()).isFalse();
    assertThat(jdk.precise()).isTrue();
    assertThat(Stability.render(List.of(jdk))).contains("[UNSTABLE]").contains("runs differ").contains("0 of 1");
  }

  @Test
  void aRatioWithAWideErrorIsUnstableEvenWhenTheRunsAgree() {
    Stability.Check jdk = Stability.compare(run(1000, 150, 1000), run(1000, 150, 1000)).get(0);
    assertThat(jdk.agrees()).isTrue();
    assertThat(jdk.precise()).isFalse();
    assertThat(Stability.render(List.of(jdk))).contains("own error above 10%");
  }
}
