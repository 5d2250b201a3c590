package io.github.contabo4j.images.auth;

import io.github.contabo4j.images.internal.auth.CredentialSources;
import io.github.contabo4j.images.internal.auth.FoundCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Contabo OAuth2 credentials where Contabo's own tools keep them. {@link
 * ContaboCredentials#defaultChain()} is {@code CredentialsChain.defaults().resolve().build()}.
 *
 * <p><b>The order.</b> The first source holding any of the four credentials is the one used:
 *
 * <ol>
 *   <li>Java system properties {@code contabo.clientId}, {@code contabo.clientSecret}, {@code
 *       contabo.apiUser}, {@code contabo.apiPassword}, and optionally {@code contabo.tokenUrl} and
 *       {@code contabo.baseUrl};
 *   <li>the environment variables {@code CONTABO_CLIENT_ID}, {@code CONTABO_CLIENT_SECRET}, {@code
 *       CONTABO_API_USER}, {@code CONTABO_API_PASSWORD} (as {@link ContaboCredentials#fromEnvironment()});
 *   <li>the Terraform provider's variables {@code CNTB_OAUTH2_CLIENT_ID}, {@code
 *       CNTB_OAUTH2_CLIENT_SECRET}, {@code CNTB_OAUTH2_USER}, {@code CNTB_OAUTH2_PASS}, and optionally
 *       {@code CNTB_OAUTH2_TOKEN_URL} and {@code CNTB_API} (the API base URL);
 *   <li>the official CLI {@code cntb}'s config file, keys {@code oauth2-clientid}, {@code
 *       oauth2-client-secret}, {@code oauth2-user}, {@code oauth2-password}, and optionally {@code
 *       oauth2-tokenurl} and {@code api}: the file named by {@code CNTB_CONFIG} if that is set (it
 *       must exist), else {@code $HOME/.cntb.yaml}, then {@value #SYSTEM_CONFIG_FILE}. Reading it
 *       needs {@code com.fasterxml.jackson.dataformat:jackson-dataformat-yaml}, an optional dependency
 *       of {@code images-core}: without it, an existing file is an error that says so.
 * </ol>
 *
 * <p><b>Rules.</b> A blank value counts as unset. A source with none of the four credentials is
 * skipped, even if it sets a URL; a source with one to three of them is an {@link
 * IllegalArgumentException} naming the source, what it sets and what it lacks (a configuration
 * mistake; see {@code docs/API-DESIGN.md}). A token URL or base
 * URL of the chosen source must be {@code https}, or {@code http} on a loopback host, like every
 * URL this library calls. The token URL becomes the credentials' {@link
 * ContaboCredentials.Builder#tokenUri tokenUri}; the base URL ({@link ContaboCredentials#baseUri()})
 * is used by a transport builder whose {@code baseUri} was not set. Settings made explicitly, on the
 * builder {@link #resolve()} returns or on the transport's builder, win.
 *
 * <p><b>Secrets.</b> The result's {@code toString()} and one DEBUG line of this class's logger name
 * the source and the URLs; no message ever holds a value read from a source, and a config file's
 * syntax error names the file, the line and the column only.
 *
 * <pre>{@code
 * ContaboCredentials credentials = ContaboCredentials.defaultChain();
 * ContaboCredentials tuned = CredentialsChain.defaults().resolve()    // the same, then your settings
 *     .refreshSkew(Duration.ofMinutes(1))
 *     .build();
 * }</pre>
 *
 * <p><b>Thread-safety.</b> Immutable; {@link #resolve()} reads the sources on every call.
 */
public final class CredentialsChain {
  /** The machine-wide cntb config file, tried after the one in the home directory. */
  public static final String SYSTEM_CONFIG_FILE = "/etc/cntb/.cntb.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(CredentialsChain.class);

  private final Map<String, String> environment;
  private final Properties systemProperties;
  private final @Nullable Path home;
  private final Path systemConfigFile;

  private CredentialsChain(Builder b) {
    this.environment = b.environment != null ? b.environment : System.getenv();
    this.systemProperties = b.systemProperties != null ? b.systemProperties : System.getProperties();
    this.home = b.home != null ? b.home : defaultHome(environment, systemProperties);
    this.systemConfigFile = b.systemConfigFile != null ? b.systemConfigFile : Path.of(SYSTEM_CONFIG_FILE);
  }

  /** The chain over this process's system properties, environment, home directory and files. */
  public static CredentialsChain defaults() {
    return builder().build();
  }

  /** A builder for a chain over other sources than this process's, e.g. in tests. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the sources in order and returns a credentials builder set from the first that holds
   * credentials: the four credentials and, if the source names one, the token URL. Change any
   * setting on it before {@code build()}; replacing one of the four credentials makes them yours, and
   * the result then names no source and carries no base URL from it.
   *
   * @return the builder; no request is made
   * @throws IllegalArgumentException if a source holds only some of the credentials, a URL of the
   *     chosen source breaks the https-or-loopback rule, or a config file cannot be read or parsed (or
   *     the YAML library is missing); the message never holds a value
   * @throws IllegalStateException if no source holds any of the credentials
   */
  public ContaboCredentials.Builder resolve() {
    FoundCredentials found = CredentialSources.find(environment, systemProperties, home, systemConfigFile);
    ContaboCredentials.Builder builder = ContaboCredentials.builder().clientId(found.clientId())
        .clientSecret(found.clientSecret()).username(found.username()).password(found.password());
    URI tokenUri = found.tokenUri();
    if (tokenUri != null) {
      builder.tokenUri(tokenUri.toString());
    }
    LOG.debug("OAuth2 credentials from {} (skipped: {}); token URL {}, API base URL {}", found.source(),
        found.skipped().isEmpty() ? "none" : String.join(", ", found.skipped()),
        tokenUri == null ? "default" : tokenUri, found.baseUri() == null ? "not set" : found.baseUri());
    return builder.origin(found);
  }

  /** The home directory and system config file it reads; never a value. */
  @Override
  public String toString() {
    return "CredentialsChain{home=" + home + ", systemConfigFile=" + systemConfigFile + "}";
  }

  private static @Nullable Path defaultHome(Map<String, String> environment, Properties systemProperties) {
    String home = environment.get("HOME");
    if (home == null || home.isBlank()) {
      home = systemProperties.getProperty("user.home");
    }
    try {
      return home == null || home.isBlank() ? null : Path.of(home);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  /**
   * Builds a {@link CredentialsChain}. Every setting defaults to this process's own; a test sets all
   * of them so that nothing of the machine it runs on is read.
   */
  public static final class Builder {
    private @Nullable Map<String, String> environment;
    private @Nullable Properties systemProperties;
    private @Nullable Path home;
    private @Nullable Path systemConfigFile;

    private Builder() {}

    /**
     * The environment variables. Default {@link System#getenv()}.
     *
     * @param environment names to values; copied
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
      return this;
    }

    /**
     * The system properties. Default {@link System#getProperties()}, read at each {@link
     * CredentialsChain#resolve()}.
     *
     * @param systemProperties the properties; copied
     * @return this builder
     */
    public Builder systemProperties(Properties systemProperties) {
      Objects.requireNonNull(systemProperties, "systemProperties == null");
      Properties copy = new Properties();
      systemProperties.stringPropertyNames().forEach(name -> copy.setProperty(name, systemProperties.getProperty(name)));
      this.systemProperties = copy;
      return this;
    }

    /**
     * The home directory holding {@code .cntb.yaml}. Default: the environment's {@code HOME}, else
     * the system property {@code user.home}, each from this builder's settings.
     *
     * @param home the directory
     * @return this builder
     */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home == null");
      return this;
    }

    /**
     * The machine-wide cntb config file. Default {@value CredentialsChain#SYSTEM_CONFIG_FILE}.
     *
     * @param systemConfigFile the file; it need not exist
     * @return this builder
     */
    public Builder systemConfigFile(Path systemConfigFile) {
      this.systemConfigFile = Objects.requireNonNull(systemConfigFile, "systemConfigFile == null");
      return this;
    }

    /** Builds the chain; nothing is read until {@link CredentialsChain#resolve()}. */
    public CredentialsChain build() {
      return new CredentialsChain(this);
    }
  }
}
