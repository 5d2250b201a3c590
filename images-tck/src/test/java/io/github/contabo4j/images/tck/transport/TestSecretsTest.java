package io.github.contabo4j.images.tck.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.tck.SecretLeakScanner;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link TestSecrets} covers what the testkit really sends: the fake's issued and static tokens carry
 * the listed prefixes, and the suites' fixed tokens are listed. (In this package to read the suites'
 * protected constants.)
 */
class TestSecretsTest {
  @Test
  void everySecretIsLongEnoughToScanAndTheCallerClientCanaryIsLeftOut() {
    assertThat(TestSecrets.all()).allSatisfy(s -> assertThat(s).hasSizeGreaterThanOrEqualTo(SecretLeakScanner.MIN_SECRET_LENGTH))
        .doesNotContain(TestSecrets.CALLER_CLIENT_TOKEN)
        .contains(TestSecrets.CLIENT_SECRET, TestSecrets.PASSWORD, TestSecrets.ACCESS_TOKEN, TestSecrets.REFRESH_TOKEN);
    assertThat(TestSecrets.CLIENT_SECRET).contains("&", "+", "=", "%", " ", "ü");
  }

  @Test
  void theSuitesFixedTokensAreListed() {
    assertThat(TestSecrets.SUITE_TOKENS).contains(TransportWireContract.TOKEN, TransportBuilderContract.TOKEN);
  }

  @Test
  void theFakesTokensCarryTheListedPrefixes() throws Exception {
    try (FakeImagesServer face = FakeImagesServer.builder(FakeImages.create())
        .client(TestSecrets.CLIENT_ID, TestSecrets.CLIENT_SECRET).user(TestSecrets.USERNAME, TestSecrets.PASSWORD).start()) {
      String form = "grant_type=password&client_id=" + enc(TestSecrets.CLIENT_ID) + "&client_secret="
          + enc(TestSecrets.CLIENT_SECRET) + "&username=" + enc(TestSecrets.USERNAME) + "&password=" + enc(TestSecrets.PASSWORD);
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(face.tokenEndpoint())
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"access_token\":\"" + TestSecrets.FAKE_TOKEN_PREFIXES.get(0))
          .contains("\"refresh_token\":\"" + TestSecrets.FAKE_TOKEN_PREFIXES.get(1));
      assertThat(face.token()).startsWith(TestSecrets.FAKE_TOKEN_PREFIXES.get(2));
      assertThat(SecretLeakScanner.leaks(TestSecrets.FAKE_TOKEN_PREFIXES, answer.body())).hasSize(2);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
