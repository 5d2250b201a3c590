/**
 * Not API. The machinery behind {@link io.github.contabo4j.images.upload.ImageUploads}: the source
 * probe on {@code java.net.http}, the address guard, header sniffing, URL display and equality, and
 * the ensure-image algorithm. It may change in any release without notice.
 */
@NullMarked
package io.github.contabo4j.images.internal.upload;

import org.jspecify.annotations.NullMarked;
