package io.github.contabo4j.images.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** The command line, parsed and checked: every rule a bad value breaks is named in the exception. */
final class Options {
  static final int DEFAULT_PORT = 8089;
  static final String USAGE = String.join("\n",
      "Usage: java -jar images-emulator.jar [options]",
      "",
      "Serves the Contabo Images API (/v1/compute/images...) and its OAuth2 token endpoint",
      "(/auth/realms/contabo/protocol/openid-connect/token) from an in-memory fake.",
      "",
      "Network:",
      "  --port N                  port to listen on (default " + DEFAULT_PORT + "; 0 picks a free one)",
      "  --port-file FILE          write the port to FILE once listening (for scripts)",
      "  --bind ADDRESS            address to listen on (default 127.0.0.1)",
      "  --allow-remote            required to bind a non-loopback ADDRESS; then --control-token is too",
      "Credentials:",
      "  --client-id ID --client-secret SECRET --username USER --password PASSWORD",
      "                            the only credentials the token endpoint accepts (all four, or none:",
      "                            by default it accepts any)",
      "  --token-lifetime DURATION access-token lifetime (default 300s)",
      "Behaviour:",
      "  --download-time DURATION  how long a custom image downloads (default 30s)",
      "  --fail-downloads REGEX    source URLs matching REGEX end in status error (URLs on a host",
      "                            ending in .invalid always do)",
      "  --download-error MESSAGE  their errorMessage (default \"Error downloading image from provided URL\")",
      "  --quota-mb N              custom-image storage quota in MB (default 102400)",
      "  --image-size-mb N         size of each created custom image in MB (default 1024)",
      "  --no-standard-images      start without the 15 standard images",
      "  --strict                  reject every request the vendor spec rejects (400)",
      "Files:",
      "  --seed FILE               custom images to start with (JSON, see the README)",
      "  --state FILE              keep state in FILE across restarts (one emulator per file)",
      "Control API (under /__emulator/):",
      "  --control-token TOKEN     require 'Authorization: Bearer TOKEN' on the control API",
      "  --no-control              switch the control API off",
      "",
      "  --help                    print this help and exit",
      "  --version                 print the version and exit",
      "",
      "DURATION: 30s, 500ms, 2m, 1h, a number of seconds, or ISO-8601 (PT30S).");

  int port = DEFAULT_PORT;
  @Nullable Path portFile;
  InetAddress bind = InetAddress.getLoopbackAddress();
  boolean allowRemote;
  @Nullable String clientId;
  @Nullable String clientSecret;
  @Nullable String username;
  @Nullable String password;
  Duration tokenLifetime = Duration.ofSeconds(300);
  Duration downloadTime = Duration.ofSeconds(30);
  @Nullable Pattern failDownloads;
  String downloadError = "Error downloading image from provided URL";
  long quotaMb = 102_400;
  long imageSizeMb = 1024;
  boolean standardImages = true;
  boolean strict;
  @Nullable Path seedFile;
  @Nullable Path stateFile;
  @Nullable String controlToken;
  boolean control = true;
  boolean help;
  boolean version;

