package io.github.contabo4j.images.internal.auth;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A token request failed: what {@link TokenEndpoint} and {@link TokenCache} throw. {@code
 * ContaboCredentials} turns it into the public {@code TokenEndpointException}, or {@code
 * CredentialsRejectedException} when {@link #rejection()} is present, at its boundary, so this
 * package never reaches back into the public {@code auth} package. Its message and cause never hold
 * a secret or a token.
 */
public final class TokenRequestFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * The endpoint refused the credentials (HTTP 400, 401 or 403).
   *
   * @param grant the grant refused, e.g. {@code password}
   * @param error the OAuth2 {@code error}, if sent
   * @param description the OAuth2 {@code error_description}, redacted and truncated, if sent
   */
  public record Rejection(String grant, @Nullable String error, @Nullable String description) {}

  private final int statusCode;
  private final transient @Nullable Rejection rejection;

  /**
   * A failure that is not a refusal of the credentials.
   *
   * @param message what failed, without secrets
   * @param statusCode the endpoint's HTTP status, or 0 if no answer came back
   * @param cause the underlying failure, if any
   */
  TokenRequestFailure(String message, int statusCode, @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.rejection = null;
  }

  /**
   * A refusal of the credentials.
   *
   * @param statusCode 400, 401 or 403
   * @param rejection what the endpoint said
   */
  TokenRequestFailure(int statusCode, Rejection rejection) {
    super("token endpoint rejected the " + rejection.grant() + " grant: HTTP " + statusCode
        + (rejection.error() == null ? "" : " " + rejection.error())
        + (rejection.description() == null ? "" : ": " + rejection.description()));
    this.statusCode = statusCode;
    this.rejection = rejection;
  }

  /** The endpoint's HTTP status of the last attempt, or 0 if no answer came back. */
  public int statusCode() {
    return statusCode;
  }

  /** Present when the endpoint refused the credentials themselves. */
  public Optional<Rejection> rejection() {
    return Optional.ofNullable(rejection);
  }
}
