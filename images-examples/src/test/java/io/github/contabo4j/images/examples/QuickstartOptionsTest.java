package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.examples.QuickstartOptions.Command;
import io.github.contabo4j.images.examples.QuickstartOptions.Transport;
import io.github.contabo4j.images.examples.QuickstartOptions.UsageException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuickstartOptionsTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void noArgumentsMeansTheLifecycleOnTheEmbeddedServerThroughJdk() throws Exception {
    QuickstartOptions options = parse();

    assertThat(options).isEqualTo(new QuickstartOptions(Transport.JDK, Command.LIFECYCLE, null, null, null, false, false));
  }

  @Test
  void readsTransportServerAndCommandInEitherSpelling() throws Exception {
    QuickstartOptions spaced = parse("--transport", "FEIGN", "--base-url", "https://api.example.com", "--token", "t0k",
        "get", "img-1");
    QuickstartOptions joined = parse("--transport=feign", "--base-url=https://api.example.com", "--token=t0k",
        "get", "img-1");

    assertThat(spaced).isEqualTo(joined).isEqualTo(new QuickstartOptions(Transport.FEIGN, Command.GET, "img-1",
        URI.create("https://api.example.com"), "t0k", false, false));
  }

  @Test
  void takesTheServerFromTheEnvironmentAndFlagsWin() throws Exception {
    Map<String, String> env = Map.of("CONTABO_BASE_URL", "https://env.example.com", "CONTABO_TOKEN", "env-token");

    assertThat(QuickstartOptions.parse(List.of("stats"), env))
        .extracting(QuickstartOptions::baseUrl, QuickstartOptions::token)
        .containsExactly(URI.create("https://env.example.com"), "env-token");
    assertThat(QuickstartOptions.parse(List.of("--base-url", "https://flag.example.com", "stats"), env))
        .extracting(QuickstartOptions::baseUrl, QuickstartOptions::token)
        .containsExactly(URI.create("https://flag.example.com"), "env-token");
  }

  @Test
  void aTokenInTheEnvironmentAloneKeepsTheEmbeddedServer() throws Exception {
    QuickstartOptions options = QuickstartOptions.parse(List.of(), Map.of("CONTABO_TOKEN", "env-token"));

    assertThat(options.baseUrl()).isNull();
    assertThat(options.token()).isNull();
  }

  @Test
  void helpWinsOverEverythingElse() throws Exception {
    assertThat(parse("stats", "-h").help()).isTrue();
    assertThat(parse("--help").help()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--transport curl                               | --transport must be jdk or feign, was curl",
      "--transport                                    | --transport needs a value",
      "--base-url=                                    | --base-url needs a value",
      "--verbose                                      | unknown option --verbose",
      "--token t0k stats                              | --token needs --base-url",
      "--base-url https://api.example.com stats       | a base URL needs a token",
      "--base-url https://api.example.com --token t0k | name a command: list, get ID, stats, or lifecycle",
      "--base-url /relative --token t0k stats         | the base URL must be absolute",
      "--base-url https://a b --token t0k stats       | the base URL is not a valid URI",
      "deploy                                         | unknown command deploy",
      "get                                            | get needs an image id",
      "get a b                                        | unexpected argument b",
      "stats now                                      | unexpected argument now",
  })
  void badArgumentsAreNamed(String args, String message) {
    List<String> split = args.contains("https://a b")
        ? List.of("--base-url", "https://a b", "--token", "t0k", "stats")
        : List.of(args.trim().split("\\s+"));

    assertThatThrownBy(() -> QuickstartOptions.parse(split, NO_ENV))
        .isInstanceOf(UsageException.class).hasMessageContaining(message).message().doesNotContain("t0k");
  }

  @Test
  void toStringHidesTheToken() throws Exception {
    assertThat(parse("--base-url", "https://api.example.com", "--token", "t0k-secret", "stats").toString())
        .doesNotContain("t0k-secret").contains("token=(set)");
  }

  private static QuickstartOptions parse(String... args) throws UsageException {
    return QuickstartOptions.parse(List.of(args), NO_ENV);
  }

  @Test
  void credentialsInTheEnvironmentAreNotUsedWithoutReal() throws Exception {
    Map<String, String> env = Map.of("CONTABO_CLIENT_ID", "client-id", "CONTABO_CLIENT_SECRET", "client-secret",
        "CONTABO_API_USER", "user@example.com", "CONTABO_API_PASSWORD", "pa55word-long");

    QuickstartOptions none = QuickstartOptions.parse(List.of(), env);
    assertThat(none.real()).isFalse();
    assertThat(none.baseUrl()).as("the embedded server").isNull();
    QuickstartOptions stats = QuickstartOptions.parse(List.of("stats"), env);
    assertThat(stats.real()).isFalse();
    assertThat(stats.baseUrl()).as("a command alone also runs on the embedded server").isNull();
    assertThat(stats.toString()).doesNotContain("client-secret").doesNotContain("pa55word-long");
  }

  @Test
  void realTakesTheChainAndAnOptionalBaseUrlAndNeedsACommand() throws Exception {
    QuickstartOptions stats = parse("--real", "stats");
    assertThat(stats.real()).isTrue();
    assertThat(stats.baseUrl()).as("the chain's, else the real API").isNull();
    assertThat(stats.token()).isNull();
    assertThat(parse("--real", "--base-url", "https://api.example.com", "list").baseUrl())
        .isEqualTo(URI.create("https://api.example.com"));
    assertThat(QuickstartOptions.parse(List.of("--real", "stats"), Map.of("CONTABO_TOKEN", "env-token")).token())
        .as("a token in the environment is not used with --real").isNull();

    assertThatThrownBy(() -> parse("--real")).hasMessageContaining("with --real, name a command");
    assertThatThrownBy(() -> parse("--real", "--token", "t0k", "stats"))
        .hasMessageContaining("--real takes its tokens from the credentials chain").message().doesNotContain("t0k");
    assertThatThrownBy(() -> parse("--real=yes", "stats")).hasMessageContaining("--real takes no value");
  }
}
