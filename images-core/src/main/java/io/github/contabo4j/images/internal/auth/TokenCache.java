package io.github.contabo4j.images.internal.auth;

import io.github.contabo4j.images.auth.CredentialsRejectedException;
import io.github.contabo4j.images.auth.TokenEndpointException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches the access token until {@code expires_in} minus the skew, measured from when the request
 * was sent, and renews it single-flight: callers that meet an expired token queue on one lock, the
 * first fetches, the rest take its token. A renewal tries the refresh token first (while its own
 * {@code refresh_expires_in} minus the skew allows) and falls back to the password grant when the
 * endpoint rejects it. A token whose lifetime is no longer than the skew, or that came without
 * {@code expires_in}, serves the call that fetched it and is not reused.
 */
public final class TokenCache {
  private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

  /** The cached grant; the access token is null after it expired or was invalidated. */
  private record State(
      @Nullable String accessToken, Instant accessUntil, @Nullable String refreshToken, @Nullable Instant refreshUntil) {
    static final State EMPTY = new State(null, Instant.MIN, null, null);

    State withoutAccess() {
      return new State(null, Instant.MIN, refreshToken, refreshUntil);
    }

    boolean canRefresh(Instant now) {
      return refreshToken != null && (refreshUntil == null || now.isBefore(refreshUntil));
    }

    @Override
    public String toString() {
      return "State{<redacted>}";
    }
  }

  private final TokenEndpoint endpoint;
  private final Clock clock;
  private final Duration skew;
  private final ReentrantLock renewal = new ReentrantLock();
  private final AtomicReference<State> state = new AtomicReference<>(State.EMPTY);

  /**
   * Creates an empty cache; the first {@link #accessToken()} fetches.
   *
   * @param endpoint the token endpoint
   * @param clock measures token lifetimes
   * @param skew how long before {@code expires_in} a token counts as expired
   */
  public TokenCache(TokenEndpoint endpoint, Clock clock, Duration skew) {
    this.endpoint = endpoint;
    this.clock = clock;
    this.skew = skew;
  }

  /**
   * The cached token if it is still fresh, else a renewed one.
   *
   * @return the access token
   * @throws TokenEndpointException if renewing failed
   */
  public String accessToken() {
    String cached = fresh(state.get());
    if (cached != null) {
      return cached;
    }
    try {
      renewal.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenEndpointException("interrupted while waiting for a token", 0, e);
    }
    try {
      State current = state.get();
      cached = fresh(current);
      if (cached != null) {
        return cached; // another caller renewed it while this one queued
      }
      State renewed = renew(current);
      state.set(renewed);
      return Objects.requireNonNull(renewed.accessToken());
    } finally {
      renewal.unlock();
    }
  }

  /**
   * Drops the cached access token if it is the rejected one; the refresh token is kept.
   *
   * @param rejectedToken the token the API answered 401 to
   */
  public void invalidate(String rejectedToken) {
    Objects.requireNonNull(rejectedToken, "rejectedToken == null");
    State before = state.getAndUpdate(s -> rejectedToken.equals(s.accessToken()) ? s.withoutAccess() : s);
    if (rejectedToken.equals(before.accessToken())) {
      LOG.debug("access token invalidated after a 401");
    }
  }

  /**
   * How many callers are queued behind a renewal in progress (an estimate, exact while they wait).
   * For tests of the single flight.
   *
   * @return the number of queued callers
   */
  public int queuedCallers() {
    return renewal.getQueueLength();
  }

  private @Nullable String fresh(State s) {
    return s.accessToken() != null && clock.instant().isBefore(s.accessUntil()) ? s.accessToken() : null;
  }

  private State renew(State current) {
    Instant sent = clock.instant();
    if (current.canRefresh(sent)) {
      try {
        return stateOf("refresh_token", endpoint.refreshGrant(Objects.requireNonNull(current.refreshToken())), sent);
      } catch (CredentialsRejectedException e) {
        LOG.debug("refresh token rejected (HTTP {} {}); falling back to the password grant",
            e.statusCode().orElse(0), e.error().orElse("without error code"));
        state.set(State.EMPTY); // neither token is any use now, whatever the password grant does
        sent = clock.instant();
      }
    }
    return stateOf("password", endpoint.passwordGrant(), sent);
  }

  /** The cache state after a grant; logs only non-secret facts (grant type, lifetimes). */
  private State stateOf(String grant, IssuedToken token, Instant sent) {
    Duration expiresIn = token.expiresIn();
    Duration refreshIn = token.refreshExpiresIn();
    if (LOG.isDebugEnabled()) {
      LOG.debug("access token renewed by the {} grant, expires in {}, refresh token {}", grant,
          expiresIn == null ? "(not stated: used once)" : expiresIn.toSeconds() + " s",
          token.refreshToken() == null ? "none"
              : refreshIn == null ? "without stated expiry" : "expires in " + refreshIn.toSeconds() + " s");
    }
    Instant accessUntil = expiresIn == null ? Instant.MIN : sent.plus(expiresIn).minus(skew);
    Instant refreshUntil = refreshIn == null ? null : sent.plus(refreshIn).minus(skew);
    return new State(token.accessToken(), accessUntil, token.refreshToken(), refreshUntil);
  }
}
