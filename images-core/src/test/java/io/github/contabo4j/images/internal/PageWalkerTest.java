package io.github.contabo4j.images.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageWalkerTest {

  /** Serves {@code total} numbers in pages of {@code size}, recording every page asked for. */
  private static final class Numbers implements IntFunction<Page<Integer>> {
    final int total;
    final int size;
    final long claimedPages;
    final List<Integer> asked = new ArrayList<>();

    Numbers(int total, int size, long claimedPages) {
      this.total = total;
      this.size = size;
      this.claimedPages = claimedPages;
    }

    @Override
    public Page<Integer> apply(int page) {
      asked.add(page);
      List<Integer> items = IntStream.range((page - 1) * size, Math.min(total, page * size)).boxed()
          .collect(Collectors.toList());
      return new Page<>(items, new Pagination(page, size, total, claimedPages), PageLinks.none());
    }
  }

  @Test
  void walksEveryPageInOrderAndStopsAfterTheAnnouncedLastPage() {
    Numbers numbers = new Numbers(25, 10, 3);
    assertThat(PageWalker.stream(numbers, 1)).containsExactlyElementsOf(
        IntStream.range(0, 25).boxed().collect(Collectors.toList()));
    assertThat(numbers.asked).containsExactly(1, 2, 3);
  }

  @Test
  void fetchesLazily() {
    Numbers numbers = new Numbers(1000, 10, 100);
    for (int k : new int[] {1, 10, 11, 35}) {
      numbers.asked.clear();
      assertThat(PageWalker.stream(numbers, 1).limit(k).count()).isEqualTo(k);
      assertThat(numbers.asked.size()).isLessThanOrEqualTo((k + 9) / 10 + 1);
    }
  }

  @Test
  void stopsOnAnEmptyPageWhenFewerPagesComeThanClaimed() {
    Numbers numbers = new Numbers(15, 10, 50);
    assertThat(PageWalker.stream(numbers, 1).count()).isEqualTo(15);
    assertThat(numbers.asked).containsExactly(1, 2, 3);
  }

  @Test
  void stopsWhenAPageRepeats() {
    List<Integer> asked = new ArrayList<>();
    IntFunction<Page<Integer>> ignoresPage = page -> {
      asked.add(page);
      return new Page<>(List.of(1, 2), new Pagination(1, 2, 100, 50), PageLinks.none());
    };
    assertThat(PageWalker.stream(ignoresPage, 1)).containsExactly(1, 2);
    assertThat(asked).containsExactly(1, 2);
  }

  @Test
  void startsAtTheGivenPage() {
    Numbers numbers = new Numbers(30, 10, 3);
    assertThat(PageWalker.stream(numbers, 2).findFirst()).contains(10);
    assertThat(numbers.asked).containsExactly(2);
  }
}
