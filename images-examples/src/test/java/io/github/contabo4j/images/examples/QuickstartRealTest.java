package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.MutableClock;
import io.github.contabo4j.images.testkit.junit.FakeImagesExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart and the credentials chain: with no arguments it runs on its embedded server whatever
 * the chain would find; {@code --real} takes the credentials, the token URL and the API URL from the
 * chain's source. The extension's server, with its OAuth2 token endpoint, stands in for Contabo.
 */
class QuickstartRealTest {
  @RegisterExtension
  static FakeImagesExtension images = FakeImagesExtension.withHttpFace(() -> FakeImages.builder()
      .clock(MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"))).build());

  @TempDir
  Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** A ~/.cntb.yaml pointing at the extension's server, with the fake's default credentials. */
  private void cntbConfigForTheFake() throws IOException {
    Files.writeString(home.resolve(".cntb.yaml"), "oauth2-clientid: contabo4j-fake-client\n"
        + "oauth2-client-secret: contabo4j-fake-secret\noauth2-user: fake-user\noauth2-password: fake-password\n"
        + "oauth2-tokenurl: " + images.server().tokenEndpoint() + "\napi: " + images.baseUri() + "\n");
  }

  private int run(Map<String, String> env, String... args) {
    MutableClock clock = (MutableClock) images.fake().clock();
    return Quickstart.run(List.of(args), env, TestChains.over(env, home), print(out), print(err),
        new Quickstart.Timing(clock, clock.sleeper()));
  }

  @Test
  void withNoArgumentsTheEmbeddedServerRunsWhateverTheChainWouldFind() throws IOException {
    cntbConfigForTheFake();
    Map<String, String> partial = Map.of("CONTABO_CLIENT_ID", "half-set");   // the chain would even fail

    assertThat(run(partial)).as(text(err)).isZero();

    assertThat(text(err)).contains("Embedded fake Contabo Images server at");
    assertThat(images.server().requestCount()).as("the chain's API was not called").isZero();
    assertThat(images.server().tokenRequestCount()).isZero();
  }

  @Test
  void realTakesCredentialsTokenUrlAndApiFromTheChainsSource() throws IOException {
    cntbConfigForTheFake();

    assertThat(run(Map.of(), "--real", "stats")).as(text(err)).isZero();

    assertThat(text(out)).contains("stats").contains("0 custom images");
    assertThat(images.server().tokenRequestCount()).isEqualTo(1);
    assertThat(images.server().requestCount()).isEqualTo(1);
    assertThat(text(err)).startsWith("Real API, ContaboCredentials{source=cntb config file " + home.resolve(".cntb.yaml"))
        .doesNotContain("contabo4j-fake-secret").doesNotContain("fake-password");
  }

  @Test
  void realWithoutCredentialsOrWithAPartialSourceSaysWhyAndCallsNothing() throws IOException {
    assertThat(run(Map.of(), "--real", "stats")).isEqualTo(Quickstart.BAD_ARGUMENTS);
    assertThat(text(err)).contains("quickstart: credentials were found in no source; tried system properties");

    err.reset();
    Files.writeString(home.resolve(".cntb.yaml"), "oauth2-clientid: id\noauth2-password: fake-password\n");
    assertThat(run(Map.of(), "--real", "stats")).isEqualTo(Quickstart.BAD_ARGUMENTS);
    assertThat(text(err)).contains("sets oauth2-clientid, oauth2-password but not oauth2-client-secret, oauth2-user")
        .doesNotContain("fake-password");
    assertThat(images.server().requestCount()).isZero();
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
