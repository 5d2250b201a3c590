package io.github.contabo4j.images.upload;

import io.github.contabo4j.images.ImageStatus;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One poll of a download wait, as passed to the progress callback of {@link AwaitOptions}.
 *
 * @param imageId the image
 * @param status its status as the poll read it
 * @param uploadedSizeMb how much the service has downloaded so far, in MB
 * @param sizeMb the image's size in MB as the service reports it (0 while unknown)
 * @param elapsed time since the wait began
 * @param poll which poll this is, counted from 1
 */
public record DownloadProgress(
    String imageId, @Nullable ImageStatus status, long uploadedSizeMb, long sizeMb, Duration elapsed, int poll) {}
