package io.github.contabo4j.images.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A frozen allow-list of the violations a rule found when it was introduced: a text resource, one
 * violation a line, {@code #} comments saying why each group is there and what removes it. A rule
 * passes when it finds exactly these: a violation not listed is new and fails the build; a listed one
 * that no longer occurs was fixed and must be deleted from the list, so the list only shrinks.
 */
final class KnownViolations {
  private KnownViolations() {}

  static Set<String> load(String resource) {
    try (InputStream in = KnownViolations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      Set<String> known = new TreeSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          known.add(trimmed);
        }
      }
      return known;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails unless the violations found are exactly the frozen ones.
   *
   * @param resource the allow-list, relative to this class
   * @param found the violations the rule reports now
   */
  static void assertOnlyKnown(String resource, Collection<String> found) {
    Set<String> known = load(resource);
    Set<String> added = new TreeSet<>(found);
    added.removeAll(known);
    Set<String> fixed = new TreeSet<>(known);
    fixed.removeAll(found);
    assertThat(added).as("new violations (fix them; the allow-list %s is frozen)", resource).isEmpty();
    assertThat(fixed).as("fixed violations: delete these lines from %s", resource).isEmpty();
  }
}
