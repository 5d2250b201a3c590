package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.auth.CredentialsChain;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the client bean connects and with which tokens: from the properties and the credentials
 * chain, or from the fake. Resolving it is what fails fast when no credentials are found.
 */
final class ImagesConnection {
  static final String NO_CREDENTIALS = "No Contabo API credentials found. Set contabo.images.credentials."
      + "client-id, client-secret, username and password, or provide them where the default credentials chain "
      + "looks (system properties contabo.clientId/clientSecret/apiUser/apiPassword, the CONTABO_* or "
      + "CNTB_OAUTH2_* environment variables, the cntb CLI's config file); or set "
      + "contabo.images.credentials.required=false to start without them (every call then fails)";

  private final @Nullable URI baseUri;
  private final TokenSource tokens;

  ImagesConnection(@Nullable URI baseUri, TokenSource tokens) {
    this.baseUri = baseUri;
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
  }

  /** The base URI to set on the builder, or null to keep the transport's default. */
  @Nullable URI baseUri() {
    return baseUri;
  }

  TokenSource tokens() {
    return tokens;
  }

  /**
   * Resolves the connection from the properties: explicit credentials when all four are set, else
   * the chain. The base URL property wins over the one the chain's source names.
   *
   * @throws IllegalStateException with {@link #NO_CREDENTIALS} when none are found and they are required
   * @throws IllegalArgumentException when only some credentials are set, or a URL breaks a rule
   */
  static ImagesConnection resolve(ContaboImagesProperties properties, CredentialsChain chain) {
    ContaboImagesProperties.Credentials c = properties.getCredentials();
    URI explicitBase = properties.getBaseUrl() == null ? null : URI.create(properties.getBaseUrl().trim());
    ContaboCredentials.Builder builder = explicitCredentials(c);
    if (builder == null) {
      try {
        builder = chain.resolve();
      } catch (IllegalStateException e) {
        // No source holds any credentials. A partial source or a bad file is an
        // IllegalArgumentException instead: a misconfiguration, never skipped.
        if (c.isRequired()) {
          throw new IllegalStateException(NO_CREDENTIALS + " (" + e.getMessage() + ")", e);
        }
        return new ImagesConnection(explicitBase, new MissingCredentials());
      }
    }
    if (properties.getTokenUrl() != null) {
      builder.tokenUri(properties.getTokenUrl().trim());
    }
    ContaboCredentials credentials = builder.build();
    URI base = explicitBase != null ? explicitBase : credentials.baseUri().orElse(null);
    return new ImagesConnection(base, credentials);
  }

  private static ContaboCredentials.@Nullable Builder explicitCredentials(ContaboImagesProperties.Credentials c) {
    List<String> set = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    (blank(c.getClientId()) ? missing : set).add("client-id");
    (blank(c.getClientSecret()) ? missing : set).add("client-secret");
    (blank(c.getUsername()) ? missing : set).add("username");
    (blank(c.getPassword()) ? missing : set).add("password");
    if (set.isEmpty()) {
      return null;
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(ContaboImagesProperties.PREFIX + ".credentials set "
          + String.join(", ", set) + " but not " + String.join(", ", missing) + ": set all four, or none to use "
          + "the default credentials chain");
    }
    return ContaboCredentials.builder().clientId(c.getClientId()).clientSecret(c.getClientSecret())
        .username(c.getUsername()).password(c.getPassword());
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /** The token source of a service started without credentials: every call fails, saying why. */
  static final class MissingCredentials implements TokenSource {
    @Override
    public String accessToken() {
      throw new IllegalStateException("No Contabo API credentials: the service was started with "
          + "contabo.images.credentials.required=false and none were found at start-up");
    }

    @Override
    public String toString() {
      return "MissingCredentials";
    }
  }
}
