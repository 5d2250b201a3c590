package io.github.contabo4j.images.auth;

import static io.github.contabo4j.images.auth.Secrets.CLIENT_SECRET;
import static io.github.contabo4j.images.auth.Secrets.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.CapturedLogs;
import io.github.contabo4j.images.internal.auth.CredentialSources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message the chain can fail with, every {@code toString()} along a successful resolution, and
 * everything logged meanwhile, hold neither the secret nor the password in any form (raw, form- or
 * Base64-encoded), whichever source they sat in. {@link CoreSecretLeakTest} then scans the whole run.
 */
@ExtendWith(CapturedLogs.Around.class)
class CredentialsChainLeakTest {
  @TempDir
  Path dir;

  private int run;

  private ChainFixture fixture() {
    return new ChainFixture(dir.resolve("run-" + run++));
  }

  /** A failure scenario, set up on a fresh fixture. */
  private String failureOf(Consumer<ChainFixture> setup) {
    ChainFixture f = fixture();
    setup.accept(f);
    try {
      f.chain().resolve();
    } catch (IllegalArgumentException | IllegalStateException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      return e.getMessage() + "\n" + e + "\n" + trace;
    }
    throw new AssertionError("no failure");
  }

  @Test
  void noFailureMessageHoldsAValue() {
    List<String> messages = new ArrayList<>();
    messages.add(failureOf(f -> f.properties.setProperty("contabo.clientSecret", CLIENT_SECRET)));
    messages.add(failureOf(f -> f.environment.put("CONTABO_API_PASSWORD", PASSWORD)));
    messages.add(failureOf(f -> f.environment.put("CNTB_OAUTH2_CLIENT_SECRET", CLIENT_SECRET)));
    messages.add(failureOf(f -> f.homeFile("oauth2-password: '" + PASSWORD + "'\n")));
    messages.add(failureOf(f -> f.systemFile("oauth2-client-secret: '" + CLIENT_SECRET + "'\n")));
    messages.add(failureOf(f -> f.homeFile("oauth2-client-secret: \"" + CLIENT_SECRET + "\n")));
    messages.add(failureOf(f -> f.homeFile("oauth2-client-secret: " + CLIENT_SECRET + ": : x\n\t- " + PASSWORD)));
    messages.add(failureOf(f -> f.homeFile("{oauth2-password: " + PASSWORD + ", ]")));
    messages.add(failureOf(f -> f.homeFile("- " + CLIENT_SECRET)));
    messages.add(failureOf(f -> f.homeFile("oauth2-password: [" + PASSWORD + "]\n")));
    messages.add(failureOf(f -> f.homeFile("'" + PASSWORD + "': 1\n'" + PASSWORD + "': 2\n")));
    messages.add(failureOf(f -> f.homeFile(ChainFixture.yaml("id", "api: http://" + CLIENT_SECRET))));
    messages.add(failureOf(f -> f.homeFile(ChainFixture.yaml("id", "oauth2-tokenurl: https://u:" + PASSWORD + "@h/"))));
    messages.add(failureOf(f -> f.contabo("id").environment.put("CONTABO_API_PASSWORD", " ")));
    messages.add(failureOf(f -> f.environment.put("CNTB_CONFIG", dir.resolve(PASSWORD).toString())));
    messages.add(failureOf(f -> { }));

    assertThat(messages).hasSize(16).allSatisfy(message -> Secrets.assertNoSecrets(message));
    assertThat(messages.get(5)).contains("is not valid YAML");
    assertThat(messages.get(6)).contains("is not valid YAML");
    assertThat(messages.get(7)).contains("is not valid YAML");
  }

  @Test
  void noToStringOrLogLineOfASuccessfulResolutionHoldsAValue() {
    List<String> texts = new ArrayList<>();
    for (Consumer<ChainFixture> source : List.<Consumer<ChainFixture>>of(
        f -> f.properties("id"), f -> f.contabo("id"), f -> f.cntb("id"),
        f -> f.homeFile(ChainFixture.yaml("id", "api: https://api.example.test")),
        f -> f.systemFile(ChainFixture.yaml("id")))) {
      ChainFixture f = fixture();
      source.accept(f);
      ContaboCredentials.Builder builder = f.chain().resolve();
      texts.add(f.chain().toString());
      texts.add(builder.toString());
      texts.add(builder.build().toString());
      texts.add(CredentialSources.find(f.environment, f.properties, f.home, f.systemFile).toString());
    }
    CapturedLogs.events().forEach(event -> texts.add(event.toString()));

    assertThat(texts).hasSize(5 * 4 + 5).allSatisfy(text -> Secrets.assertNoSecrets(text));
  }
}
