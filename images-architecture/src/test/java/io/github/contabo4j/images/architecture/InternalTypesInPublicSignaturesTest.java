package io.github.contabo4j.images.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.architecture.fixture.Leaky;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rule (a) of issue 16 over every published module: no public or protected signature, supertype or
 * type argument of a public type outside {@code internal} names a type in an {@code internal}
 * package. The violations present when the rule arrived are frozen in {@value #KNOWN}.
 */
class InternalTypesInPublicSignaturesTest {
  static final String KNOWN = "/architecture/internal-types-in-public-signatures.txt";

  @Test
  // Imports every published module's classes (about 15 s on a quiet 2-core machine, over a minute
  // while other builds run): more than the 30 s default, which stays for every other test.
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void noPublishedModuleShowsAnInternalTypeBeyondTheFrozenOnes() {
    List<String> found = new ArrayList<>();
    for (PublishedModules module : PublishedModules.values()) {
      PublicSignatures.exposeNoInternalTypes().evaluate(module.classes()).getFailureReport().getDetails()
          .forEach(detail -> found.add(module.artifactId() + ": " + withoutLocation(detail)));
    }

    KnownViolations.assertOnlyKnown(KNOWN, found);
  }

  @Test
  void theRuleSeesEverySignatureKind() {
    List<String> details = PublicSignatures.exposeNoInternalTypes()
        .evaluate(Fixtures.importTree(Leaky.class.getPackageName()))
        .getFailureReport().getDetails();

    String leaky = Leaky.class.getName() + " exposes io.github.contabo4j.images.architecture.fixture.internal.Hidden";
    assertThat(details).map(InternalTypesInPublicSignaturesTest::withoutLocation).containsExactlyInAnyOrder(
        Stream.concat(
            Stream.of("superclass", "interface", "type parameter T bound", "field field", "constructor parameter",
                    "method listOf() return", "method take() parameter", "method compare() parameter",
                    "method fail() throws", "method pick() parameter", "method pick() type parameter U bound")
                .map(where -> leaky + " (" + where + ")"),
            Stream.of(
                leaky + "Mark (method marked() annotation)",
                Leaky.Nested.class.getName() + " exposes io.github.contabo4j.images.architecture.fixture.internal.Hidden"
                    + " (method hook() return)"))
            .toArray(String[]::new));
  }

  /** ArchUnit appends {@code in (File.java:0)}; the allow-list must not depend on it. */
  static String withoutLocation(String detail) {
    return detail.replaceFirst(" in \\([^)]*\\)$", "");
  }
}
