package io.github.contabo4j.images;

/**
 * Where a page sits in the whole result (spec: {@code PaginationMeta}).
 *
 * @param page this page's number, counted from 1
 * @param size the page size asked for
 * @param totalElements how many elements match in all
 * @param totalPages how many pages there are in all
 */
public record Pagination(long page, long size, long totalElements, long totalPages) {

  /** Whether the service says another page follows this one. */
  public boolean hasNext() {
    return page < totalPages;
  }
}