  /** A bad command line; the message says which option and what was wrong. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static Options parse(String... args) throws UsageException {
    Options o = new Options();
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String arg = rest.remove(0);
      String name = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      }
      switch (name) {
        case "--help", "-h" -> o.help = true;
        case "--version" -> o.version = true;
        case "--allow-remote" -> o.allowRemote = true;
        case "--no-standard-images" -> o.standardImages = false;
        case "--strict" -> o.strict = true;
        case "--no-control" -> o.control = false;
        case "--port" -> o.port = integer(name, value(name, inline, rest), 0, 65535);
        case "--port-file" -> o.portFile = Path.of(value(name, inline, rest));
        case "--bind" -> o.bind = address(value(name, inline, rest));
        case "--client-id" -> o.clientId = nonBlank(name, value(name, inline, rest));
        case "--client-secret" -> o.clientSecret = nonBlank(name, value(name, inline, rest));
        case "--username" -> o.username = nonBlank(name, value(name, inline, rest));
        case "--password" -> o.password = nonBlank(name, value(name, inline, rest));
        case "--token-lifetime" -> o.tokenLifetime = positive(name, duration(name, value(name, inline, rest)));
        case "--download-time" -> o.downloadTime = duration(name, value(name, inline, rest));
        case "--fail-downloads" -> o.failDownloads = regex(name, value(name, inline, rest));
        case "--download-error" -> o.downloadError = nonBlank(name, value(name, inline, rest));
        case "--quota-mb" -> o.quotaMb = integer(name, value(name, inline, rest), 0, Long.MAX_VALUE);
        case "--image-size-mb" -> o.imageSizeMb = integer(name, value(name, inline, rest), 1, Long.MAX_VALUE);
        case "--seed" -> o.seedFile = Path.of(value(name, inline, rest));
        case "--state" -> o.stateFile = Path.of(value(name, inline, rest));
        case "--control-token" -> o.controlToken = token(name, value(name, inline, rest));
        default -> throw new UsageException("unknown option " + name + " (see --help)");
      }
    }
    o.check();
    return o;
  }

  boolean anyCredentials() {
    return clientId == null;
  }

  private void check() throws UsageException {
    int given = (clientId == null ? 0 : 1) + (clientSecret == null ? 0 : 1) + (username == null ? 0 : 1)
        + (password == null ? 0 : 1);
    if (given != 0 && given != 4) {
      throw new UsageException("--client-id, --client-secret, --username and --password go together: give all four or none");
    }
    if (!bind.isLoopbackAddress()) {
      if (!allowRemote) {
        throw new UsageException("--bind " + bind.getHostAddress()
            + " is not a loopback address: add --allow-remote to expose the emulator to the network");
      }
      if (control && controlToken == null) {
        throw new UsageException("--bind " + bind.getHostAddress()
            + " exposes the control API: give it a --control-token, or switch it off with --no-control");
      }
    }
  }

  private static String value(String name, @Nullable String inline, List<String> rest) throws UsageException {
    if (inline != null) {
      return inline;
    }
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new UsageException(name + " needs a value");
    }
    return rest.remove(0);
  }

  private static long integer(String name, String value, long min, long max) throws UsageException {
    try {
      long n = Long.parseLong(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + " must be an integer from " + min + " to " + max + ", was '" + value + "'");
  }

  private static int integer(String name, String value, int min, int max) throws UsageException {
    return (int) integer(name, value, (long) min, (long) max);
  }

  private static String nonBlank(String name, String value) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException(name + " must not be blank");
    }
    return value;
  }

  private static String token(String name, String value) throws UsageException {
    if (value.length() < 8 || !value.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new UsageException(name + " must be at least 8 visible ASCII characters without spaces");
    }
    return value;
  }

  private static InetAddress address(String value) throws UsageException {
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new UsageException("--bind: unknown address '" + value + "'");
    }
  }

  private static Pattern regex(String name, String value) throws UsageException {
    try {
      return Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw new UsageException(name + " is not a regular expression: " + e.getDescription());
    }
  }

  private static Duration positive(String name, Duration value) throws UsageException {
    if (value.isZero()) {
      throw new UsageException(name + " must be above zero");
    }
    return value;
  }

  /** Parses 30s, 500ms, 2m, 1h, a plain number of seconds, or ISO-8601; never negative. */
  static Duration duration(String name, String value) throws UsageException {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (v.startsWith("pt") || v.startsWith("p")) {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      } else if (v.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
      } else if (v.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
      } else if (v.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(v));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new UsageException(name + " must be a duration like 30s, 500ms, 2m or PT30S, was '" + value + "'");
    }
    if (d.isNegative()) {
      throw new UsageException(name + " must not be negative, was '" + value + "'");
    }
    return d;
  }
}
