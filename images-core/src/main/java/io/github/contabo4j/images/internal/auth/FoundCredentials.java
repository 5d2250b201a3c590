package io.github.contabo4j.images.internal.auth;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the credentials chain found in the first source that held credentials.
 *
 * @param source the source, e.g. {@code environment CNTB_OAUTH2_*}; never a value
 * @param clientId the OAuth2 client id
 * @param clientSecret the OAuth2 client secret
 * @param username the API user's name
 * @param password the API user's password
 * @param tokenUri the token URL the source named, already checked, or null
 * @param baseUri the API base URL the source named, already checked, or null
 * @param skipped the sources tried before it that held no credentials, in order
 */
public record FoundCredentials(
    String source,
    String clientId,
    String clientSecret,
    String username,
    String password,
    @Nullable URI tokenUri,
    @Nullable URI baseUri,
    List<String> skipped) {

  /** Whether these four are the very strings found (a builder's setting replaced none of them). */
  public boolean sameCredentials(
      @Nullable String clientId, @Nullable String clientSecret, @Nullable String username, @Nullable String password) {
    return this.clientId == clientId && this.clientSecret == clientSecret && this.username == username
        && this.password == password;
  }

  /** The source and URLs; never the secret or the password. */
  @Override
  public String toString() {
    return "FoundCredentials{source=" + source + ", clientId=" + clientId + ", username=" + username
        + ", clientSecret=<redacted>, password=<redacted>, tokenUri=" + tokenUri + ", baseUri=" + baseUri
        + ", skipped=" + skipped + "}";
  }
}
