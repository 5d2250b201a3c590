package io.github.contabo4j.images.internal;

import io.github.contabo4j.images.Page;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Walks every page of a list result lazily: the next page is fetched only when the elements of the
 * current one are used up. It stops on an empty page, after the last page the service announced, and
 * (a guard against a service that ignores {@code page}) when a page repeats the previous one.
 *
 * @param <T> the element type
 */
public final class PageWalker<T> implements Iterator<T> {
  /**
   * The largest page size the streams ask for: {@value}. An image in the service's JSON is about
   * 0.5 KiB (the spec's example) and at most about 4 KiB (a 255-character name, a 1,024-character
   * description, a long URL); an audit entry with its changes at most about 8 KiB. 500 of those,
   * 4 MiB, fit the default response-size limit.
   */
  public static final int MAX_PAGE_SIZE = 500;

  private final IntFunction<Page<T>> fetch;
  private int nextPage;
  private @Nullable Iterator<T> current;
  private @Nullable List<T> previousItems;
  private boolean done;
  private boolean lastWasFinal;
  private int pagesFetched;

  private PageWalker(IntFunction<Page<T>> fetch, int firstPage) {
    this.fetch = fetch;
    this.nextPage = firstPage;
  }

  /**
   * A lazy, sequential stream over every element of every page from {@code firstPage} on.
   *
   * @param fetch fetches one page by number (the query with that page set)
   * @param firstPage the first page to fetch, at least 1
   * @param <T> the element type
   * @return the stream; each page is fetched on demand
   */
  public static <T> Stream<T> stream(IntFunction<Page<T>> fetch, int firstPage) {
    PageWalker<T> walker = new PageWalker<>(fetch, firstPage);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(walker, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public boolean hasNext() {
    while (!done && (current == null || !current.hasNext())) {
      fetchNext();
    }
    return !done;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return Objects.requireNonNull(current).next();
  }

  /** How many pages were fetched so far. */
  public int pagesFetched() {
    return pagesFetched;
  }

  private void fetchNext() {
    if (current != null && lastWasFinal) {
      done = true;
      return;
    }
    Page<T> page = fetch.apply(nextPage);
    pagesFetched++;
    List<T> items = page.items();
    if (items.isEmpty() || items.equals(previousItems)) {
      done = true; // an empty page ends the walk; a repeated page means the service ignored "page"
      return;
    }
    previousItems = items;
    lastWasFinal = !page.hasNext();
    nextPage++;
    current = items.iterator();
  }

}
