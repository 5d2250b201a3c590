package io.github.contabo4j.images.testkit.http;

import static io.github.contabo4j.images.testkit.http.Http.headers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.contabo4j.images.internal.wire.WireJson;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.MutableClock;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
  private static final String CLIENT_ID = "api client ü";
  private static final String SECRET = "s&e+c=r%t ü€/?#";
  private static final String USER = "user+1@example.com";
  private static final String PASSWORD = "pä&ss=w+o%rd 20%";

  private static final MutableClock CLOCK = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private static FakeImagesServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = FakeImagesServer.builder(new StubPort())
        .client(CLIENT_ID, SECRET)
        .user(USER, PASSWORD)
        .tokenLifetime(Duration.ofSeconds(60))
        .refreshTokenLifetime(Duration.ofSeconds(600))
        .clock(CLOCK)
        .start();
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.failNextTokenRequests(0);
  }

  @Test
  void aPasswordGrantWithSpecialCharactersIssuesATokenTheApiAccepts() throws Exception {
    long before = server.tokenRequestCount();

    HttpResponse<String> response = post(passwordGrant(PASSWORD));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode grant = json(response);
    assertThat(grant.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(grant.get("expires_in").asLong()).isEqualTo(60);
    assertThat(grant.get("refresh_expires_in").asLong()).isEqualTo(600);
    assertThat(grant.get("refresh_token").asText()).isNotBlank();
    assertThat(server.tokenRequestCount()).isEqualTo(before + 1);

    String token = grant.get("access_token").asText();
    assertThat(http.get("/v1/compute/images/stats", headers(token)).valid().status()).isEqualTo(200);
  }

  @Test
  void wrongUserCredentialsAre401InvalidGrantWithoutEchoingThem() throws Exception {
    HttpResponse<String> response = post(passwordGrant(PASSWORD + "x"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
    assertThat(json(response).get("error_description").asText()).isEqualTo("Invalid user credentials");
    assertThat(response.body()).doesNotContain("pä").doesNotContain(USER);
  }

  @Test
  void aWrongClientSecretIs401InvalidClient() throws Exception {
    Map<String, String> form = passwordGrant(PASSWORD);
    form.put("client_secret", "s&e+c=r%t");

    HttpResponse<String> response = post(form);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void aSecretSentWithoutFormEncodingDoesNotMatch() throws Exception {
    String raw = "grant_type=password&client_id=" + enc(CLIENT_ID) + "&client_secret=" + SECRET
        + "&username=" + enc(USER) + "&password=" + enc(PASSWORD);

    HttpResponse<String> response = postRaw(raw, "application/x-www-form-urlencoded");

    assertThat(response.statusCode()).isIn(400, 401);
    assertThat(response.body()).doesNotContain("s&e");
  }

  @Test
  void aRefreshGrantIssuesNewTokensAndAnUnknownOneIsInvalidGrant() throws Exception {
    JsonNode first = json(post(passwordGrant(PASSWORD)));
    Map<String, String> refresh = refreshGrant(first.get("refresh_token").asText());

    HttpResponse<String> refreshed = post(refresh);

    assertThat(refreshed.statusCode()).isEqualTo(200);
    String token = json(refreshed).get("access_token").asText();
    assertThat(token).isNotEqualTo(first.get("access_token").asText());
    assertThat(http.get("/v1/compute/images/stats", headers(token)).status()).isEqualTo(200);

    HttpResponse<String> unknown = post(refreshGrant("fake-rt-never-issued"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void issuedTokensExpireOnTheInjectedClock() throws Exception {
    JsonNode grant = json(post(passwordGrant(PASSWORD)));
    String token = grant.get("access_token").asText();
    String refreshToken = grant.get("refresh_token").asText();

    CLOCK.advance(Duration.ofSeconds(59));
    assertThat(http.get("/v1/compute/images/stats", headers(token)).status()).isEqualTo(200);
    CLOCK.advance(Duration.ofSeconds(1));
    http.get("/v1/compute/images/stats", headers(token)).error(401, "Unauthorized");
    assertThat(http.get("/v1/compute/images/stats", headers(server.token())).status())
        .as("static tokens never expire").isEqualTo(200);

    assertThat(post(refreshGrant(refreshToken)).statusCode()).isEqualTo(200);
    CLOCK.advance(Duration.ofSeconds(600));
    assertThat(post(refreshGrant(refreshToken)).statusCode()).isEqualTo(400);
  }

  @Test
  void revokedTokensAre401() throws Exception {
    String token = json(post(passwordGrant(PASSWORD))).get("access_token").asText();

    server.revokeIssuedTokens();

    http.get("/v1/compute/images/stats", headers(token)).error(401, "Unauthorized");
  }

  @Test
  void theNextNRequestsCanBeMadeToAnswer503() throws Exception {
    long before = server.tokenRequestCount();
    server.failNextTokenRequests(2);

    assertThat(post(passwordGrant(PASSWORD)).statusCode()).isEqualTo(503);
    HttpResponse<String> second = post(passwordGrant(PASSWORD));
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(json(second).get("error").asText()).isEqualTo("temporarily_unavailable");
    assertThat(post(passwordGrant(PASSWORD)).statusCode()).isEqualTo(200);
    assertThat(server.tokenRequestCount()).isEqualTo(before + 3);
  }

  @Test
  void badRequestsAre400InvalidRequestOrUnsupportedGrant() throws Exception {
    Map<String, String> noGrant = passwordGrant(PASSWORD);
    noGrant.remove("grant_type");
    assertError(post(noGrant), 400, "invalid_request");

    Map<String, String> code = passwordGrant(PASSWORD);
    code.put("grant_type", "authorization_code");
    assertError(post(code), 400, "unsupported_grant_type");

    Map<String, String> noPassword = passwordGrant(PASSWORD);
    noPassword.remove("password");
    assertError(post(noPassword), 400, "invalid_request");

    assertError(post(refreshGrant(null)), 400, "invalid_request");
    assertError(postRaw("grant_type=password&client_id=%zz", "application/x-www-form-urlencoded"), 400,
        "invalid_request");
    assertError(postRaw("grant_type=password&grant_type=password", "application/x-www-form-urlencoded"), 400,
        "invalid_request");
    assertError(postRaw("{\"grant_type\":\"password\"}", "application/json"), 400, "invalid_request");

    HttpResponse<String> get = http.client.send(HttpRequest.newBuilder(server.tokenEndpoint()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, String> passwordGrant(String password) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", CLIENT_ID);
    form.put("client_secret", SECRET);
    form.put("username", USER);
    form.put("password", password);
    return form;
  }

  private static Map<String, String> refreshGrant(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", CLIENT_ID);
    form.put("client_secret", SECRET);
    if (refreshToken != null) {
      form.put("refresh_token", refreshToken);
    }
    return form;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> post(Map<String, String> form) throws Exception {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return postRaw(body, "application/x-www-form-urlencoded");
  }

  private static HttpResponse<String> postRaw(String body, String contentType) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.tokenEndpoint())
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return WireJson.MAPPER.readTree(response.body());
  }

  private static void assertError(HttpResponse<String> response, int status, String error) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json(response).get("error").asText()).isEqualTo(error);
    assertThat(json(response).get("error_description").asText()).isNotBlank();
  }
}
