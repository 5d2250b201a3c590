package io.github.contabo4j.images;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the image audit history (spec: {@code ImageAuditResponseData}): what one request did
 * to one image.
 *
 * @param id the entry's id
 * @param action {@code CREATED}, {@code UPDATED} or {@code DELETED}, an open value
 * @param timestamp when it happened
 * @param tenantId the tenant
 * @param customerId the customer
 * @param changedBy the id of the user who made the change
 * @param username the name of that user
 * @param requestId the {@code x-request-id} of the request that made the change
 * @param traceId the {@code x-trace-id} of that request, {@code ""} if it had none
 * @param imageId the image changed
 * @param changes free-form details, e.g. {@code {prev: {name: a}, new: {name: b}}}; nested values are
 *     maps, lists, strings, numbers and booleans
 */
public record AuditEntry(
    long id,
    @Nullable AuditAction action,
    @Nullable Instant timestamp,
    @Nullable TenantId tenantId,
    @Nullable String customerId,
    @Nullable String changedBy,
    @Nullable String username,
    @Nullable String requestId,
    @Nullable String traceId,
    @Nullable String imageId,
    Map<String, Object> changes) {

  /** Creates the entry; a missing {@code changes} becomes an empty map. */
  public AuditEntry {
    changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
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
}
