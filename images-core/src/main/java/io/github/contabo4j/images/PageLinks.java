package io.github.contabo4j.images;

import org.jspecify.annotations.Nullable;

/**
 * The service's navigation links for a page (spec: {@code Links}), as relative paths with query.
 *
 * @param self this page
 * @param first the first page
 * @param previous the previous page, if any
 * @param next the next page, if any
 * @param last the last page
 */
public record PageLinks(
    @Nullable String self,
    @Nullable String first,
    @Nullable String previous,
    @Nullable String next,
    @Nullable String last) {

  /** Links with nothing in them, for a response that carried none. */
  public static PageLinks none() {
    return new PageLinks(null, null, null, null, null);
  }
}
