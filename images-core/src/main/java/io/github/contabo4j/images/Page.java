package io.github.contabo4j.images;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list result.
 *
 * <p>When the service sends no pagination meta (its own examples send {@code "_pagination": ""}),
 * {@link #pagination()} is derived from what is known: the page asked for, its size, and the items.
 *
 * @param items the elements on this page, never null
 * @param pagination where this page sits in the whole result
 * @param links the service's navigation links
 * @param <T> the element type
 */
public record Page<T>(List<T> items, Pagination pagination, PageLinks links) {

  /**
   * Creates a page.
   *
   * @throws NullPointerException if {@code pagination} is null
   */
  public Page {
    items = items == null ? List.of() : List.copyOf(items);
    if (pagination == null) {
      throw new NullPointerException("pagination == null");
    }
    if (links == null) {
      links = PageLinks.none();
    }
  }

  /** Whether the service says another page follows. */
  public boolean hasNext() {
    return pagination.hasNext();
  }

  /** The number of the page after this one, or null when there is none. */
  public @Nullable Integer nextPageNumber() {
    return hasNext() ? Math.toIntExact(pagination.page() + 1) : null;
  }
}
