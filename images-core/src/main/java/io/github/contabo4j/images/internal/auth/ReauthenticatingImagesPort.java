package io.github.contabo4j.images.internal.auth;

import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImagesCall;
import io.github.contabo4j.images.ImagesCallHandler;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.DownloadWaiter;
import io.github.contabo4j.images.internal.wire.TokenFailures;
import io.github.contabo4j.images.internal.resilience.RetryRules;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Replays a call once after the API answered 401, written once for every transport. On an {@link
 * AuthenticationException} it takes the token the rejected attempt sent (recorded by {@link
 * SentTokens}, the source the wire reads), calls {@link TokenSource#invalidate} with it and, if the
 * source now hands out a different one, replays the call once with the same {@link CallContext}. A
 * second 401 is thrown (the first is attached as suppressed), and so is the first when the source has
 * no other token to offer (e.g. {@link TokenSource#fixed}), because a replay could only fail the same
 * way.
 *
 * <p>Replaying even a create is safe: a 401 means the service did not process the request. If
 * another thread renewed the token in between, the invalidation names the stale token, which the
 * source no longer holds, so the fresh one is kept and the replay uses it: N concurrent 401s for the
 * same stale token cause one renewal. A delete keeps the "404 means done" rule across the replay: when
 * the resilience layer attached an ambiguous earlier failure to the 401, a 404 on the replay means an
 * earlier attempt deleted the image. Thread-safe if the delegate and source are.
 */
public final class ReauthenticatingImagesPort extends ImagesCallHandler {
  private final ImagesPort delegate;
  private final SentTokens tokens;
  private final @Nullable DownloadWaiter waiter;

  private ReauthenticatingImagesPort(ImagesPort delegate, SentTokens tokens, @Nullable DownloadWaiter waiter) {
    this.delegate = delegate;
    this.tokens = tokens;
    this.waiter = waiter;
  }

  /**
   * Wraps a port whose requests carry tokens from {@code tokens}.
   *
   * @param delegate the transport (or a decorator of it)
   * @param tokens the token source the transport's wire reads
   * @return the decorated port
   */
  public static ImagesPort wrap(ImagesPort delegate, SentTokens tokens) {
    return new ReauthenticatingImagesPort(
        Objects.requireNonNull(delegate, "delegate == null"), Objects.requireNonNull(tokens, "tokens == null"), null);
  }

  /**
   * Wraps a port as {@link #wrap(ImagesPort, SentTokens)} does, and makes {@link #awaitDownloaded}
   * poll through this layer, so each poll answered 401 is replayed like any call, waiting with {@code
   * waiter} (the delegate's clock, sleeper and schedule).
   *
   * @param delegate the transport (or a decorator of it)
   * @param tokens the token source the transport's wire reads
   * @param waiter how {@code awaitDownloaded} waits
   * @return the decorated port
   */
  public static ImagesPort wrap(ImagesPort delegate, SentTokens tokens, DownloadWaiter waiter) {
    return new ReauthenticatingImagesPort(Objects.requireNonNull(delegate, "delegate == null"),
        Objects.requireNonNull(tokens, "tokens == null"), Objects.requireNonNull(waiter, "waiter == null"));
  }

  @Override
  protected <R> R handle(ImagesCall<R> call) {
    if (call.operation() == ImagesOperation.DELETE_IMAGE) {
      // A delete keeps "404 means done" across the replay (see the class description).
      return call(() -> call.sendTo(delegate),
          (first, replayFailure) -> replayFailure instanceof ImageNotFoundException && ambiguousBefore(first));
    }
    return call(() -> call.sendTo(delegate), (first, replayFailure) -> false);
  }

  /** Polls through this layer with the waiter, if one was given; else the delegate's own wait. */
  @Override
  public Image awaitDownloaded(String imageId, Duration timeout) {
    return waiter != null ? waiter.await(this, imageId, timeout) : delegate.awaitDownloaded(imageId, timeout);
  }

  /**
   * Runs the attempt, and once more after a 401 if the source has another token.
   *
   * @param done whether a failure of the replay, after the given first 401, means the call succeeded
   */
  private <T> T call(Supplier<T> attempt, BiPredicate<AuthenticationException, RuntimeException> done) {
    try {
      try {
        return attempt.get();
      } catch (AuthenticationException first) {
        String rejected = tokens.lastSentOnThisThread();
        if (rejected == null) {
          throw first; // the attempt never read a token through the wire: nothing to renew
        }
        tokens.invalidate(rejected);
        if (rejected.equals(nextToken(first))) {
          throw first;
        }
        try {
          return attempt.get();
        } catch (AuthenticationException second) {
          second.addSuppressed(first);
          throw second;
        } catch (RuntimeException replayFailure) {
          if (done.test(first, replayFailure)) {
            return null;
          }
          throw replayFailure;
        }
      }
    } finally {
      tokens.forget();
    }
  }

  /** The token the replay would send; a failure to get one ends the call as the wire reports it. */
  private String nextToken(AuthenticationException first) {
    try {
      return tokens.accessToken();
    } catch (RuntimeException e) {
      ImagesException failure = TokenFailures.unavailable(
          first.operation(), e, first.requestIds(), first.traceId().orElse(null));
      failure.addSuppressed(first);
      throw failure;
    }
  }

  /** Whether the resilience layer attached an ambiguous earlier attempt to this 401. */
  private static boolean ambiguousBefore(AuthenticationException first) {
    for (Throwable t : first.getSuppressed()) {
      if (RetryRules.ambiguous(t)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ReauthenticatingImagesPort{delegate=" + delegate + "}";
  }
}
