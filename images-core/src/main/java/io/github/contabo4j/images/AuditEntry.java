package io.github.contabo4j.images;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the image audit history (spec: {@code ImageAuditResponseData}): what one request did
 * to one image.
 *
 * <p>A value class with record-style accessors, so it can gain properties without breaking
 * callers; equal when every property is equal.
 */
public final class AuditEntry {
  private final long id;
  private final @Nullable AuditAction action;
  private final @Nullable Instant timestamp;
  private final @Nullable TenantId tenantId;
  private final @Nullable String customerId;
  private final @Nullable String changedBy;
  private final @Nullable String username;
  private final @Nullable String requestId;
  private final @Nullable String traceId;
  private final @Nullable String imageId;
  private final Map<String, Object> changes;

  private AuditEntry(long id, @Nullable AuditAction action, @Nullable Instant timestamp,
      @Nullable TenantId tenantId, @Nullable String customerId, @Nullable String changedBy,
      @Nullable String username, @Nullable String requestId, @Nullable String traceId,
      @Nullable String imageId, Map<String, Object> changes) {
    changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    this.id = id;
    this.action = action;
    this.timestamp = timestamp;
    this.tenantId = tenantId;
    this.customerId = customerId;
    this.changedBy = changedBy;
    this.username = username;
    this.requestId = requestId;
    this.traceId = traceId;
    this.imageId = imageId;
    this.changes = changes;
  }

  /**
   * Whether this entry was made by the request with this id, ignoring case (the service's examples
   * print request ids in upper case, clients usually send lower case).
   *
   * @param candidate a request id
   * @return true when it matches
   */
  public boolean madeBy(String candidate) {
    return requestId != null && requestId.equalsIgnoreCase(candidate);
  }

  /** The entry's id. */
  public long id() {
    return id;
  }

  /** {@code CREATED}, {@code UPDATED} or {@code DELETED}, an open value. */
  public @Nullable AuditAction action() {
    return action;
  }

  /** When it happened. */
  public @Nullable Instant timestamp() {
    return timestamp;
  }

  /** The tenant. */
  public @Nullable TenantId tenantId() {
    return tenantId;
  }

  /** The customer. */
  public @Nullable String customerId() {
    return customerId;
  }

  /** The id of the user who made the change. */
  public @Nullable String changedBy() {
    return changedBy;
  }

  /** The name of that user. */
  public @Nullable String username() {
    return username;
  }

  /** The {@code x-request-id} of the request that made the change. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** The {@code x-trace-id} of that request, {@code ""} if it had none. */
  public @Nullable String traceId() {
    return traceId;
  }

  /** The image changed. */
  public @Nullable String imageId() {
    return imageId;
  }

  /**
   * Free-form details, e.g. {@code {prev: {name: a}, new: {name: b}}}; nested values are maps, lists,
   * strings, numbers and booleans.
   */
  public Map<String, Object> changes() {
    return changes;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AuditEntry)) {
      return false;
    }
    AuditEntry other = (AuditEntry) o;
    return id == other.id
        && Objects.equals(action, other.action)
        && Objects.equals(timestamp, other.timestamp)
        && Objects.equals(tenantId, other.tenantId)
        && Objects.equals(customerId, other.customerId)
        && Objects.equals(changedBy, other.changedBy)
        && Objects.equals(username, other.username)
        && Objects.equals(requestId, other.requestId)
        && Objects.equals(traceId, other.traceId)
        && Objects.equals(imageId, other.imageId)
        && Objects.equals(changes, other.changes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, action, timestamp, tenantId, customerId, changedBy, username, requestId, traceId, imageId,
        changes);
  }

  /** The properties in order, as a record would print them. */
  @Override
  public String toString() {
    return "AuditEntry[id=" + id + ", action=" + action + ", timestamp=" + timestamp + ", tenantId=" + tenantId
        + ", customerId=" + customerId + ", changedBy=" + changedBy + ", username=" + username
        + ", requestId=" + requestId + ", traceId=" + traceId + ", imageId=" + imageId + ", changes=" + changes
        + "]";
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link AuditEntry}. Not thread-safe. */
  public static final class Builder {
    private long id;
    private @Nullable AuditAction action;
    private @Nullable Instant timestamp;
    private @Nullable TenantId tenantId;
    private @Nullable String customerId;
    private @Nullable String changedBy;
    private @Nullable String username;
    private @Nullable String requestId;
    private @Nullable String traceId;
    private @Nullable String imageId;
    private @Nullable Map<String, Object> changes;

    private Builder() {}

    private Builder(AuditEntry from) {
      id = from.id;
      action = from.action;
      timestamp = from.timestamp;
      tenantId = from.tenantId;
      customerId = from.customerId;
      changedBy = from.changedBy;
      username = from.username;
      requestId = from.requestId;
      traceId = from.traceId;
      imageId = from.imageId;
      changes = from.changes;
    }

    /**
     * Sets {@code id}.
     *
     * @param id the entry's id
     * @return this builder
     */
    public Builder id(long id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code action}.
     *
     * @param action {@code CREATED}, {@code UPDATED} or {@code DELETED}, an open value
     * @return this builder
     */
    public Builder action(@Nullable AuditAction action) {
      this.action = action;
      return this;
    }

    /**
     * Sets {@code timestamp}.
     *
     * @param timestamp when it happened
     * @return this builder
     */
    public Builder timestamp(@Nullable Instant timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /**
     * Sets {@code tenantId}.
     *
     * @param tenantId the tenant
     * @return this builder
     */
    public Builder tenantId(@Nullable TenantId tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /**
     * Sets {@code customerId}.
     *
     * @param customerId the customer
     * @return this builder
     */
    public Builder customerId(@Nullable String customerId) {
      this.customerId = customerId;
      return this;
    }

    /**
     * Sets {@code changedBy}.
     *
     * @param changedBy the id of the user who made the change
     * @return this builder
     */
    public Builder changedBy(@Nullable String changedBy) {
      this.changedBy = changedBy;
      return this;
    }

    /**
     * Sets {@code username}.
     *
     * @param username the name of that user
     * @return this builder
     */
    public Builder username(@Nullable String username) {
      this.username = username;
      return this;
    }

    /**
     * Sets {@code requestId}.
     *
     * @param requestId the {@code x-request-id} of the request that made the change
     * @return this builder
     */
    public Builder requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Sets {@code traceId}.
     *
     * @param traceId the {@code x-trace-id} of that request, {@code ""} if it had none
     * @return this builder
     */
    public Builder traceId(@Nullable String traceId) {
      this.traceId = traceId;
      return this;
    }

    /**
     * Sets {@code imageId}.
     *
     * @param imageId the image changed
     * @return this builder
     */
    public Builder imageId(@Nullable String imageId) {
      this.imageId = imageId;
      return this;
    }

    /**
     * Sets {@code changes}.
     *
     * @param changes free-form details, e.g. {@code {prev: {name: a}, new: {name: b}}}; nested values
     *     are maps, lists, strings, numbers and booleans
     * @return this builder
     */
    public Builder changes(@Nullable Map<String, Object> changes) {
      this.changes = changes;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the value
     */
    public AuditEntry build() {
      return new AuditEntry(id, action, timestamp, tenantId, customerId, changedBy, username, requestId, traceId,
          imageId, changes);
    }
  }
}
