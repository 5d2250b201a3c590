package io.github.contabo4j.images.auth;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The token endpoint refused the credentials: HTTP 400, 401 or 403 with an OAuth2 error such as
 * {@code invalid_grant} (wrong user name or password), {@code invalid_client} (wrong client id or
 * secret) or {@code unauthorized_client}. Retrying cannot help; the credentials must be fixed. It is
 * never retried.
 *
 * <p>It carries the endpoint's {@link #error()} and {@link #errorDescription()}, never the password,
 * the client secret or a token: they are redacted from anything the endpoint echoed.
 */
public final class CredentialsRejectedException extends TokenEndpointException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String error;
  private final @Nullable String errorDescription;

  /**
   * Creates the exception.
   *
   * @param grant the grant that was refused, e.g. {@code password}
   * @param statusCode the HTTP status, 400, 401 or 403
   * @param error the OAuth2 {@code error} code, if the endpoint sent one
   * @param errorDescription the OAuth2 {@code error_description}, already truncated and redacted
   */
  public CredentialsRejectedException(
      String grant, int statusCode, @Nullable String error, @Nullable String errorDescription) {
    super("token endpoint rejected the " + grant + " grant: HTTP " + statusCode
            + (error == null ? "" : " " + error) + (errorDescription == null ? "" : ": " + errorDescription),
        statusCode, null);
    this.error = error;
    this.errorDescription = errorDescription;
  }

  /** The OAuth2 {@code error} code, e.g. {@code invalid_grant}, if the endpoint sent one. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** The OAuth2 {@code error_description}, e.g. {@code Invalid user credentials}, if sent. */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
  }
}
