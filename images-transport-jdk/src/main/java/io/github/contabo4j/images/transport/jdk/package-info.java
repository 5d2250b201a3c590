/**
 * The {@code java.net.http} transport: {@link io.github.contabo4j.images.transport.jdk.JdkImagesClient},
 * an {@code ImagesPort} over the JDK's own {@code HttpClient}, with no dependency beyond {@code
 * images-core}.
 */
@NullMarked
package io.github.contabo4j.images.transport.jdk;

import org.jspecify.annotations.NullMarked;
