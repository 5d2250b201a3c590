package io.github.contabo4j.images.internal.auth;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the token endpoint issued. {@link #toString()} never shows a token.
 *
 * @param accessToken the access token, already checked to hold only visible ASCII
 * @param expiresIn {@code expires_in}, or null if the endpoint sent none
 * @param refreshToken {@code refresh_token}, or null
 * @param refreshExpiresIn {@code refresh_expires_in} if positive, else null (no stated expiry)
 */
public record IssuedToken(
    String accessToken, @Nullable Duration expiresIn, @Nullable String refreshToken, @Nullable Duration refreshExpiresIn) {

  @Override
  public String toString() {
    return "IssuedToken{accessToken=<redacted>, expiresIn=" + expiresIn
        + ", refreshToken=" + (refreshToken == null ? "none" : "<redacted>") + ", refreshExpiresIn=" + refreshExpiresIn + "}";
  }
}
