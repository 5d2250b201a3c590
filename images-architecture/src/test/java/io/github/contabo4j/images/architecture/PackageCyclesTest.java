package io.github.contabo4j.images.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import io.github.contabo4j.images.architecture.fixture.cycle.a.A;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rule (b) of issue 16: no package cycles in any published module, every package its own slice. The
 * cycles present when the rule arrived are frozen in {@value #KNOWN}, each as the packages it passes
 * through (below {@code io.github.contabo4j}), starting from the alphabetically first.
 */
class PackageCyclesTest {
  static final String KNOWN = "/architecture/package-cycles.txt";

  /** Every package under {@code io.github.contabo4j}, the root one included, is a slice. */
  static ArchRule packagesAreFreeOfCycles() {
    return slices().matching("io.github.contabo4j.(**)").should().beFreeOfCycles().allowEmptyShould(true);
  }

  @Test
  // Imports every published module's classes (about 15 s on a quiet 2-core machine, over a minute
  // while other builds run): more than the 30 s default, which stays for every other test.
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void noPublishedModuleHasAPackageCycleBeyondTheFrozenOnes() {
    List<String> found = new ArrayList<>();
    for (PublishedModules module : PublishedModules.values()) {
      cycles(module.classes()).forEach(cycle -> found.add(module.artifactId() + ": " + cycle));
    }

    KnownViolations.assertOnlyKnown(KNOWN, found);
  }

  @Test
  void theRuleFindsACycleBetweenTwoPackages() {
    JavaClasses fixture = Fixtures.importTree(A.class.getPackageName().replaceFirst("\\.a$", ""));

    assertThat(cycles(fixture)).containsExactly(
        "images.architecture.fixture.cycle.a -> images.architecture.fixture.cycle.b -> images.architecture.fixture.cycle.a");
  }

  /**
   * The cycles ArchUnit reports, each reduced to its slices: {@code "Cycle detected: Slice x -> Slice
   * y -> Slice x"} and then the dependencies, which change with every edit and are left out.
   */
  static List<String> cycles(JavaClasses classes) {
    return packagesAreFreeOfCycles().evaluate(classes).getFailureReport().getDetails().stream()
        .map(PackageCyclesTest::slicesOf)
        .sorted()
        .collect(Collectors.toList());
  }

  private static String slicesOf(String detail) {
    String header = detail.split("\n\\s*1\\. ", 2)[0].replaceFirst("^Cycle detected: ", "");
    List<String> slices = Arrays.stream(header.split("->"))
        .map(s -> s.strip().replaceFirst("^Slice ", ""))
        .collect(Collectors.toList());
    slices.remove(slices.size() - 1); // the first again
    int start = slices.indexOf(slices.stream().sorted().findFirst().orElseThrow());
    List<String> rotated = new ArrayList<>(slices.subList(start, slices.size()));
    rotated.addAll(slices.subList(0, start));
    rotated.add(rotated.get(0));
    return String.join(" -> ", rotated);
  }
}
