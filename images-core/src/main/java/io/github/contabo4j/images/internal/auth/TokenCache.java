package io.github.contabo4j.images.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches the access token until {@code expires_in} minus the skew, measured from when the request
 * was sent, and renews it single-flight: the first caller that meets an expired token fetches, and
 * the callers that meet it meanwhile wait for that fetch, each no longer than its own deadline. No
 * lock is held across the fetch, so a stalled token endpoint keeps no caller past its own deadline.
 * A renewal tries the refresh token first (while its own {@code refresh_expires_in} minus the skew
 * allows) and falls back to the password grant when the endpoint rejects it. A token whose lifetime
 * is no longer than the skew, or that came without {@code expires_in}, serves the call that fetched it
 * and is not reused.
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
  private final AtomicReference<State> state = new AtomicReference<>(State.EMPTY);
  private final AtomicInteger waiting = new AtomicInteger();
  private final Object flights = new Object();
  private @Nullable Flight flight; // guarded by flights

  /** One renewal in progress, which the callers that meet it wait for. */
  private static final class Flight {
    final CompletableFuture<String> token = new CompletableFuture<>();
    /** Whether it failed only because its leader's own deadline ran out: the others may try again. */
    volatile boolean leaderOutOfTime;
  }

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
   * The cached token if it is still fresh, else a renewed one; a fetch is bounded by the endpoint's
   * request timeout alone.
   *
   * @return the access token
   * @throws TokenRequestFailure if renewing failed
   */
  public String accessToken() {
    return accessToken(TokenEndpoint.NO_DEADLINE);
  }

  /**
   * The cached token if it is still fresh, else a renewed one, waiting no later than the deadline.
   *
   * @param deadlineNanos the {@link System#nanoTime()} by which to give up, or {@link
   *     TokenEndpoint#NO_DEADLINE}
   * @return the access token
   * @throws TokenRequestFailure if renewing failed, the deadline passed, or the thread was
   *     interrupted (the flag is then set)
   */
  public String accessToken(long deadlineNanos) {
    return accessToken(deadlineNanos, endpoint);
  }

  /**
   * The cached token if it is still fresh, else a renewed one fetched through {@code via} (the same
   * credentials over the calling client's connection settings), waiting no later than the deadline.
   * A caller that meets a renewal in progress waits for it, whatever connection it goes through.
   *
   * @param deadlineNanos the {@link System#nanoTime()} by which to give up, or {@link
   *     TokenEndpoint#NO_DEADLINE}
   * @param via the endpoint client a renewal this caller leads goes through
   * @return the access token
   * @throws TokenRequestFailure if renewing failed, the deadline passed, or the thread was
   *     interrupted (the flag is then set)
   */
  public String accessToken(long deadlineNanos, TokenEndpoint via) {
    while (true) {
      String cached = fresh(state.get());
      if (cached != null) {
        return cached;
      }
      Flight mine;
      boolean leader = false;
      synchronized (flights) {
        cached = fresh(state.get());
        if (cached != null) {
          return cached; // renewed between the first look and here
        }
        if (flight == null) {
          flight = new Flight();
          leader = true;
        }
        mine = flight;
      }
      if (leader) {
        return lead(mine, deadlineNanos, via);
      }
      String token = follow(mine, deadlineNanos);
      if (token != null) {
        return token;
      }
      // The leader ran out of its own time: try again within this caller's.
    }
  }

  /** Fetches for everyone waiting on {@code mine}; never holds a lock while the endpoint is asked. */
  private String lead(Flight mine, long deadlineNanos, TokenEndpoint via) {
    try {
      State renewed = renew(state.get(), deadlineNanos, via);
      state.set(renewed);
      String token = Objects.requireNonNull(renewed.accessToken());
      mine.token.complete(token);
      return token;
    } catch (RuntimeException e) {
      mine.leaderOutOfTime = deadlineNanos != TokenEndpoint.NO_DEADLINE && deadlineNanos - System.nanoTime() <= 0;
      mine.token.completeExceptionally(e);
      throw e;
    } finally {
      synchronized (flights) {
        if (flight == mine) {
          flight = null;
        }
      }
    }
  }

  /**
   * Waits for another caller's fetch, no later than this caller's deadline.
   *
   * @return the token, or null if the leader ran out of its own time and this caller may try again
   */
  private @Nullable String follow(Flight mine, long deadlineNanos) {
    waiting.incrementAndGet();
    try {
      String token = deadlineNanos == TokenEndpoint.NO_DEADLINE
          ? mine.token.get()
          : mine.token.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      // A token that serves only the call that fetched it is not shared: fetch again.
      return fresh(state.get()) == null ? null : token;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenRequestFailure("interrupted while waiting for a token", 0, e);
    } catch (TimeoutException e) {
      throw new TokenRequestFailure(
          "no token within the calling operation's deadline: another caller's renewal is still in progress", 0, null);
    } catch (ExecutionException e) {
      if (mine.leaderOutOfTime && (deadlineNanos == TokenEndpoint.NO_DEADLINE || deadlineNanos - System.nanoTime() > 0)) {
        return null;
      }
      Throwable cause = e.getCause();
      if (cause instanceof TokenRequestFailure) {
        throw (TokenRequestFailure) cause;
      }
      throw new TokenRequestFailure("renewing the token failed", 0, cause);
    } finally {
      waiting.decrementAndGet();
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
   * How many callers are waiting for a renewal in progress (exact while they wait).
   * For tests of the single flight.
   *
   * @return the number of queued callers
   */
  public int queuedCallers() {
    return waiting.get();
  }

  private @Nullable String fresh(State s) {
    return s.accessToken() != null && clock.instant().isBefore(s.accessUntil()) ? s.accessToken() : null;
  }

  private State renew(State current, long deadlineNanos, TokenEndpoint via) {
    Instant sent = clock.instant();
    if (current.canRefresh(sent)) {
      try {
        return stateOf("refresh_token",
            via.refreshGrant(Objects.requireNonNull(current.refreshToken()), deadlineNanos), sent);
      } catch (TokenRequestFailure e) {
        if (e.rejection().isEmpty()) {
          throw e;
        }
        LOG.debug("refresh token rejected (HTTP {} {}); falling back to the password grant",
            e.statusCode(), e.rejection().get().error() == null ? "without error code" : e.rejection().get().error());
        state.set(State.EMPTY); // neither token is any use now, whatever the password grant does
        sent = clock.instant();
      }
    }
    return stateOf("password", via.passwordGrant(deadlineNanos), sent);
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
