package io.github.contabo4j.images.internal;

import static io.github.contabo4j.images.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules in {@link Checks} that no record constructor reaches on its own: ids, headers, tokens. */
class ChecksTest {
  private static final String SEGMENT =
      "imageId must be a single path segment of A-Z a-z 0-9 - . _ ~ (no '/', '%', spaces or other characters)";

  @ParameterizedTest
  @ValueSource(strings = {"9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "a", "img_1.v~2", "...", "statsx", "xaudits", "stats.", "A-Z"})
  void acceptedImageIds(String id) {
    assertThat(Checks.requireImageId("imageId", id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "/", "a%2Fb", "%2e%2e", "a b", "a?b", "a#b", "a;b", "a\\b", "ä", "a\nb", "a+b", "a:b", "@"})
  void imageIdsThatAreNotOneSafeSegment(String id) {
    assertRejected(() -> Checks.requireImageId("imageId", id), "imageId", SEGMENT);
  }

  @Test
  void imageIdNullBlankLongDotsAndSiblings() {
    assertRejected(() -> Checks.requireImageId("imageId", null), "imageId", "imageId must not be null");
    assertRejected(() -> Checks.requireImageId("imageId", ""), "imageId", "imageId must not be blank");
    assertRejected(() -> Checks.requireImageId("imageId", "  "), "imageId", "imageId must not be blank");
    assertRejected(() -> Checks.requireImageId("imageId", "a".repeat(129)), "imageId", "imageId must be at most 128 characters");
    assertThat(Checks.requireImageId("imageId", "a".repeat(128))).hasSize(128);
    assertRejected(() -> Checks.requireImageId("imageId", "."), "imageId", "imageId must not be '.' or '..'");
    assertRejected(() -> Checks.requireImageId("imageId", ".."), "imageId", "imageId must not be '.' or '..'");
    for (String sibling : new String[] {"stats", "Stats", "STATS", "audits", "AUDITS", "aUdItS"}) {
      assertRejected(() -> Checks.requireImageId("imageId", sibling), "imageId",
          "imageId must not name the sibling route 'stats' or 'audits'");
    }
  }

  @Test
  void headerValues() {
    assertRejected(() -> Checks.requireHeaderValue("x-trace-id", null), "x-trace-id", "x-trace-id must not be null");
    assertRejected(() -> Checks.requireHeaderValue("x-trace-id", "t".repeat(1025)), "x-trace-id",
        "x-trace-id must be at most 1024 characters");
    for (String bad : new String[] {"a\rb", "a\nb", "a\u0000b", "\r\nX-Injected: 1"}) {
      assertRejected(() -> Checks.requireHeaderValue("x-trace-id", bad), "x-trace-id", "x-trace-id must not contain CR, LF or NUL");
    }
    for (String bad : new String[] {"a\u0001b", "a\u007fb", "a\u0085b", "€", "a\u2028b", "😀"}) {
      assertRejected(() -> Checks.requireHeaderValue("x-trace-id", bad), "x-trace-id",
          "x-trace-id must hold only visible ISO-8859-1 characters, spaces and tabs");
    }
    Checks.requireHeaderValue("x-trace-id", "deploy 42\tcafé ~!#$%&'*+-.^_`|");
    Checks.requireHeaderValue("x-trace-id", "");
    Checks.requireHeaderValue("x-trace-id", "t".repeat(1024));
  }

  @Test
  void requestIds() {
    String rule = "x-request-id must be a UUID matching the spec's pattern";
    assertRejected(() -> Checks.requireRequestId("x-request-id", null), "x-request-id", rule);
    assertRejected(() -> Checks.requireRequestId("x-request-id", "not-a-uuid"), "x-request-id", rule);
    assertRejected(() -> Checks.requireRequestId("x-request-id", "04e0f898-37b4-68bc-a794-1a57abe6aa31"), "x-request-id", rule);
    assertRejected(() -> Checks.requireRequestId("x-request-id", "04e0f898-37b4-48bc-c794-1a57abe6aa31"), "x-request-id", rule);
    assertRejected(() -> Checks.requireRequestId("x-request-id", "04e0f898-37b4-48bc-a794-1a57abe6aa31\n"), "x-request-id", rule);
    Checks.requireRequestId("x-request-id", "04E0F898-37B4-48BC-A794-1A57ABE6AA31");
    Checks.requireRequestId("x-request-id", "04e0f898-37b4-18bc-0794-1a57abe6aa31");
  }

  @Test
  void tokensAreVisibleAsciiAndNeverEchoed() {
    assertRejected(() -> Checks.requireToken("accessToken", null), "accessToken", "accessToken must not be null");
    assertRejected(() -> Checks.requireToken("accessToken", ""), "accessToken", "accessToken must not be blank");
    String rule = "accessToken must hold only visible ASCII characters (no CR, LF or spaces)";
    for (String bad : new String[] {" ", "secret value", "secret\r\n", "sécret", "secret\u007f", "\tsecret"}) {
      InvalidRequestException e = assertRejected(() -> Checks.requireToken("accessToken", bad), "accessToken", rule);
      assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("sécret");
    }
    Checks.requireToken("accessToken", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_~+/=");
  }

  @Test
  void pagingDescriptionAndQueryTextAcceptNull() {
    Checks.requirePaging(null, null);
    Checks.requireDescription("description", null);
    Checks.requireQueryText("search", null);
    assertRejected(() -> Checks.requirePaging(1, 0), "size", "size must be at least 1");
  }
}
