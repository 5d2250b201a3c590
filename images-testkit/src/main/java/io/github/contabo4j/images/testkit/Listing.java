package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.SortOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** Sorting and paging for the fake's list endpoints. */
final class Listing {
  /** The page number when a query sets none. */
  static final int DEFAULT_PAGE = 1;
  /** The page size when a query sets none. */
  static final int DEFAULT_SIZE = 10;

  private Listing() {}

  /** The sortable fields of one kind of element, by their spec name. */
  static final class Fields<T> {
    private final Map<String, Comparator<T>> byName = new LinkedHashMap<>();

    /** Adds a text field, compared ignoring case. */
    Fields<T> text(String name, Function<T, @Nullable String> key) {
      byName.put(name, Comparator.comparing(key, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER)));
      return this;
    }

    /** Adds a field compared by its natural order. */
    <U extends Comparable<? super U>> Fields<T> natural(String name, Function<T, @Nullable U> key) {
      byName.put(name, Comparator.comparing(key, Comparator.nullsFirst(Comparator.<U>naturalOrder())));
      return this;
    }

    /** The first term whose field is not sortable, or null when all are. */
    @Nullable String unknownField(List<SortOrder> orders) {
      for (SortOrder order : orders) {
        if (!byName.containsKey(order.field())) {
          return order.field();
        }
      }
      return null;
    }

    /** The field names, for messages. */
    String names() {
      return String.join(", ", byName.keySet());
    }

    /** The comparator of the terms, in order; all fields known. */
    @Nullable Comparator<T> comparator(List<SortOrder> orders) {
      Comparator<T> result = null;
      for (SortOrder order : orders) {
        Comparator<T> one = byName.get(order.field());
        if (order.direction() == SortOrder.Direction.DESC) {
          one = one.reversed();
        }
        result = result == null ? one : result.thenComparing(one);
      }
      return result;
    }
  }

  /**
   * Sorts (stably, so ties keep the given order) and cuts one page.
   *
   * @param matching every element that matches, in default order
   * @param fields the sortable fields
   * @param orders the sort terms, all known
   * @param page the page asked for, or null
   * @param size the size asked for, or null
   * @param link the link to a page number, given the effective size
   */
  static <T> Page<T> page(List<T> matching, Fields<T> fields, List<SortOrder> orders, @Nullable Integer page,
      @Nullable Integer size, LinkFactory link) {
    List<T> sorted = new ArrayList<>(matching);
    Comparator<T> comparator = fields.comparator(orders);
    if (comparator != null) {
      sorted.sort(comparator);
    }
    int number = page == null ? DEFAULT_PAGE : page;
    int perPage = size == null ? DEFAULT_SIZE : size;
    long total = sorted.size();
    long totalPages = (total + perPage - 1) / perPage;
    long from = (long) (number - 1) * perPage;
    List<T> items = from >= total ? List.of()
        : sorted.subList((int) from, (int) Math.min(total, from + perPage));
    IntFunction<String> toPage = n -> link.to(n, perPage);
    int last = (int) Math.max(1, totalPages);
    PageLinks links = new PageLinks(
        toPage.apply(number),
        toPage.apply(1),
        number > 1 ? toPage.apply(number - 1) : null,
        number < totalPages ? toPage.apply(number + 1) : null,
        toPage.apply(last));
    return new Page<>(items, new Pagination(number, perPage, total, totalPages), links);
  }

  /** Makes the relative link to one page of the same query. */
  @FunctionalInterface
  interface LinkFactory {
    String to(int page, int size);
  }
}
