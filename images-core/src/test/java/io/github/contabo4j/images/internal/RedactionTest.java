package io.github.contabo4j.images.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private static final String SECRET = "s3cr&t+= %ü-long";

  @Test
  void removesEveryEchoedForm() {
    byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
    String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
    String text = String.join(" | ", SECRET, form, form.replace("+", "%20"),
        Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

    String out = Redaction.redact(text, SECRET, null, "");

    assertThat(out).isEqualTo(String.join(" | ", "<redacted>", "<redacted>", "<redacted>", "<redacted>", "<redacted>"));
  }

  @Test
  void leavesOtherTextAlone() {
    assertThat(Redaction.redact("nothing secret here", SECRET)).isEqualTo("nothing secret here");
    assertThat(Redaction.redact("no secrets given")).isEqualTo("no secrets given");
  }
}
