package io.github.contabo4j.images.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.architecture.fixture.Leaky;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule (a) of issue 16 over every published module: no public or protected signature, supertype or
 * type argument of a public type outside {@code internal} names a type in an {@code internal}
 * package. The violations present when the rule arrived are frozen in {@value #KNOWN}.
 */
class InternalTypesInPublicSignaturesTest {
  static final String KNOWN = "/architecture/internal-types-in-public-signatures.txt";

  @Test
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

    String hidden = "io.github.contabo4j.images.architecture.fixture.internal.Hidden";
    assertThat(details).map(InternalTypesInPublicSignaturesTest::withoutLocation).containsExactlyInAnyOrder(
        Leaky.class.getName() + " exposes " + hidden + " (superclass)",
        Leaky.class.getName() + " exposes " + hidden + " (interface)",
        Leaky.class.getName() + " exposes " + hidden + " (type parameter T bound)",
        Leaky.class.getName() + " exposes " + hidden + " (field field)",
        Leaky.class.getName() + " exposes " + hidden + " (constructor parameter)",
        Leaky.class.getName() + " exposes " + hidden + " (method listOf() return)",
        Leaky.class.getName() + " exposes " + hidden + " (method take() parameter)",
        Leaky.class.getName() + " exposes " + hidden + " (method compare() parameter)",
        Leaky.class.getName() + " exposes " + hidden + " (method fail() throws)",
        Leaky.class.getName() + " exposes " + hidden + "Mark (method marked() annotation)",
        Leaky.class.getName() + " exposes " + hidden + " (method pick() parameter)",
        Leaky.class.getName() + " exposes " + hidden + " (method pick() type parameter U bound)",
        Leaky.Nested.class.getName() + " exposes " + hidden + " (method hook() return)");
  }

  /** ArchUnit appends {@code in (File.java:0)}; the allow-list must not depend on it. */
  static String withoutLocation(String detail) {
    return detail.replaceFirst(" in \\([^)]*\\)$", "");
  }
}
