package io.github.contabo4j.images.internal.auth;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.resilience.DownloadWaiter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Replays a call once after the API answered 401, written once for every transport. On an {@link
 * AuthenticationException} it reads the token the source holds (a caching source still holds the one
 * just rejected), calls {@link TokenSource#invalidate} with it and, if the source now hands out a
 * different one, replays
 * the call once with the same {@link CallContext}. A second 401 is thrown (the first is attached as
 * suppressed), and so is the first when the source has no other token to offer (e.g. {@link
 * TokenSource#fixed}), because a replay could only fail the same way.
 *
 * <p>Replaying even a create is safe: a 401 means the service did not process the request. If
 * another thread renewed the token in between, the invalidation is a no-op (a source only drops the token it is told about) and the replay uses the current token.
 * Thread-safe if the delegate and source are.
 */
public final class ReauthenticatingImagesPort implements ImagesPort {
  private final ImagesPort delegate;
  private final TokenSource tokens;
  private final @Nullable DownloadWaiter waiter;

  private ReauthenticatingImagesPort(ImagesPort delegate, TokenSource tokens, @Nullable DownloadWaiter waiter) {
    this.delegate = delegate;
    this.tokens = tokens;
    this.waiter = waiter;
  }

  /**
   * Wraps a port whose requests carry tokens from {@code tokens}.
   *
   * @param delegate the transport (or a decorator of it)
   * @param tokens the same token source the transport uses
   * @return the decorated port
   */
  public static ImagesPort wrap(ImagesPort delegate, TokenSource tokens) {
    return new ReauthenticatingImagesPort(
        Objects.requireNonNull(delegate, "delegate == null"), Objects.requireNonNull(tokens, "tokens == null"), null);
  }

  /**
   * Wraps a port as {@link #wrap(ImagesPort, TokenSource)} does, and makes {@link #awaitDownloaded}
   * poll through this layer, so each poll answered 401 is replayed like any call, waiting with {@code
   * waiter} (the delegate's clock, sleeper and schedule).
   *
   * @param delegate the transport (or a decorator of it)
   * @param tokens the same token source the transport uses
   * @param waiter how {@code awaitDownloaded} waits
   * @return the decorated port
   */
  public static ImagesPort wrap(ImagesPort delegate, TokenSource tokens, DownloadWaiter waiter) {
    return new ReauthenticatingImagesPort(Objects.requireNonNull(delegate, "delegate == null"),
        Objects.requireNonNull(tokens, "tokens == null"), Objects.requireNonNull(waiter, "waiter == null"));
  }

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    return call(() -> delegate.createCustomImage(request, context));
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    return call(() -> delegate.retrieveImageList(query, context));
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    return call(() -> delegate.retrieveImage(imageId, context));
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    return call(() -> delegate.updateImage(imageId, update, context));
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    call(() -> {
      delegate.deleteImage(imageId, context);
      return Boolean.TRUE;
    });
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    return call(() -> delegate.retrieveCustomImagesStats(context));
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    return call(() -> delegate.retrieveImageAuditsList(query, context));
  }

  /** Polls through this layer with the waiter, if one was given; else the delegate's own wait. */
  @Override
  public Image awaitDownloaded(String imageId, Duration timeout) {
    return waiter != null ? waiter.await(this, imageId, timeout) : delegate.awaitDownloaded(imageId, timeout);
  }

  private <T> T call(Supplier<T> attempt) {
    try {
      return attempt.get();
    } catch (AuthenticationException first) {
      // Read only after a 401, so the happy path asks the source once per attempt (in the wire).
      // A caching source still holds the token that was just rejected.
      String rejected = tokens.accessToken();
      tokens.invalidate(rejected);
      if (rejected.equals(tokens.accessToken())) {
        throw first;
      }
      try {
        return attempt.get();
      } catch (AuthenticationException second) {
        second.addSuppressed(first);
        throw second;
      }
    }
  }

  @Override
  public String toString() {
    return "ReauthenticatingImagesPort{delegate=" + delegate + "}";
  }
}
