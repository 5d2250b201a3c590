package io.github.contabo4j.images.tck.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.auth.CredentialsRejectedException;
import io.github.contabo4j.images.auth.TokenEndpointException;
import io.github.contabo4j.images.internal.wire.WireLog;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.tck.SecretLeakScanner;
import io.github.contabo4j.images.tck.logging.CapturingLogs;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Secrets never leak", for one transport: an exercise that makes the client fail in every way that
 * could echo a secret, then a scan of everything the whole test JVM logged. Each transport module
 * extends it once, as the test class that runs <em>last</em> in its JVM:
 *
 * <pre>{@code
 * @Order(Integer.MAX_VALUE) // with junit.jupiter.testclass.order.default = ...ClassOrderer$OrderAnnotation
 * class JdkSecretLeakTest extends SecretLeakContract {
 *   protected ImagesPort newClient(URI baseUri, TokenSource tokens) { ... }
 *   protected Object newBuilder(URI baseUri, TokenSource tokens) { ... }
 * }
 * }</pre>
 *
 * <p>The module registers {@link CapturingLogs} as its SLF4J binding, so every logger of the JVM is on
 * at TRACE from the first test to this one; and all its tests use the credentials of {@link
 * TestSecrets} (or say which other secrets they use, {@link #moduleSecrets()}).
 *
 * <ol>
 *   <li><b>Exceptions</b>: the message, {@code toString()}, causes and suppressed exceptions of each
 *       failure of the exercise hold no secret in any form ({@link SecretLeakScanner}): an API 401 and
 *       a 500 whose bodies echo the bearer; a token endpoint that refuses the grant with an {@code
 *       error_description} echoing the password and the secret (raw and form-encoded), that answers
 *       503 echoing them, that answers 200 with a body that is not a token but holds them, that cannot
 *       be reached; and the fake's token endpoint refusing a wrong password.
 *   <li><b>{@code toString()}</b> of the transport's builder and client, {@link ContaboCredentials} and
 *       its builder, {@link FakeImagesServer} and its builder, {@link ResiliencePolicy} and {@link
 *       CallContext}.
 *   <li><b>Logs</b>, last: no event captured in the whole run holds any secret in any form.
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class SecretLeakContract {
  /** The API and token endpoint of the exercise. */
  @RegisterExtension
  protected static final WireMockExtension WIRE_MOCK =
      WireMockExtension.newInstance().options(options().dynamicPort().http2PlainDisabled(true)).build();

  private static final String TOKEN_PATH = "/token";

  private final Opened opened = new Opened();

  /**
   * The hook: a client of the transport under test, built by its builder with {@link
   * ResiliencePolicy#none()}; closed by the suite if {@link AutoCloseable}.
   *
   * @param baseUri the API's base URI
   * @param tokens the token source
   * @return the client
   */
  protected abstract ImagesPort newClient(URI baseUri, TokenSource tokens);

  /**
   * The transport's builder with every setting a secret could hide in set, not built; its {@code
   * toString()} is checked.
   *
   * @param baseUri the API's base URI
   * @param tokens the token source
   * @return the builder
   */
  protected abstract Object newBuilder(URI baseUri, TokenSource tokens);

  /**
   * Secrets this module's tests use besides {@link TestSecrets#all()}, each at least 8 characters.
   *
   * @return the extra secrets; none by default
   */
  protected List<String> moduleSecrets() {
    return List.of();
  }

  @AfterEach
  void closeOpened() throws Exception {
    opened.closeAll();
  }

  // ================================================================ exceptions

  @Test
  @Order(1)
  void anApi401Or500EchoingTheBearerCarriesNoSecret() {
    String token = TestSecrets.ACCESS_TOKEN;
    ImagesPort client = client(URI.create(WIRE_MOCK.baseUrl()), TokenSource.fixed(token));

    WIRE_MOCK.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"statusCode\":401,\"message\":\"token " + token + " is not valid\"}")));
    AuthenticationException unauthorized = assertThrows(AuthenticationException.class, client::retrieveCustomImagesStats);
    noLeak(unauthorized);

    WIRE_MOCK.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "text/plain").withBody("upstream saw Authorization: Bearer " + token)));
    noLeak(assertThrows(ServerErrorException.class, client::retrieveCustomImagesStats));
  }

  @Test
  @Order(2)
  void aTokenEndpointRefusingTheGrantWhileEchoingTheSecretsCarriesNone() {
    String echo = "bad password " + TestSecrets.PASSWORD + " or secret " + form(TestSecrets.CLIENT_SECRET);
    WIRE_MOCK.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"" + json(echo) + "\"}")));

    CredentialsRejectedException e = TokenFailureAssert.tokenFailure(CredentialsRejectedException.class, () -> apiCall());

    assertEquals("invalid_grant", e.error().orElseThrow());
    assertTrue(e.errorDescription().orElseThrow().startsWith("bad password "), e.getMessage());
    noLeak(e);
  }

  @Test
  @Order(3)
  void aTokenEndpointFailingWhileEchoingTheSecretsCarriesNone() {
    WIRE_MOCK.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)
        .withBody("<html>" + TestSecrets.CLIENT_SECRET + " " + form(TestSecrets.PASSWORD) + "</html>")));
    TokenEndpointException failed = TokenFailureAssert.tokenFailure(TokenEndpointException.class, () -> apiCall());
    assertEquals(503, failed.statusCode().orElseThrow());
    noLeak(failed);

    WIRE_MOCK.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
        .withBody("{\"token\":\"" + json(TestSecrets.PASSWORD) + "\",\"refresh_token\":\"" + TestSecrets.REFRESH_TOKEN
            + "\"}")));
    noLeak(TokenFailureAssert.tokenFailure(TokenEndpointException.class, () -> apiCall()));

    WIRE_MOCK.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
        .withBody("{\"access_token\":\"" + TestSecrets.ACCESS_TOKEN + " with space\"}")));
    noLeak(TokenFailureAssert.tokenFailure(TokenEndpointException.class, () -> apiCall()));
  }

  @Test
  @Order(4)
  void anUnreachableTokenEndpointCarriesNoSecret() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TokenSource tokens = credentials("http://127.0.0.1:" + closedPort + TOKEN_PATH).build();

    TokenEndpointException e = TokenFailureAssert.tokenFailure(TokenEndpointException.class,
        () -> client(URI.create(WIRE_MOCK.baseUrl()), tokens).retrieveCustomImagesStats());

    assertEquals(0, e.statusCode().orElse(0));
    noLeak(e);
  }

  @Test
  @Order(5)
  void theFakeRefusingAWrongPasswordCarriesNoSecret() {
    try (FakeImagesServer face = fakeFace().start()) {
      String wrong = TestSecrets.PASSWORD + "-wrong";
      TokenSource tokens = credentials(face.tokenEndpoint().toString()).password(wrong).build();

      CredentialsRejectedException e = TokenFailureAssert.tokenFailure(CredentialsRejectedException.class,
          () -> client(face.baseUri(), tokens).retrieveCustomImagesStats());

      List<String> secrets = new ArrayList<>(secrets());
      secrets.add(wrong);
      SecretLeakScanner.assertNoLeak(secrets, e);
    }
  }

  // ================================================================ toString

  @Test
  @Order(10)
  void noConfigCredentialOrBuilderShowsASecret() {
    ContaboCredentials.Builder credentialsBuilder = credentials(WIRE_MOCK.baseUrl() + TOKEN_PATH);
    ContaboCredentials credentials = credentialsBuilder.build();
    FakeImagesServer.Builder faceBuilder = fakeFace().acceptToken(TestSecrets.ACCESS_TOKEN);
    List<String> texts = new ArrayList<>();
    try (FakeImagesServer face = faceBuilder.start()) {
      URI base = URI.create(WIRE_MOCK.baseUrl());
      texts.add(face.toString());
      texts.add(faceBuilder.toString());
      texts.add(credentialsBuilder.toString());
      texts.add(credentials.toString());
      texts.add(newBuilder(base, credentials).toString());
      texts.add(newBuilder(base, TokenSource.fixed(TestSecrets.ACCESS_TOKEN)).toString());
      texts.add(client(base, credentials).toString());
      texts.add(client(base, TokenSource.fixed(TestSecrets.ACCESS_TOKEN)).toString());
      texts.add(TokenSource.fixed(TestSecrets.ACCESS_TOKEN).toString());
      texts.add(ResiliencePolicy.defaults().toString());
      texts.add(ResiliencePolicy.none().toString());
      texts.add(CallContext.create().withTraceId("trace-1").toString());
    }
    assertTrue(texts.get(3).contains(TestSecrets.CLIENT_ID), "the client id is shown: " + texts.get(3));
    SecretLeakScanner.assertNoLeak(secrets(), texts.toArray(String[]::new));
  }

  // ================================================================ the whole run's log

  @Test
  @Order(Integer.MAX_VALUE)
  void nothingTheWholeRunLoggedHoldsASecret() {
    assertTrue(CapturingLogs.installed(), "CapturingLogs$Provider must be this module's SLF4J binding");
    List<CapturingLogs.Event> wire = CapturingLogs.events(WireLog.LOGGER);
    assertFalse(wire.isEmpty(), "the wire log was captured");
    assertTrue(wire.stream().anyMatch(e -> e.level() == org.slf4j.event.Level.TRACE), "TRACE was captured");

    int scanned = CapturingLogs.assertNoLeak(secrets());

    System.out.println("secret leak scan: " + scanned + " events of the whole run, " + secrets().size()
        + " secrets, no leak");
  }

  // ================================================================ helpers

  private List<String> secrets() {
    List<String> secrets = new ArrayList<>(TestSecrets.all());
    secrets.addAll(moduleSecrets());
    return secrets;
  }

  private void noLeak(Throwable thrown) {
    SecretLeakScanner.assertNoLeak(secrets(), thrown);
  }

  private Object apiCall() {
    TokenSource tokens = credentials(WIRE_MOCK.baseUrl() + TOKEN_PATH).build();
    return client(URI.create(WIRE_MOCK.baseUrl()), tokens).retrieveCustomImagesStats();
  }

  private static ContaboCredentials.Builder credentials(String tokenUri) {
    return ContaboCredentials.builder()
        .tokenUri(tokenUri)
        .clientId(TestSecrets.CLIENT_ID)
        .clientSecret(TestSecrets.CLIENT_SECRET)
        .username(TestSecrets.USERNAME)
        .password(TestSecrets.PASSWORD)
        .policy(ResiliencePolicy.builder().maxAttempts(2).build())
        .sleeper(d -> { })
        .requestTimeout(Duration.ofSeconds(5));
  }

  private static FakeImagesServer.Builder fakeFace() {
    return FakeImagesServer.builder(FakeImages.create())
        .client(TestSecrets.CLIENT_ID, TestSecrets.CLIENT_SECRET)
        .user(TestSecrets.USERNAME, TestSecrets.PASSWORD);
  }

  private ImagesPort client(URI baseUri, TokenSource tokens) {
    return opened.client(newClient(baseUri, tokens));
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String json(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
