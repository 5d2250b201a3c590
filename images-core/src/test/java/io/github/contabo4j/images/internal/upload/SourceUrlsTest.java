package io.github.contabo4j.images.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How source URLs are shown (query redacted) and compared (the rules of ImageUploads' javadoc). */
class SourceUrlsTest {
  @Test
  void theQueryIsRedactedAndUserInfoAndFragmentDropped() {
    assertThat(SourceUrls.display("https://u:p@s3.example.com:8443/b/disk.qcow2?X-Amz-Signature=abc#f"))
        .isEqualTo("https://s3.example.com:8443/b/disk.qcow2?<redacted>");
    assertThat(SourceUrls.display("https://s3.example.com/disk.qcow2")).isEqualTo("https://s3.example.com/disk.qcow2");
    assertThat(SourceUrls.display("not a url?sig=abc")).isEqualTo("not a url?<redacted>");
  }

  @ParameterizedTest
  @CsvSource({
      "https://images.example.com/a.qcow2, HTTPS://IMAGES.example.com/a.qcow2, true",
      "https://images.example.com/a.qcow2, https://images.example.com:443/a.qcow2, true",
      "http://images.example.com/a.qcow2, http://images.example.com:80/a.qcow2, true",
      "https://images.example.com/a.qcow2, https://images.example.com/a.qcow2#frag, true",
      "https://images.example.com, https://images.example.com/, true",
      "https://images.example.com/a.qcow2, https://images.example.com/A.qcow2, false",
      "https://images.example.com/a.qcow2, http://images.example.com/a.qcow2, false",
      "https://images.example.com/a.qcow2, https://images.example.com:8443/a.qcow2, false",
      "https://images.example.com/a%20b.qcow2, https://images.example.com/a b.qcow2, false",
      "https://images.example.com/a.qcow2?x=1&y=2, https://images.example.com/a.qcow2?y=2&x=1, false",
      "https://images.example.com/a.qcow2?sig=1, https://images.example.com/a.qcow2?sig=2, false"})
  void equality(String a, String b, boolean same) {
    assertThat(SourceUrls.same(a, b, false)).isEqualTo(same);
    assertThat(SourceUrls.same(b, a, false)).isEqualTo(same);
  }

  @Test
  void ignoringTheQueryComparesTheRest() {
    assertThat(SourceUrls.same("https://h.example/a.qcow2?sig=1", "https://h.example/a.qcow2?sig=2", true)).isTrue();
    assertThat(SourceUrls.same("https://h.example/a.qcow2?sig=1", "https://h.example/b.qcow2?sig=1", true)).isFalse();
    assertThat(SourceUrls.same(null, "https://h.example/a.qcow2", true)).isFalse();
  }
}
