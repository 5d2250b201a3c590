package io.github.contabo4j.images.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.contabo4j.images.auth.Secrets.CLIENT_ID;
import static io.github.contabo4j.images.auth.Secrets.CLIENT_SECRET;
import static io.github.contabo4j.images.auth.Secrets.PASSWORD;
import static io.github.contabo4j.images.auth.Secrets.USERNAME;
import static io.github.contabo4j.images.auth.Secrets.assertNoSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.contabo4j.images.internal.resilience.RetryRules;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The password and refresh grants against WireMock: the request, caching, renewal and failures. */
class ContaboCredentialsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(options().dynamicPort().http2PlainDisabled(true)).build();

  private final ManualClock clock = new ManualClock();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private ContaboCredentials.Builder credentials() {
    return Secrets.builder(wm.baseUrl() + "/token").clock(clock).sleeper(sleeps::add);
  }

  private static String token(String access, int expiresIn, String refresh, int refreshExpiresIn) {
    return "{\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn + ",\"refresh_expires_in\":"
        + refreshExpiresIn + ",\"refresh_token\":\"" + refresh + "\",\"token_type\":\"Bearer\",\"scope\":\"openid\"}";
  }

  private static void passwordGrantAnswers(String json) {
    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=password")).willReturn(okJson(json)));
  }

  private static void refreshGrantAnswers(String json) {
    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token")).willReturn(okJson(json)));
  }

  private static List<String> grants() {
    List<String> grants = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(postRequestedFor(urlEqualTo("/token")))) {
      grants.add(decodeForm(r.getBodyAsString()).get("grant_type"));
    }
    return grants;
  }

  /** Decodes a form body the way a server does. */
  private static Map<String, String> decodeForm(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      assertThat(eq).as("pair %s has '='", pair).isPositive();
      String previous = fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      assertThat(previous).as("duplicate field").isNull();
    }
    return fields;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void passwordGrantPostsTheExactForm() {
    passwordGrantAnswers(token("access-1", 300, "refresh-1", 1800));

    assertThat(credentials().build().accessToken()).isEqualTo("access-1");

    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo("/token")));
    assertThat(requests).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.containsHeader("Authorization")).isFalse();
    assertThat(request.getBodyAsString()).isEqualTo("grant_type=password&client_id=" + CLIENT_ID
        + "&client_secret=" + enc(CLIENT_SECRET) + "&username=" + enc(USERNAME) + "&password=" + enc(PASSWORD));
  }

  @Test
  void everyValueIsFormEncodedAndDecodesBackOnTheServer() {
    passwordGrantAnswers(token("access-1", 300, "refresh-1", 1800));

    credentials().build().accessToken();

    String body = wm.findAll(postRequestedFor(urlEqualTo("/token"))).get(0).getBodyAsString();
    // No raw special character survives: '&', '=' and '+' appear only as separators and encoded spaces.
    assertThat(body).doesNotContain("ü", "€", "ä", "%41 ", "r%64").contains("%26", "%2B", "%3D", "%25", "%C3%BC");
    assertThat(decodeForm(body)).containsExactly(
        Map.entry("grant_type", "password"),
        Map.entry("client_id", CLIENT_ID),
        Map.entry("client_secret", CLIENT_SECRET),
        Map.entry("username", USERNAME),
        Map.entry("password", PASSWORD));
  }

  @Test
  void tokenIsCachedUntilExpiresInMinusTheSkew() {
    passwordGrantAnswers(token("access-1", 300, "refresh-1", 1800));
    refreshGrantAnswers(token("access-2", 300, "refresh-2", 1800));
    ContaboCredentials source = credentials().refreshSkew(Duration.ofSeconds(30)).build();

    assertThat(source.accessToken()).isEqualTo("access-1");
    clock.advance(Duration.ofSeconds(270).minusMillis(1));
    assertThat(source.accessToken()).isEqualTo("access-1");
    assertThat(grants()).containsExactly("password");

    clock.advance(Duration.ofMillis(1)); // exactly expires_in - skew
    assertThat(source.accessToken()).isEqualTo("access-2");
    assertThat(source.accessToken()).isEqualTo("access-2");
    assertThat(grants()).containsExactly("password", "refresh_token");
  }

  @Test
  void defaultSkewIsThirtySeconds() {
    passwordGrantAnswers(token("access-1", 100, "refresh-1", 1800));
    refreshGrantAnswers(token("access-2", 100, "refresh-2", 1800));
    ContaboCredentials source = credentials().build();

    source.accessToken();
    clock.advance(Duration.ofSeconds(69));
    assertThat(source.accessToken()).isEqualTo("access-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(source.accessToken()).isEqualTo("access-2");
    assertThat(ContaboCredentials.DEFAULT_REFRESH_SKEW).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void renewalSendsTheRefreshTokenGrantFirst() {
    passwordGrantAnswers(token("access-1", 60, "refresh-1", 1800));
    refreshGrantAnswers(token("access-2", 60, "refresh-2", 1800));
    ContaboCredentials source = credentials().refreshSkew(Duration.ZERO).build();

    source.accessToken();
    clock.advance(Duration.ofSeconds(60));
    assertThat(source.accessToken()).isEqualTo("access-2");
    clock.advance(Duration.ofSeconds(60));
    source.accessToken();

    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo("/token")));
    assertThat(requests).hasSize(3);
    assertThat(requests.get(1).getBodyAsString()).isEqualTo("grant_type=refresh_token&client_id=" + CLIENT_ID
        + "&client_secret=" + enc(CLIENT_SECRET) + "&refresh_token=refresh-1");
    assertThat(requests.get(2).getBodyAsString()).endsWith("&refresh_token=refresh-2"); // the newest one
  }

  @Test
  void rejectedRefreshFallsBackToThePasswordGrant() {
    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=password"))
        .inScenario("fallback").whenScenarioStateIs(STARTED).willSetStateTo("second")
        .willReturn(okJson(token("access-1", 60, "refresh-1", 1800))));
    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=password"))
        .inScenario("fallback").whenScenarioStateIs("second")
        .willReturn(okJson(token("access-2", 60, "refresh-2", 1800))));
    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token is not active\"}")));
    ContaboCredentials source = credentials().build();

    source.accessToken();
    clock.advance(Duration.ofSeconds(60));

    assertThat(source.accessToken()).isEqualTo("access-2");
    assertThat(grants()).containsExactly("password", "refresh_token", "password");
  }

  @Test
  void aRefreshTokenPastItsOwnExpiryIsNotSent() {
    passwordGrantAnswers(token("access-1", 300, "refresh-1", 60));
    ContaboCredentials source = credentials().build();

    source.accessToken();
    clock.advance(Duration.ofSeconds(300));
    source.accessToken();

    assertThat(grants()).containsExactly("password", "password");
  }

  @Test
  void tokenWithoutExpiresInServesOnlyItsOwnCall() {
    passwordGrantAnswers("{\"access_token\":\"short-lived\"}");
    ContaboCredentials source = credentials().build();

    assertThat(source.accessToken()).isEqualTo("short-lived");
    assertThat(source.accessToken()).isEqualTo("short-lived");

    assertThat(grants()).containsExactly("password", "password");
  }

  @Test
  void invalidateDropsTheCachedTokenOnlyIfItIsTheRejectedOne() {
    passwordGrantAnswers(token("access-1", 300, "refresh-1", 1800));
    refreshGrantAnswers(token("access-2", 300, "refresh-2", 1800));
    ContaboCredentials source = credentials().build();
    source.accessToken();

    source.invalidate("some-older-token");
    assertThat(source.accessToken()).isEqualTo("access-1");
    assertThat(grants()).containsExactly("password");

    source.invalidate("access-1");
    assertThat(source.accessToken()).isEqualTo("access-2");
    assertThat(grants()).containsExactly("password", "refresh_token");
  }

  @Test
  void invalidGrantIsRejectedCredentialsWithTheDescriptionAndNoSecret() {
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}")));
    ContaboCredentials source = credentials().build();

    CredentialsRejectedException e =
        catchThrowableOfType(CredentialsRejectedException.class, source::accessToken);

    assertThat(e.error()).contains("invalid_grant");
    assertThat(e.errorDescription()).contains("Invalid user credentials");
    assertThat(e.statusCode()).hasValue(401);
    assertThat(e.getMessage()).isEqualTo(
        "token endpoint rejected the password grant: HTTP 401 invalid_grant: Invalid user credentials");
    assertNoSecrets(e);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(1); // never retried
    assertThat(sleeps).isEmpty();
  }

  @Test
  void secretsTheEndpointEchoesAreRedacted() {
    String echo = "bad password " + PASSWORD + " or secret " + enc(CLIENT_SECRET) + " for client " + CLIENT_ID;
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"" + echo + "\"}")));

    CredentialsRejectedException e =
        catchThrowableOfType(CredentialsRejectedException.class, () -> credentials().build().accessToken());

    assertThat(e.errorDescription())
        .contains("bad password <redacted> or secret <redacted> for client " + CLIENT_ID);
    assertNoSecrets(e);
  }

  @Test
  void nonJsonRejectionKeepsAShortRedactedSnippet() {
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(403)
        .withBody("<html>denied for " + PASSWORD + "</html>")));

    CredentialsRejectedException e =
        catchThrowableOfType(CredentialsRejectedException.class, () -> credentials().build().accessToken());

    assertThat(e.error()).isEmpty();
    assertThat(e.errorDescription().orElseThrow()).contains("denied for <redacted>");
    assertNoSecrets(e);
  }

  @Test
  void serverErrorsAreRetriedWithThePolicysBackoffThenFail() {
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503)
        .withBody("{\"error\":\"temporarily_unavailable\"}")));
    ResiliencePolicy policy = ResiliencePolicy.builder()
        .maxAttempts(4).backoffBase(Duration.ofMillis(100)).backoffMultiplier(2).backoffCap(Duration.ofMillis(300))
        .build();

    TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class,
        () -> credentials().policy(policy).build().accessToken());

    assertThat(e).isNotInstanceOf(CredentialsRejectedException.class);
    assertThat(e.statusCode()).hasValue(503);
    assertThat(e.getMessage()).contains("HTTP 503", "after 4 attempts");
    assertNoSecrets(e);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(4);
    assertThat(sleeps).hasSize(3);
    for (int retry = 1; retry <= 3; retry++) {
      long bound = RetryRules.backoffBoundMillis(policy.backoffBase(), 2, policy.backoffCap(), retry);
      assertThat(sleeps.get(retry - 1)).as("wait before retry %d", retry)
          .isBetween(Duration.ZERO, Duration.ofMillis(bound));
    }
    assertThat(RetryRules.backoffBoundMillis(policy.backoffBase(), 2, policy.backoffCap(), 3)).isEqualTo(300);
  }

  @Test
  void aServerErrorThenATokenSucceeds() {
    wm.stubFor(post(urlEqualTo("/token")).inScenario("flaky").whenScenarioStateIs(STARTED).willSetStateTo("up")
        .willReturn(aResponse().withStatus(502)));
    wm.stubFor(post(urlEqualTo("/token")).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson(token("access-1", 300, "refresh-1", 1800))));

    assertThat(credentials().build().accessToken()).isEqualTo("access-1");

    assertThat(grants()).containsExactly("password", "password");
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void policyNoneTriesOnce() {
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> credentials().policy(ResiliencePolicy.none()).build().accessToken())
        .isInstanceOf(TokenEndpointException.class)
        .hasMessageContaining("after 1 attempts");

    assertThat(grants()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void otherClientErrorsAreNotRetried() {
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(404).withBody("no such realm")));

    TokenEndpointException e =
        catchThrowableOfType(TokenEndpointException.class, () -> credentials().build().accessToken());

    assertThat(e).isNotInstanceOf(CredentialsRejectedException.class);
    assertThat(e.statusCode()).hasValue(404);
    assertThat(grants()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void connectionFailuresAreRetriedThenFailWithoutAStatus() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ContaboCredentials source = Secrets.builder("http://127.0.0.1:" + closedPort + "/token")
        .sleeper(sleeps::add).policy(ResiliencePolicy.builder().maxAttempts(2).build()).build();

    TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, source::accessToken);

    assertThat(e.statusCode()).isEmpty();
    assertThat(e.getCause()).isInstanceOf(IOException.class);
    assertThat(e.getMessage()).contains("unreachable", "after 2 attempts");
    assertNoSecrets(e);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void aMalformedAnswerFailsWithoutEchoingTheBody() {
    passwordGrantAnswers("{\"token\":\"leaky-" + PASSWORD + "\"}");

    TokenEndpointException e =
        catchThrowableOfType(TokenEndpointException.class, () -> credentials().build().accessToken());

    assertThat(e.getMessage()).contains("without an access_token").doesNotContain("leaky");
    assertThat(grants()).hasSize(1);
  }

  @Test
  void aTokenWithWhitespaceIsRefused() {
    passwordGrantAnswers("{\"access_token\":\"two words\",\"expires_in\":300}");

    assertThatThrownBy(() -> credentials().build().accessToken())
        .isInstanceOf(TokenEndpointException.class)
        .hasMessageContaining("unusable token")
        .hasMessageNotContaining("two words");
  }

  @Test
  void anInterruptDuringBackoffStopsAndKeepsTheFlag() {
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503)));
    ContaboCredentials source = credentials().sleeper(d -> {
      throw new InterruptedException("test");
    }).build();

    try {
      TokenEndpointException e = catchThrowableOfType(TokenEndpointException.class, source::accessToken);
      assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(grants()).hasSize(1);
    } finally {
      Thread.interrupted();
    }
  }
}
