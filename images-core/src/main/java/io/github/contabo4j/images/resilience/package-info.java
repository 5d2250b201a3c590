/**
 * Resilience for any {@link io.github.contabo4j.images.ImagesPort}: the one decorator, {@link
 * io.github.contabo4j.images.resilience.ResilientImagesPort}, that retries only what is safe to
 * retry, honours {@code Retry-After}, and shares a rate limiter between all calls, configured by an
 * immutable {@link io.github.contabo4j.images.resilience.ResiliencePolicy}.
 *
 * <p>Each transport's builder applies the decorator; it wraps the testkit's fake just as well.
 */
@NullMarked
package io.github.contabo4j.images.resilience;

import org.jspecify.annotations.NullMarked;
