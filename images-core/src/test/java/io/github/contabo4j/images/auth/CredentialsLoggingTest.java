package io.github.contabo4j.images.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.contabo4j.images.CapturedLogs;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Token renewals are logged at DEBUG with non-secret facts only; nothing logged holds a secret or token. */
@ExtendWith(CapturedLogs.Around.class)
class CredentialsLoggingTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(options().dynamicPort().http2PlainDisabled(true)).build();

  private static final String ACCESS = "acc.ess-T0KEN_1";
  private static final String REFRESH = "ref.resh-T0KEN_1";

  private final ManualClock clock = new ManualClock();

  private ContaboCredentials credentials() {
    return Secrets.builder(wm.baseUrl() + "/token").clock(clock).sleeper(d -> {})
        .policy(ResiliencePolicy.builder().maxAttempts(2).build()).build();
  }

  private static String allLogs() {
    StringBuilder sb = new StringBuilder();
    CapturedLogs.events().forEach(e -> sb.append(e).append('\n'));
    return sb.toString();
  }

  @Test
  void aRenewalLogsItsGrantAndLifetimesNeverATokenOrSecret() {
    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=password")).willReturn(okJson(
        "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":300,\"refresh_token\":\"" + REFRESH
            + "\",\"refresh_expires_in\":1800,\"token_type\":\"Bearer\"}")));

    assertThat(credentials().accessToken()).isEqualTo(ACCESS);

    List<String> debug = CapturedLogs.messages(
        "io.github.contabo4j.images.internal.auth.TokenCache", org.slf4j.event.Level.DEBUG);
    assertThat(debug).containsExactly(
        "access token renewed by the password grant, expires in 300 s, refresh token expires in 1800 s");
    Secrets.assertNoSecrets(allLogs(), ACCESS, REFRESH);
  }

  @Test
  void failuresOfTheTokenEndpointLogNoBodyOrSecret() {
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503).withBody(
        "echo " + Secrets.CLIENT_SECRET + " " + Secrets.PASSWORD)));

    assertThatThrownBy(() -> credentials().accessToken()).isInstanceOf(TokenEndpointException.class);

    assertThat(CapturedLogs.events()).isNotEmpty();
    Secrets.assertNoSecrets(allLogs());
    assertThat(allLogs()).doesNotContain("echo");
  }
}
