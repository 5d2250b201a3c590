package io.github.contabo4j.images.internal.auth;

import io.github.contabo4j.images.internal.Checks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The credentials chain's sources, in order, and its rules: a source holding none of the four
 * credentials is skipped (whatever URLs it sets); one holding one to three of them is an error naming
 * the missing ones; the first holding all four wins, and its URLs are checked with the transports'
 * https-or-loopback rule. No message holds a value.
 */
public final class CredentialSources {
  /** The names one source uses, in its own spelling; a null URL key: the source has none. */
  private record Keys(
      String clientId, String clientSecret, String username, String password,
      @Nullable String tokenUrl, @Nullable String baseUrl) {
    List<String> credentials() {
      return List.of(clientId, clientSecret, username, password);
    }

    Set<String> all() {
      Set<String> all = new HashSet<>(credentials());
      if (tokenUrl != null) {
        all.add(tokenUrl);
      }
      if (baseUrl != null) {
        all.add(baseUrl);
      }
      return all;
    }
  }

  /** The Java system properties (source 1): this library's own names. */
  public static final String PROPERTY_CLIENT_ID = "contabo.clientId";
  /** See {@link #PROPERTY_CLIENT_ID}. */
  public static final String PROPERTY_CLIENT_SECRET = "contabo.clientSecret";
  /** See {@link #PROPERTY_CLIENT_ID}. */
  public static final String PROPERTY_API_USER = "contabo.apiUser";
  /** See {@link #PROPERTY_CLIENT_ID}. */
  public static final String PROPERTY_API_PASSWORD = "contabo.apiPassword";
  /** See {@link #PROPERTY_CLIENT_ID}. */
  public static final String PROPERTY_TOKEN_URL = "contabo.tokenUrl";
  /** See {@link #PROPERTY_CLIENT_ID}. */
  public static final String PROPERTY_BASE_URL = "contabo.baseUrl";
  /** The variable naming the one cntb config file to read instead of the two default places. */
  public static final String ENV_CONFIG_FILE = "CNTB_CONFIG";
  /** The cntb config file's name in the home directory. */
  public static final String HOME_CONFIG_FILE = ".cntb.yaml";

  private static final Keys PROPERTIES = new Keys(PROPERTY_CLIENT_ID, PROPERTY_CLIENT_SECRET, PROPERTY_API_USER,
      PROPERTY_API_PASSWORD, PROPERTY_TOKEN_URL, PROPERTY_BASE_URL);
  private static final Keys CONTABO_ENV = new Keys(
      "CONTABO_CLIENT_ID", "CONTABO_CLIENT_SECRET", "CONTABO_API_USER", "CONTABO_API_PASSWORD", null, null);
  private static final Keys CNTB_ENV = new Keys("CNTB_OAUTH2_CLIENT_ID", "CNTB_OAUTH2_CLIENT_SECRET",
      "CNTB_OAUTH2_USER", "CNTB_OAUTH2_PASS", "CNTB_OAUTH2_TOKEN_URL", "CNTB_API");
  private static final Keys CNTB_FILE = new Keys(
      "oauth2-clientid", "oauth2-client-secret", "oauth2-user", "oauth2-password", "oauth2-tokenurl", "api");

  private CredentialSources() {}

  /**
   * Tries every source in order and returns the first that holds the four credentials.
   *
   * @param environment the environment variables
   * @param properties the system properties
   * @param home the home directory, or null if unknown
   * @param systemConfigFile the machine-wide cntb config file, tried after the one in {@code home}
   * @return what the chosen source holds
   * @throws IllegalArgumentException if a source holds only some credentials, a chosen source's URL
   *     breaks the https-or-loopback rule, a config file cannot be read or parsed, or no source holds
   *     credentials; the message names sources, keys and files, never a value
   */
  public static FoundCredentials find(
      Map<String, String> environment, Properties properties, @Nullable Path home, Path systemConfigFile) {
    List<String> skipped = new ArrayList<>();
    FoundCredentials found = read("system properties contabo.*", PROPERTIES, properties::getProperty, skipped);
    if (found == null) {
      found = read("environment CONTABO_*", CONTABO_ENV, environment::get, skipped);
    }
    if (found == null) {
      found = read("environment CNTB_OAUTH2_*", CNTB_ENV, environment::get, skipped);
    }
    for (Path file : configFiles(environment, home, systemConfigFile)) {
      if (found != null) {
        break;
      }
      String source = "cntb config file " + file;
      if (Files.isRegularFile(file)) {
        Map<String, String> values = CntbConfigFile.read(file, CNTB_FILE.all());
        found = read(source, CNTB_FILE, values::get, skipped);
      } else {
        skipped.add(source + " (absent)");
      }
    }
    if (found == null) {
      throw new IllegalStateException("credentials were found in no source; tried " + String.join(", ", skipped));
    }
    return found;
  }

  /** {@value #ENV_CONFIG_FILE}'s file alone if set, else the home directory's then the system's. */
  private static List<Path> configFiles(Map<String, String> environment, @Nullable Path home, Path systemConfigFile) {
    String named = value(environment::get, ENV_CONFIG_FILE);
    if (named != null) {
      Path file;
      try {
        file = Path.of(named);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException(ENV_CONFIG_FILE + " is not a valid path");
      }
      if (!Files.isRegularFile(file)) {
        // Not echoed: a value that names no file may be anything, even a pasted secret.
        throw new IllegalArgumentException(ENV_CONFIG_FILE + " is set but names no existing file");
      }
      return List.of(file);
    }
    List<Path> files = new ArrayList<>();
    if (home != null) {
      files.add(home.resolve(HOME_CONFIG_FILE));
    }
    files.add(systemConfigFile);
    return files;
  }

  private static @Nullable FoundCredentials read(
      String source, Keys keys, Function<String, @Nullable String> lookup, List<String> skipped) {
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String key : keys.credentials()) {
      (value(lookup, key) == null ? missing : present).add(key);
    }
    if (present.isEmpty()) {
      skipped.add(source);
      return null;
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(source + " sets " + String.join(", ", present) + " but not "
          + String.join(", ", missing) + ": set all four credentials there, or none");
    }
    return new FoundCredentials(source, present(lookup, keys.clientId()), present(lookup, keys.clientSecret()),
        present(lookup, keys.username()), present(lookup, keys.password()), uri(source, keys.tokenUrl(), lookup),
        uri(source, keys.baseUrl(), lookup), List.copyOf(skipped));
  }

  private static @Nullable URI uri(String source, @Nullable String key, Function<String, @Nullable String> lookup) {
    String text = key == null ? null : value(lookup, key);
    return text == null ? null : Checks.setting(() -> Checks.requireBaseUri(key + " of " + source, text.strip()));
  }

  /** A credential {@code read} saw present. */
  private static String present(Function<String, @Nullable String> lookup, String key) {
    return Objects.requireNonNull(value(lookup, key), key);
  }

  /** The value, or null if unset or blank. */
  private static @Nullable String value(Function<String, @Nullable String> lookup, String key) {
    String value = lookup.apply(key);
    return value == null || value.isBlank() ? null : value;
  }
}
