package io.github.contabo4j.images.upload;

import io.github.contabo4j.images.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ImageUploads#awaitDownloaded} waits: the timeout and an optional progress callback.
 *
 * <pre>{@code
 * AwaitOptions options = AwaitOptions.timeout(Duration.ofMinutes(30))
 *     .onProgress(p -> System.out.println(p.status() + " " + p.uploadedSizeMb() + " MB"));
 * }</pre>
 *
 * @param timeout how long to wait in all: zero polls once; at most one day
 * @param progress called on every poll, on the waiting thread; an exception it throws is contained
 *     (logged by type, without its message) and the wait goes on; null for none
 */
public record AwaitOptions(Duration timeout, @Nullable Consumer<DownloadProgress> progress) {

  /**
   * Creates and checks the options.
   *
   * @throws InvalidRequestException if the timeout is negative or longer than one day
   */
  public AwaitOptions {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidRequestException("timeout", "must be from zero to one day");
    }
  }

  /**
   * Waits up to {@code timeout}, without progress.
   *
   * @param timeout how long to wait in all
   * @return the options
   */
  public static AwaitOptions timeout(Duration timeout) {
    return new AwaitOptions(timeout, null);
  }

  /**
   * A copy calling {@code callback} on every poll.
   *
   * @param callback the callback
   * @return the copy
   */
  public AwaitOptions onProgress(Consumer<DownloadProgress> callback) {
    return new AwaitOptions(timeout, Objects.requireNonNull(callback, "callback == null"));
  }
}
