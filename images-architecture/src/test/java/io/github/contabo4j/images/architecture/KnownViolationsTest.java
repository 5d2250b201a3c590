package io.github.contabo4j.images.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownViolationsTest {
  private static final String SAMPLE = "/architecture/known-sample.txt";

  @Test
  void exactlyTheFrozenViolationsPass() {
    assertThatCode(() -> KnownViolations.assertOnlyKnown(SAMPLE, List.of("module: two", "module: one")))
        .doesNotThrowAnyException();
  }

  @Test
  void aNewViolationFails() {
    assertThatThrownBy(() -> KnownViolations.assertOnlyKnown(SAMPLE, List.of("module: one", "module: two", "module: three")))
        .hasMessageContaining("new violations")
        .hasMessageContaining("module: three");
  }

  @Test
  void aFixedViolationMustBeDeletedFromTheList() {
    assertThatThrownBy(() -> KnownViolations.assertOnlyKnown(SAMPLE, List.of("module: one")))
        .hasMessageContaining("delete these lines")
        .hasMessageContaining("module: two");
  }
}
