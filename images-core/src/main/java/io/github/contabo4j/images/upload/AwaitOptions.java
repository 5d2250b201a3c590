package io.github.contabo4j.images.upload;

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
 * <p>Made with {@link #timeout(Duration)} and changed with copies such as {@link #onProgress}; a value
 * class, so it can gain options without breaking callers. Two options are equal when their timeouts
 * and callbacks (by identity) are.
 */
public final class AwaitOptions {
  private final Duration timeout;
  private final @Nullable Consumer<DownloadProgress> progress;

  private AwaitOptions(Duration timeout, @Nullable Consumer<DownloadProgress> progress) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("timeout must be from zero to one day");
    }
    this.timeout = timeout;
    this.progress = progress;
  }

  /**
   * Waits up to {@code timeout}, without progress.
   *
   * @param timeout how long to wait in all: zero polls once; at most one day
   * @return the options
   * @throws IllegalArgumentException if the timeout is negative or longer than one day
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

  /** How long to wait in all: zero polls once; at most one day. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Called on every poll, on the waiting thread; an exception it throws is contained (logged by type,
   * without its message) and the wait goes on; null for none.
   */
  public @Nullable Consumer<DownloadProgress> progress() {
    return progress;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AwaitOptions && timeout.equals(((AwaitOptions) o).timeout)
        && Objects.equals(progress, ((AwaitOptions) o).progress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, progress);
  }

  @Override
  public String toString() {
    return "AwaitOptions[timeout=" + timeout + ", progress=" + progress + "]";
  }
}
