package io.github.contabo4j.images.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CapturedLogs;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.wire.WireLog;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Runs last among this module's Jupiter classes: no secret or token core's tests use appears in any
 * form in anything the run logged (every logger at TRACE, {@link CapturedLogs}) or in a {@code
 * toString()}. Exception messages are checked where each failure is driven (ContaboCredentialsTest,
 * CredentialsLoggingTest, ErrorBodiesTest); the transports' leak tests repeat that over HTTP.
 *
 * <p>The testkit's {@code SecretLeakScanner} is out of reach here (the testkit depends on core), so
 * the forms are computed below: raw, form- and percent-encoded, and Base64 (both alphabets) at each of
 * the three byte alignments a secret can have inside a longer blob.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoreSecretLeakTest {
  /** Secrets of core's tests that are long enough to scan for (at least 8 characters). */
  private static final List<String> SECRETS = List.of(
      Secrets.CLIENT_SECRET, Secrets.PASSWORD,
      "eyJhbGciOi.secret-token_value", // Fixtures.TOKEN
      "eyJhbGciOiJSUzI1NiJ9.payload.signature", // TokenSourceTest
      "acc.ess-T0KEN_1", "ref.resh-T0KEN_1", // CredentialsLoggingTest
      "s3cr3t-token"); // ErrorBodiesTest

  @Test
  @Order(1)
  void noConfigCredentialOrBuilderShowsASecret() {
    ContaboCredentials.Builder builder = Secrets.builder("https://auth.example.test/token");
    List<String> texts = List.of(builder.toString(), builder.build().toString(),
        ContaboCredentials.fromEnvironment(Secrets.environment()).toString(),
        TokenSource.fixed(SECRETS.get(2)).toString(), ResiliencePolicy.defaults().toString(),
        ResiliencePolicy.none().toString(), CallContext.create().withTraceId("trace-1").toString());

    assertThat(texts.get(1)).contains(Secrets.CLIENT_ID);
    texts.forEach(CoreSecretLeakTest::assertNoSecret);
  }

  @Test
  @Order(2)
  void nothingTheWholeRunLoggedHoldsASecret() {
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).startsWith(CapturedLogs.class.getName());
    List<CapturedLogs.Event> all = CapturedLogs.all();
    assertThat(all).as("the wire log ran at TRACE").anyMatch(e -> e.logger().equals(WireLog.LOGGER) && e.level() == Level.TRACE);

    all.forEach(e -> assertNoSecret(e.toString() + (e.thrown() == null ? "" : stackTrace(e.thrown()))));

    System.out.println("secret leak scan: " + all.size() + " events of the whole run, " + SECRETS.size() + " secrets, no leak");
  }

  private static void assertNoSecret(String text) {
    for (int s = 0; s < SECRETS.size(); s++) {
      for (String form : forms(SECRETS.get(s))) {
        if (text.contains(form)) {
          throw new AssertionError("secret #" + s + " leaked (" + form.length() + " chars of one of its forms)");
        }
      }
    }
  }

  private static List<String> forms(String secret) {
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    List<String> forms = new ArrayList<>(List.of(secret, form, form.replace("+", "%20")));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      // only the characters that depend on the secret's bytes alone
      String inner = encoded.substring((8 * offset + 5) / 6, 8 * (offset + bytes.length) / 6);
      forms.add(inner);
      forms.add(inner.replace('+', '-').replace('/', '_'));
    }
    return forms;
  }

  private static String stackTrace(Throwable thrown) {
    java.io.StringWriter out = new java.io.StringWriter();
    thrown.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
