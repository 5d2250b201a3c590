package io.github.contabo4j.images.internal.wire;

import org.jspecify.annotations.Nullable;

/**
 * What came back for a {@link WireRequest}: the status line's code, the one header the mapping
 * needs, and the body bytes.
 *
 * @param statusCode the HTTP status
 * @param retryAfter the first {@code Retry-After} header value, if any
 * @param body the body, empty when there was none
 */
public record WireResponse(int statusCode, @Nullable String retryAfter, byte[] body) {}
