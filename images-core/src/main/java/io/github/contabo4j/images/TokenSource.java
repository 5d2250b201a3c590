package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Checks;

/**
 * Supplies the bearer access token for each request. Implementations must be thread-safe and should
 * cache: transports call {@link #accessToken()} once per HTTP attempt.
 */
@FunctionalInterface
public interface TokenSource {

  /**
   * The current access token, without the {@code Bearer } prefix.
   *
   * @return the token
   */
  String accessToken();

  /**
   * The current access token, for an API call that may wait at most {@code timeLeft} more: a source
   * that has to fetch one should give up by then. The transports call this form, with what the call's
   * deadline and the attempt timeout leave. The default ignores the bound and calls {@link
   * #accessToken()}; {@code ContaboCredentials} honours it.
   *
   * @param timeLeft how long the calling operation may still wait, positive
   * @return the token
   */
  default String accessToken(java.time.Duration timeLeft) {
    return accessToken();
  }

  /**
   * Tells the source the service rejected this token with 401, so the next {@link #accessToken()}
   * should fetch a new one. The default does nothing.
   *
   * @param rejectedToken the token that was rejected
   */
  default void invalidate(String rejectedToken) {}

  /**
   * A source that always returns the same token. Its {@code toString()} never shows the token.
   *
   * @param accessToken the token, non-blank, with no whitespace or control characters
   * @return the source
   * @throws InvalidRequestException if the token is blank or holds whitespace or control characters
   */
  static TokenSource fixed(String accessToken) {
    Checks.requireToken("accessToken", accessToken);
    return new TokenSource() {
      @Override
      public String accessToken() {
        return accessToken;
      }

      @Override
      public String toString() {
        return "TokenSource.fixed(<redacted>)";
      }
    };
  }
}
