package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Filters, search, order and paging for {@link ImagesPort#retrieveImageList}. Every part is optional;
 * an unset part is left out of the request and the service's default applies.
 *
 * <p>Rules: {@code page} and {@code size} are at least 1; {@code name} and {@code search} hold no
 * control characters and at most 255 characters.
 *
 * <p>A value class with record-style accessors, so it can gain properties without breaking
 * callers; equal when every property is equal.
 */
public final class ImageListQuery {
  private static final ImageListQuery ALL = new ImageListQuery(null, null, null, null, null, List.of());

  private final @Nullable Integer page;
  private final @Nullable Integer size;
  private final @Nullable String name;
  private final @Nullable Boolean standardImage;
  private final @Nullable String search;
  private final List<SortOrder> orderBy;

  private ImageListQuery(@Nullable Integer page, @Nullable Integer size, @Nullable String name,
      @Nullable Boolean standardImage, @Nullable String search, List<SortOrder> orderBy) {
    Checks.requirePaging(page, size);
    Checks.requireQueryText("name", name);
    Checks.requireQueryText("search", search);
    orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
    this.page = page;
    this.size = size;
    this.name = name;
    this.standardImage = standardImage;
    this.search = search;
    this.orderBy = orderBy;
  }

  /** No filter, the service's default order and paging. */
  public static ImageListQuery all() {
    return ALL;
  }

  /** A builder starting from {@link #all()}. */
  public static Builder builder() {
    return new Builder(ALL);
  }

  /** A builder starting from this query. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A copy asking for another page.
   *
   * @param newPage the page number, at least 1
   * @return the copy
   */
  public ImageListQuery withPage(int newPage) {
    return new ImageListQuery(newPage, size, name, standardImage, search, orderBy);
  }

  /** The page number, counted from 1, or null for the service's default (1). */
  public @Nullable Integer page() {
    return page;
  }

  /** The page size, or null for the service's default. */
  public @Nullable Integer size() {
    return size;
  }

  /** Only images with this name (the service matches names; see {@code docs/ASSUMPTIONS.md}). */
  public @Nullable String name() {
    return name;
  }

  /** True for only standard images, false for only custom images. */
  public @Nullable Boolean standardImage() {
    return standardImage;
  }

  /** Free-text search over the images, e.g. {@code windows or Debian}. */
  public @Nullable String search() {
    return search;
  }

  /** Sort terms, applied in order. */
  public List<SortOrder> orderBy() {
    return orderBy;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImageListQuery)) {
      return false;
    }
    ImageListQuery other = (ImageListQuery) o;
    return Objects.equals(page, other.page)
        && Objects.equals(size, other.size)
        && Objects.equals(name, other.name)
        && Objects.equals(standardImage, other.standardImage)
        && Objects.equals(search, other.search)
        && Objects.equals(orderBy, other.orderBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(page, size, name, standardImage, search, orderBy);
  }

  /** The properties in order, as a record would print them. */
  @Override
  public String toString() {
    return "ImageListQuery[page=" + page + ", size=" + size + ", name=" + name
        + ", standardImage=" + standardImage + ", search=" + search + ", orderBy=" + orderBy + "]";
  }

  /** Builds an {@link ImageListQuery}; validation happens in {@link #build()}. */
  public static final class Builder {
    private @Nullable Integer page;
    private @Nullable Integer size;
    private @Nullable String name;
    private @Nullable Boolean standardImage;
    private @Nullable String search;
    private final List<SortOrder> orderBy;

    private Builder(ImageListQuery from) {
      page = from.page;
      size = from.size;
      name = from.name;
      standardImage = from.standardImage;
      search = from.search;
      orderBy = new ArrayList<>(from.orderBy);
    }

    /**
     * Sets the page number.
     *
     * @param page the page number, counted from 1
     * @return this builder
     */
    public Builder page(@Nullable Integer page) {
      this.page = page;
      return this;
    }

    /**
     * Sets the page size.
     *
     * @param size the page size, at least 1
     * @return this builder
     */
    public Builder size(@Nullable Integer size) {
      this.size = size;
      return this;
    }

    /**
     * Filters by name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /**
     * Filters standard (true) or custom (false) images.
     *
     * @param standardImage the filter, or null for both
     * @return this builder
     */
    public Builder standardImage(@Nullable Boolean standardImage) {
      this.standardImage = standardImage;
      return this;
    }

    /**
     * Sets the free-text search.
     *
     * @param search the search text
     * @return this builder
     */
    public Builder search(@Nullable String search) {
      this.search = search;
      return this;
    }

    /**
     * Adds sort terms after those already set.
     *
     * @param orders the terms
     * @return this builder
     */
    public Builder orderBy(SortOrder... orders) {
      orderBy.addAll(List.of(orders));
      return this;
    }

    /**
     * Builds and validates the query.
     *
     * @return the query
     * @throws InvalidRequestException naming the field and the rule it breaks
     */
    public ImageListQuery build() {
      return new ImageListQuery(page, size, name, standardImage, search, orderBy);
    }
  }
}
