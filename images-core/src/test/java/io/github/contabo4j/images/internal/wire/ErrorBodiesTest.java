package io.github.contabo4j.images.internal.wire;

import static io.github.contabo4j.images.internal.wire.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error bodies decode to one short message, whatever their shape; the raw body is never echoed whole. */
class ErrorBodiesTest {

  @Test
  void messageAsString() {
    assertThat(ErrorBodies.message(415, utf8("{\"statusCode\":415,\"message\":\"Unsupported Media Type\"}")))
        .isEqualTo("Unsupported Media Type");
  }

  @Test
  void messageAsArrayIsJoined() {
    String body = "{\"statusCode\":400,\"message\":[\"name must be a string\",\"url must be a URL\"],\"error\":\"Bad Request\"}";

    assertThat(ErrorBodies.message(400, utf8(body))).isEqualTo("name must be a string; url must be a URL");
  }

  @Test
  void messageArrayWithNonStringsKeepsTheirJson() {
    assertThat(ErrorBodies.message(400, utf8("{\"message\":[\"a\",{\"field\":\"b\"},3]}")))
        .isEqualTo("a; {\"field\":\"b\"}; 3");
  }

  @Test
  void errorFieldIsTheFallbackForAMissingMessage() {
    assertThat(ErrorBodies.message(401, utf8("{\"statusCode\":401,\"error\":\"Unauthorized\"}"))).isEqualTo("Unauthorized");
  }

  @Test
  void jsonWithoutAMessageIsShownAsATruncatedSnippet() {
    assertThat(ErrorBodies.message(500, utf8("{\"statusCode\":500}")))
        .isEqualTo("HTTP 500 with a non-JSON body (18 bytes): {\"statusCode\":500}");
  }

  @Test
  void htmlIsDescribedBrieflyWithWhitespaceCollapsed() {
    String html = "<html>\r\n  <head><title>502 Bad Gateway</title></head>\n\t<body>nginx</body>\n</html>\n";

    assertThat(ErrorBodies.message(502, utf8(html))).isEqualTo(
        "HTTP 502 with a non-JSON body (" + html.length() + " bytes): "
            + "<html> <head><title>502 Bad Gateway</title></head> <body>nginx</body> </html>");
  }

  @Test
  void emptyBody() {
    assertThat(ErrorBodies.message(503, new byte[0])).isEqualTo("HTTP 503 with an empty body");
  }

  @Test
  void plainTextAndBrokenJson() {
    assertThat(ErrorBodies.message(429, utf8("Too Many Requests")))
        .isEqualTo("HTTP 429 with a non-JSON body (17 bytes): Too Many Requests");
    assertThat(ErrorBodies.message(500, utf8("{\"message\": \"cut off")))
        .startsWith("HTTP 500 with a non-JSON body (20 bytes): ");
  }

  @Test
  void hugeNonJsonBodyIsTruncatedNeverEchoedWhole() {
    String huge = "<html>" + "x".repeat(1_000_000) + "THE-END</html>";

    String message = ErrorBodies.message(500, utf8(huge));

    assertThat(message).hasSizeLessThan(200).endsWith("…").doesNotContain("THE-END");
    assertThat(message).startsWith("HTTP 500 with a non-JSON body (" + huge.length() + " bytes): <html>xxx");
  }

  @Test
  void hugeJsonMessageIsCutAtTheLimit() {
    String body = "{\"message\":\"" + "y".repeat(10_000) + "TAIL\"}";

    String message = ErrorBodies.message(400, utf8(body));

    assertThat(message).hasSize(ErrorBodies.MAX_MESSAGE + 1).endsWith("…").doesNotContain("TAIL");
  }

  @Test
  void messageOfExactlyTheLimitIsKeptWholeWithoutEllipsis() {
    String exact = "z".repeat(ErrorBodies.MAX_MESSAGE);

    assertThat(ErrorBodies.message(400, utf8("{\"message\":\"" + exact + "\"}"))).isEqualTo(exact);
    assertThat(ErrorBodies.message(400, utf8("{\"message\":\"" + exact + "   \"}"))).isEqualTo(exact);
  }

  @Test
  void controlCharactersAndLineBreaksNeverReachTheMessage() {
    String message = ErrorBodies.message(400, utf8("{\"message\":\"line1\\r\\nInjected: header\\u0000\\u001b[31m\"}"));

    assertThat(message).isEqualTo("line1 Injected: header [31m").doesNotContain("\r", "\n", "\u0000", "\u001b");
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String text = "a".repeat(9) + "😀" + "tail";

    String cut = ErrorBodies.clean(text, 10);

    assertThat(cut).isEqualTo("a".repeat(9) + "…");
  }

  @Test
  void aSecretInTheBodyIsRedactedBeforeTruncation() {
    String secret = "s3cr3t-token";
    String echo = "{\"message\":\"invalid token Bearer " + secret + "\"}";
    String cutInsideSecret = "w".repeat(ErrorBodies.MAX_MESSAGE - 5) + secret;

    assertThat(ErrorBodies.message(401, utf8(echo), secret)).isEqualTo("invalid token Bearer <redacted>");
    assertThat(ErrorBodies.message(401, utf8("Authorization: Bearer " + secret), secret)).doesNotContain(secret).contains("<redacted>");
    assertThat(ErrorBodies.message(401, utf8("{\"message\":\"" + cutInsideSecret + "\"}"), secret))
        .doesNotContain("s3cr");
  }

  @Test
  void statusCodeComesFromTheArgumentNotTheBody() {
    assertThat(ErrorBodies.message(502, utf8("{\"statusCode\":200}"))).startsWith("HTTP 502 ");
  }
}
