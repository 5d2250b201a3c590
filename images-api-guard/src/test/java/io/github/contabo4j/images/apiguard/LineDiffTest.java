package io.github.contabo4j.images.apiguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void equalListsHaveNoDiff() {
    assertEquals("", LineDiff.diff(List.of("a", "b"), List.of("a", "b"), 2));
  }

  @Test
  void showsRemovedAndAddedLinesWithContextAndElidesTheRest() {
    List<String> before = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    List<String> after = List.of("a", "B", "c", "d", "e", "f", "g", "h", "i");
    assertEquals("""
          a
        - b
        + B
          c
          d
          ...
          g
          h
        + i
        """, LineDiff.diff(before, after, 2));
  }
}
