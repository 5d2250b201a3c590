/**
 * What every transport's client builder shares: {@link
 * io.github.contabo4j.images.client.ImagesClientBuilder}, the public type that {@code
 * JdkImagesClient.Builder} and {@code FeignImagesClient.Builder} extend. Code that configures a client
 * without caring which transport builds it is written against it.
 */
@NullMarked
package io.github.contabo4j.images.client;

import org.jspecify.annotations.NullMarked;
