/**
 * The upload workflow over any {@link io.github.contabo4j.images.ImagesPort}: {@link
 * io.github.contabo4j.images.upload.ImageUploads} checks an image source before a download is spent
 * on it ({@code preflight}), makes sure a custom image with a given name exists from a given URL
 * ({@code ensureImage}), and waits for a download while reporting progress ({@code
 * awaitDownloaded}).
 */
@NullMarked
package io.github.contabo4j.images.upload;

import org.jspecify.annotations.NullMarked;
