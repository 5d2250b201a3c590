/**
 * The Contabo Compute Images client: the {@link io.github.contabo4j.images.ImagesPort} every adapter
 * implements, the immutable domain types it speaks, the two branches of errors it throws, and the
 * per-call {@link io.github.contabo4j.images.CallContext}.
 *
 * <p>Domain types that can grow are final classes with record-style accessors, made through builders
 * or named factories; {@code docs/API-DESIGN.md} lists which stay records and why, and the rule for
 * configuration errors ({@link java.lang.IllegalArgumentException}) versus a request's bad input
 * ({@link io.github.contabo4j.images.InvalidRequestException}).
 *
 * <p>Nothing in this package mentions HTTP or JSON libraries: adapters (the JDK and Feign transports,
 * the testkit's in-memory fake) live elsewhere. Code under {@code ...images.internal} is shared between
 * this project's modules and is not API.
 */
@NullMarked
package io.github.contabo4j.images;

import org.jspecify.annotations.NullMarked;
