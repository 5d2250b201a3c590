package io.github.contabo4j.images.auth;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Getting an access token from the OAuth2 token endpoint failed: it could not be reached, it kept
 * answering 5xx or 429 until the retry policy gave up, it answered another unexpected status, or its
 * answer was not a usable token. The subclass {@link CredentialsRejectedException} is the endpoint
 * refusing the credentials themselves.
 *
 * <p>{@link ContaboCredentials#accessToken()} throws it. An {@link
 * io.github.contabo4j.images.ImagesPort} call that needed a token throws an {@link
 * io.github.contabo4j.images.ImagesTransportException} with failure {@code TOKEN_UNAVAILABLE} and
 * delivery {@code NOT_SENT}, carrying the call's request ids, with this as its cause; the resilience
 * decorator does not retry it: the token source has already retried as its policy allows.
 *
 * <p>Messages and causes never contain the client secret, the password or a token; any text the
 * endpoint sent is truncated and has those values redacted.
 */
public class TokenEndpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  /**
   * Creates the exception.
   *
   * @param message what failed, without secrets
   * @param statusCode the token endpoint's HTTP status, or 0 if no answer came back
   * @param cause the underlying failure (an I/O error, an interrupt), if any
   */
  public TokenEndpointException(String message, int statusCode, @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /** The token endpoint's HTTP status of the last attempt; empty if no answer came back. */
  public OptionalInt statusCode() {
    return statusCode == 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }
}
