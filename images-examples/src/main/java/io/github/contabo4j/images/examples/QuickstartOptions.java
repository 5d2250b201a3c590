package io.github.contabo4j.images.examples;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The quickstart's command line, parsed. Flags win over the environment variables {@value #ENV_BASE_URL}
 * and {@value #ENV_TOKEN}; the token is read only when a base URL is given. Credentials found by the
 * credentials chain are used only with {@code --real}: without it, no argument ever reaches a real API.
 *
 * @param transport which transport makes the calls
 * @param command what to run
 * @param imageId the image of {@code get}, else null
 * @param baseUrl the server to call, or null for the embedded fake server
 * @param token the bearer token for {@code baseUrl}, or null with the embedded server
 * @param help whether to print the usage and stop
 * @param real whether to take tokens from Contabo's OAuth2 password grant with the credentials the
 *     credentials chain finds ({@code ContaboCredentials.defaultChain()}), and the API from {@code
 *     baseUrl}, else the chain's source, else {@code https://api.contabo.com}
 */
record QuickstartOptions(
    Transport transport, Command command, @Nullable String imageId, @Nullable URI baseUrl, @Nullable String token,
    boolean help, boolean real) {
  static final String ENV_BASE_URL = "CONTABO_BASE_URL";
  static final String ENV_TOKEN = "CONTABO_TOKEN";

  static final String USAGE = """
      Usage: quickstart [--transport jdk|feign] [--base-url URL --token TOKEN | --real [--base-url URL]] [COMMAND]

      With no command, starts an embedded fake Contabo Images server and runs the whole image
      lifecycle against it: stats, list, create, wait for the download, rename, filter, audits,
      delete, stats. Every line shows the x-request-id of its call.

      Commands:
        lifecycle      the lifecycle; must be named to run it against --base-url, because it
                       creates and deletes an image there
        list           lists every image (read-only)
        get ID         shows one image (read-only)
        stats          shows the custom-image storage statistics (read-only)

      Options:
        --transport T  jdk (java.net.http, the default) or feign (Feign on Apache HttpClient 5)
        --base-url U   any spec-compatible server instead of the embedded one (env CONTABO_BASE_URL);
                       https, or http on a loopback address
        --token T      its bearer token (env CONTABO_TOKEN); needed with a base URL
        --real         the real API, with the OAuth2 credentials the credentials chain finds:
                       system properties contabo.*, CONTABO_* variables, CNTB_OAUTH2_* variables,
                       then the cntb config file (~/.cntb.yaml, /etc/cntb/.cntb.yaml, or CNTB_CONFIG).
                       The target is --base-url, else the source's API URL, else
                       https://api.contabo.com. Name a command; only list, get and stats are read-only.
        -h, --help     this text
      Without --real, credentials found by the chain are never used.

      Exit status: 0 done, 1 a call failed, 2 bad arguments.
      """;

  /** The transports the quickstart can use. */
  enum Transport {
    JDK,
    FEIGN
  }

  /** What the quickstart runs. */
  enum Command {
    LIFECYCLE,
    LIST,
    GET,
    STATS
  }

  /** Bad arguments: the message says what is wrong and never repeats a token. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses the arguments.
   *
   * @param args the command line
   * @param env the environment
   * @return the options
   * @throws UsageException naming what is wrong
   */
  static QuickstartOptions parse(List<String> args, Map<String, String> env) throws UsageException {
    Transport transport = Transport.JDK;
    String baseUrl = null;
    String token = null;
    boolean real = false;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "-h", "--help" -> {
          return new QuickstartOptions(transport, Command.LIFECYCLE, null, null, null, true, false);
        }
        case "--real" -> {
          if (arg.contains("=")) {
            throw new UsageException("--real takes no value");
          }
          real = true;
        }
        case "--transport", "--base-url", "--token" -> {
          String value;
          if (arg.contains("=")) {
            value = arg.substring(arg.indexOf('=') + 1);
          } else if (i + 1 < args.size()) {
            value = args.get(++i);
          } else {
            throw new UsageException(name + " needs a value");
          }
          if (value.isBlank()) {
            throw new UsageException(name + " needs a value");
          }
          switch (name) {
            case "--transport" -> transport = transport(value);
            case "--base-url" -> baseUrl = value;
            default -> token = value;
          }
        }
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + name + " (try --help)");
          }
          positional.add(arg);
        }
      }
    }

    boolean tokenFlag = token != null;
    baseUrl = baseUrl != null ? baseUrl : blankToNull(env.get(ENV_BASE_URL));
    token = token != null ? token : blankToNull(env.get(ENV_TOKEN));
    if (real) {
      if (tokenFlag) {
        throw new UsageException("--real takes its tokens from the credentials chain: drop --token");
      }
      token = null; // the password grant makes them
    } else if (baseUrl == null) {
      if (tokenFlag) {
        throw new UsageException("--token needs --base-url (or " + ENV_BASE_URL + "); the embedded server makes its own");
      }
      token = null; // a token in the environment alone is not used: the embedded server makes its own
    } else if (token == null) {
      throw new UsageException("a base URL needs a token: --token TOKEN or " + ENV_TOKEN);
    }
    URI uri = baseUrl == null ? null : uri(baseUrl);

    Command command = Command.LIFECYCLE;
    String imageId = null;
    if (positional.isEmpty()) {
      if (uri != null || real) {
        throw new UsageException("with " + (real ? "--real" : "a base URL") + ", name a command: list, get ID, "
            + "stats, or lifecycle (which creates and deletes an image on that server)");
      }
    } else {
      command = command(positional.get(0));
      int expected = command == Command.GET ? 2 : 1;
      if (command == Command.GET && positional.size() < 2) {
        throw new UsageException("get needs an image id: get ID");
      }
      if (positional.size() > expected) {
        throw new UsageException("unexpected argument " + positional.get(expected) + " (try --help)");
      }
      imageId = command == Command.GET ? positional.get(1) : null;
    }
    return new QuickstartOptions(transport, command, imageId, uri, token, false, real);
  }

  private static Transport transport(String value) throws UsageException {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "jdk" -> Transport.JDK;
      case "feign" -> Transport.FEIGN;
      default -> throw new UsageException("--transport must be jdk or feign, was " + value);
    };
  }

  private static Command command(String value) throws UsageException {
    return switch (value) {
      case "lifecycle" -> Command.LIFECYCLE;
      case "list" -> Command.LIST;
      case "get" -> Command.GET;
      case "stats" -> Command.STATS;
      default -> throw new UsageException("unknown command " + value + ": lifecycle, list, get ID or stats");
    };
  }

  private static URI uri(String text) throws UsageException {
    try {
      URI uri = new URI(text);
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new UsageException("the base URL must be absolute, like https://api.contabo.com");
      }
      return uri;
    } catch (URISyntaxException e) {
      // Not echoed: a mistyped URL may hold credentials.
      throw new UsageException("the base URL is not a valid URI");
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "QuickstartOptions{transport=" + transport + ", command=" + command + ", imageId=" + imageId
        + ", baseUrl=" + baseUrl + ", token=" + (token == null ? "none" : "(set)") + ", help=" + help
        + ", real=" + real + "}";
  }
}
