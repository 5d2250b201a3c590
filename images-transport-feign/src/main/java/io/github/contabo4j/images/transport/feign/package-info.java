/**
 * The Feign transport: {@link io.github.contabo4j.images.transport.feign.FeignImagesClient}, an
 * {@code ImagesPort} on Feign over Apache HttpClient 5.
 */
@NullMarked
package io.github.contabo4j.images.transport.feign;

import org.jspecify.annotations.NullMarked;
