package io.github.contabo4j.images;

import static io.github.contabo4j.images.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A fixed token source validates its token and never shows it. */
class TokenSourceTest {
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.payload.signature";

  @Test
  void fixedReturnsTheTokenAndHidesItFromToString() {
    TokenSource source = TokenSource.fixed(TOKEN);

    assertThat(source.accessToken()).isEqualTo(TOKEN);
    assertThat(source.toString()).isEqualTo("TokenSource.fixed(<redacted>)").doesNotContain("eyJ");
    source.invalidate(TOKEN); // the default does nothing
    assertThat(source.accessToken()).isEqualTo(TOKEN);
  }

  @Test
  void fixedRejectsBadTokensWithoutEchoingThem() {
    assertRejected(() -> TokenSource.fixed(null), "accessToken", "accessToken must not be null");
    assertRejected(() -> TokenSource.fixed(""), "accessToken", "accessToken must not be blank");
    InvalidRequestException e = assertRejected(() -> TokenSource.fixed(TOKEN + "\r\nX-Evil: 1"), "accessToken",
        "accessToken must hold only visible ASCII characters (no CR, LF or spaces)");
    assertRejected(() -> TokenSource.fixed("Bearer " + TOKEN), "accessToken",
        "accessToken must hold only visible ASCII characters (no CR, LF or spaces)");

    assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("eyJ");
    assertThat(e.toString()).doesNotContain("eyJ");
  }
}
