package io.github.contabo4j.images.testkit.internal.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The bearer tokens the face accepts: fixed tokens that never expire, and access and refresh tokens
 * issued by its token endpoint, each valid until its lifetime has passed on the injected clock.
 * Thread-safe.
 */
public final class TokenStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Set<String> staticTokens;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final Clock clock;
  private final Map<String, Instant> access = new ConcurrentHashMap<>();
  private final Map<String, Instant> refresh = new ConcurrentHashMap<>();

  /**
   * A pair of issued tokens.
   *
   * @param accessToken the bearer
   * @param refreshToken the refresh token
   * @param expiresIn the access token's lifetime
   * @param refreshExpiresIn the refresh token's lifetime
   */
  public record Issued(String accessToken, String refreshToken, Duration expiresIn, Duration refreshExpiresIn) {
    @Override
    public String toString() {
      return "Issued[<redacted>, expiresIn=" + expiresIn + "]";
    }
  }

  /**
   * Creates the store.
   *
   * @param staticTokens tokens accepted for the store's whole life
   * @param accessLifetime how long an issued access token is accepted
   * @param refreshLifetime how long an issued refresh token is accepted
   * @param clock the clock lifetimes run on
   */
  public TokenStore(List<String> staticTokens, Duration accessLifetime, Duration refreshLifetime, Clock clock) {
    this.staticTokens = Set.copyOf(staticTokens);
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
    this.clock = clock;
  }

  /**
   * Whether a bearer is accepted now.
   *
   * @param token the bearer, or null when none was sent
   * @return true for a static token or an unexpired issued one
   */
  public boolean accepts(@Nullable String token) {
    return token != null && (staticTokens.contains(token) || live(access, token));
  }

  /**
   * Issues a new pair.
   *
   * @return the tokens
   */
  public Issued issue() {
    Instant now = clock.instant();
    String accessToken = random("fake-at-");
    String refreshToken = random("fake-rt-");
    access.put(accessToken, now.plus(accessLifetime));
    refresh.put(refreshToken, now.plus(refreshLifetime));
    return new Issued(accessToken, refreshToken, accessLifetime, refreshLifetime);
  }

  /**
   * Issues a new pair for a refresh token this store issued and that is still live.
   *
   * @param refreshToken the refresh token
   * @return the new tokens, or null when the refresh token is unknown or expired
   */
  public @Nullable Issued refresh(String refreshToken) {
    return live(refresh, refreshToken) ? issue() : null;
  }

  /** Forgets every issued token, so the next call with one is answered 401; static tokens stay. */
  public void revokeIssued() {
    access.clear();
    refresh.clear();
  }

  private boolean live(Map<String, Instant> tokens, String token) {
    Instant expiry = tokens.get(token);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  private static String random(String prefix) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
