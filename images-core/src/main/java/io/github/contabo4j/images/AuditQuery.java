package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Filters, order and paging for {@link ImagesPort#retrieveImageAuditsList}. Every part is optional.
 *
 * <p>Rules: {@code page} and {@code size} are at least 1; {@code imageId} follows the image-id rules
 * of {@link ImagesPort}; {@code requestId} and {@code changedBy} hold no control characters;
 * {@code endDate} is not before {@code startDate}.
 *
 * <p>A value class with record-style accessors, so it can gain properties without breaking
 * callers; equal when every property is equal.
 */
public final class AuditQuery {
  private static final AuditQuery ALL = new AuditQuery(null, null, List.of(), null, null, null, null, null);

  private final @Nullable Integer page;
  private final @Nullable Integer size;
  private final List<SortOrder> orderBy;
  private final @Nullable String imageId;
  private final @Nullable String requestId;
  private final @Nullable String changedBy;
  private final @Nullable LocalDate startDate;
  private final @Nullable LocalDate endDate;

  private AuditQuery(@Nullable Integer page, @Nullable Integer size, List<SortOrder> orderBy,
      @Nullable String imageId, @Nullable String requestId, @Nullable String changedBy,
      @Nullable LocalDate startDate, @Nullable LocalDate endDate) {
    Checks.requirePaging(page, size);
    orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
    if (imageId != null) {
      Checks.requireImageId("imageId", imageId);
    }
    Checks.requireQueryText("requestId", requestId);
    Checks.requireQueryText("changedBy", changedBy);
    if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
      throw new InvalidRequestException("endDate", "must not be before startDate");
    }
    this.page = page;
    this.size = size;
    this.orderBy = orderBy;
    this.imageId = imageId;
    this.requestId = requestId;
    this.changedBy = changedBy;
    this.startDate = startDate;
    this.endDate = endDate;
  }

  /** Every entry, the service's default order and paging. */
  public static AuditQuery all() {
    return ALL;
  }

  /**
   * Entries made by one request: how a client learns what an ambiguous call did.
   *
   * @param requestId the {@code x-request-id} that was sent
   * @return the query
   */
  public static AuditQuery byRequestId(String requestId) {
    return builder().requestId(requestId).build();
  }

  /**
   * Entries about one image.
   *
   * @param imageId the image's id
   * @return the query
   */
  public static AuditQuery byImageId(String imageId) {
    return builder().imageId(imageId).build();
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
  public AuditQuery withPage(int newPage) {
    return new AuditQuery(newPage, size, orderBy, imageId, requestId, changedBy, startDate, endDate);
  }

  /** The page number, counted from 1. */
  public @Nullable Integer page() {
    return page;
  }

  /** The page size. */
  public @Nullable Integer size() {
    return size;
  }

  /** Sort terms, applied in order. */
  public List<SortOrder> orderBy() {
    return orderBy;
  }

  /** Only entries about this image. */
  public @Nullable String imageId() {
    return imageId;
  }

  /** Only entries made by the request with this {@code x-request-id}. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** Only entries made by this user id. */
  public @Nullable String changedBy() {
    return changedBy;
  }

  /** Only entries on or after this day. */
  public @Nullable LocalDate startDate() {
    return startDate;
  }

  /** Only entries on or before this day. */
  public @Nullable LocalDate endDate() {
    return endDate;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AuditQuery)) {
      return false;
    }
    AuditQuery other = (AuditQuery) o;
    return Objects.equals(page, other.page)
        && Objects.equals(size, other.size)
        && Objects.equals(orderBy, other.orderBy)
        && Objects.equals(imageId, other.imageId)
        && Objects.equals(requestId, other.requestId)
        && Objects.equals(changedBy, other.changedBy)
        && Objects.equals(startDate, other.startDate)
        && Objects.equals(endDate, other.endDate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(page, size, orderBy, imageId, requestId, changedBy, startDate, endDate);
  }

  /** The properties in order, as a record would print them. */
  @Override
  public String toString() {
    return "AuditQuery[page=" + page + ", size=" + size + ", orderBy=" + orderBy + ", imageId=" + imageId
        + ", requestId=" + requestId + ", changedBy=" + changedBy + ", startDate=" + startDate
        + ", endDate=" + endDate + "]";
  }

  /** Builds an {@link AuditQuery}; validation happens in {@link #build()}. */
  public static final class Builder {
    private @Nullable Integer page;
    private @Nullable Integer size;
    private final List<SortOrder> orderBy;
    private @Nullable String imageId;
    private @Nullable String requestId;
    private @Nullable String changedBy;
    private @Nullable LocalDate startDate;
    private @Nullable LocalDate endDate;

    private Builder(AuditQuery from) {
      page = from.page;
      size = from.size;
      orderBy = new ArrayList<>(from.orderBy);
      imageId = from.imageId;
      requestId = from.requestId;
      changedBy = from.changedBy;
      startDate = from.startDate;
      endDate = from.endDate;
    }

    /**
     * Sets the page number.
     *
     * @param page counted from 1
     * @return this builder
     */
    public Builder page(@Nullable Integer page) {
      this.page = page;
      return this;
    }

    /**
     * Sets the page size.
     *
     * @param size at least 1
     * @return this builder
     */
    public Builder size(@Nullable Integer size) {
      this.size = size;
      return this;
    }

    /**
     * Adds sort terms.
     *
     * @param orders the terms
     * @return this builder
     */
    public Builder orderBy(SortOrder... orders) {
      orderBy.addAll(List.of(orders));
      return this;
    }

    /**
     * Filters by image.
     *
     * @param imageId the image's id
     * @return this builder
     */
    public Builder imageId(@Nullable String imageId) {
      this.imageId = imageId;
      return this;
    }

    /**
     * Filters by request id.
     *
     * @param requestId the request id
     * @return this builder
     */
    public Builder requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Filters by user id.
     *
     * @param changedBy the user id
     * @return this builder
     */
    public Builder changedBy(@Nullable String changedBy) {
      this.changedBy = changedBy;
      return this;
    }

    /**
     * Entries on or after this day.
     *
     * @param startDate the day
     * @return this builder
     */
    public Builder startDate(@Nullable LocalDate startDate) {
      this.startDate = startDate;
      return this;
    }

    /**
     * Entries on or before this day.
     *
     * @param endDate the day
     * @return this builder
     */
    public Builder endDate(@Nullable LocalDate endDate) {
      this.endDate = endDate;
      return this;
    }

    /**
     * Builds and validates the query.
     *
     * @return the query
     * @throws InvalidRequestException naming the field and the rule it breaks
     */
    public AuditQuery build() {
      return new AuditQuery(page, size, orderBy, imageId, requestId, changedBy, startDate, endDate);
    }
  }
}
