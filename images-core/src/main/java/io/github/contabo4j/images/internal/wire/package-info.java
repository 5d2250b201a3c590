/**
 * Not API. The one wire format of the Contabo Images API, shared by both transports and by the
 * testkit's HTTP face: paths, query encoding, headers, the JSON envelopes ({@code data}, {@code
 * _links}, {@code _pagination}), request bodies, error bodies and {@code Retry-After}.
 *
 * <p>It lives in {@code images-core} because every adapter needs exactly the same mapping and core is
 * the only module they all depend on; it lives under {@code internal} because its types (Jackson,
 * byte arrays, header names) must not leak into the public API, which stays free of HTTP and JSON.
 * A transport adds only what is idiomatic to it: moving the bytes.
 */
@NullMarked
package io.github.contabo4j.images.internal.wire;

import org.jspecify.annotations.NullMarked;
