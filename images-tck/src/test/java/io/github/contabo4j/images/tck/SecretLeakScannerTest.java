package io.github.contabo4j.images.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form the scanner promises to find, no false alarm on clean text, and reports that never quote a secret. */
class SecretLeakScannerTest {
  /** Characters every encoding treats specially; "???~~~" puts '+' and '/' into its Base64. */
  private static final String SECRET = "s3c&r+e=t%41 üñí€😀???~~~";
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.payload-sig_1";
  private static final List<String> SECRETS = List.of(TOKEN, SECRET);

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64url(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> leaks(String haystack) {
    return SecretLeakScanner.leaks(SECRETS, "clean text", haystack);
  }

  private static void assertLeakAs(String haystack, String form) {
    List<String> leaks = leaks(haystack);
    assertThat(leaks).singleElement().asString().startsWith("secret #1 (length " + SECRET.length() + ") as " + form)
        .endsWith("in text #1 at index " + leaks.get(0).substring(leaks.get(0).lastIndexOf(' ') + 1));
    assertThatThrownBy(() -> SecretLeakScanner.assertNoLeak(SECRETS, haystack))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("secret leaked: secret #1")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("s3c"));
  }

  @Test
  void cleanTextPasses() {
    assertThatCode(() -> SecretLeakScanner.assertNoLeak(SECRETS, "POST /token client_secret=<redacted>", null,
        "Basic " + b64("api-client-7:other-secret"), "eyJhbGciOiJSUzI1NiJ9.other"))
        .doesNotThrowAnyException();
  }

  @Test
  void findsTheRawSecret() {
    assertLeakAs("password was " + SECRET + ", oops", "raw");
  }

  @Test
  void findsItFormEncodedWithPlus() {
    String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
    assertThat(form).contains("+").contains("%26");
    assertLeakAs("body: grant_type=password&password=" + form + "&x=1", "form-encoded");
  }

  @Test
  void findsItPercentEncodedWithPercent20AndLowerCaseHex() {
    String component = URLEncoder.encode(SECRET, StandardCharsets.UTF_8).replace("+", "%20");
    assertLeakAs("GET /x?p=" + component, "percent-encoded");
    assertLeakAs("GET /x?p=" + component.toLowerCase(Locale.ROOT), "percent-encoded, lower-case hex");
  }

  @Test
  void findsItJsonEscaped() {
    assertLeakAs("{\"secret\":\"s3c&r+e=t%41 \\u00FC\\u00F1\\u00ED\\u20AC\\uD83D\\uDE00???~~~\"}", "json-escaped");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "xy", "abc:"})
  void findsItInsideAStandardBase64BlobAtEveryAlignment(String prefix) {
    String blob = b64(prefix + SECRET + "-trailer");
    assertThat(leaks("data " + blob)).singleElement().asString().contains("as base64 at byte offset ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "xy"})
  void findsItInsideAUrlSafeBase64BlobAtEveryAlignment(String prefix) {
    String blob = b64url(prefix + SECRET);
    assertThat(blob).containsAnyOf("-", "_");
    assertThat(leaks(blob)).singleElement().asString().contains("as base64-url at byte offset ");
  }

  @Test
  void findsTheBasicAuthorizationShape() {
    // RFC 7617: base64(id ":" secret); RFC 6749 2.3.1 form-encodes both first
    assertThat(leaks("Authorization: Basic " + b64("api-client-7:" + SECRET))).hasSize(1);
    assertThat(leaks("Authorization: Basic " + b64("api-client-7:" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8))))
        .singleElement().asString().contains("base64 of form-encoded");
    assertThat(SecretLeakScanner.leaks(List.of(TOKEN), "Basic " + b64("id:" + TOKEN))).hasSize(1);
  }

  @Test
  void checksEveryTextAndEverySecret() {
    List<String> leaks = SecretLeakScanner.leaks(SECRETS, "a " + TOKEN, "clean", "b " + b64(SECRET) + " " + TOKEN);

    assertThat(leaks).containsExactly(
        "secret #0 (length " + TOKEN.length() + ") as raw in text #0 at index 2",
        "secret #0 (length " + TOKEN.length() + ") as raw in text #2 at index " + ("b " + b64(SECRET) + " ").length(),
        "secret #1 (length " + SECRET.length() + ") as base64 at byte offset 0 in text #2 at index 2");
  }

  @Test
  void inspectsAnExceptionsMessageCausesAndSuppressed() {
    IllegalStateException top = new IllegalStateException("top, clean");
    top.initCause(new RuntimeException("cause, clean", new RuntimeException("deep: " + b64url(SECRET))));
    top.addSuppressed(new RuntimeException("suppressed, clean"));
    assertThatThrownBy(() -> SecretLeakScanner.assertNoLeak(SECRETS, top))
        .isInstanceOf(AssertionError.class).hasMessageContaining("base64-url");

    IllegalStateException suppressing = new IllegalStateException("clean");
    suppressing.addSuppressed(new RuntimeException("token " + TOKEN));
    assertThatThrownBy(() -> SecretLeakScanner.assertNoLeak(SECRETS, suppressing))
        .hasMessageContaining("secret #0").hasMessageNotContaining(TOKEN);

    assertThatCode(() -> SecretLeakScanner.assertNoLeak(SECRETS, new RuntimeException("clean",
        new RuntimeException("also clean")))).doesNotThrowAnyException();
  }

  @Test
  void rejectsSecretsTooShortToScanFor() {
    assertThatThrownBy(() -> SecretLeakScanner.leaks(List.of(TOKEN, "short"), "text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret #1 is null or shorter than 8 characters");
  }
}
