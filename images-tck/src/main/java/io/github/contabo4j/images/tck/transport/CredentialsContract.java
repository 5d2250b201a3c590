package io.github.contabo4j.images.tck.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.auth.CredentialsRejectedException;
import io.github.contabo4j.images.auth.TokenEndpointException;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.MutableClock;
import io.github.contabo4j.images.tck.SecretLeakScanner;
import io.github.contabo4j.images.testkit.SpecValidator;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OAuth2 end to end over a transport: {@link ContaboCredentials} against the token endpoint of the
 * testkit's {@link FakeImagesServer}, and the bearer that never follows a redirect. Each transport
 * extends this class with the one hook {@link #newClient}.
 *
 * <pre>{@code
 * class JdkCredentialsTest extends CredentialsContract {
 *   @Override
 *   protected ImagesPort newClient(URI baseUri, TokenSource tokens) {
 *     return JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens)
 *         .resilience(ResiliencePolicy.none()).build();
 *   }
 * }
 * }</pre>
 *
 * <p>What it proves, with the credentials of {@link TestSecrets} (a secret and a password that need
 * every form-encoding rule, so an exchange that works proves the encoding):
 *
 * <ul>
 *   <li>a call with the password grant, and the token reused by later calls (one token request);
 *   <li>expiry on an injected clock (the face's and the credentials' are the same {@link MutableClock}):
 *       the {@code refresh_token} grant renews it, and when the refresh token was revoked the password
 *       grant takes over;
 *   <li>a token the API revoked: the API's 401 makes the transport's replay layer renew the token once
 *       and replay the call, which succeeds;
 *   <li>wrong credentials: an {@code ImagesTransportException} ({@code TOKEN_UNAVAILABLE}, {@code
 *       NOT_SENT}) caused by a {@link CredentialsRejectedException} with the endpoint's {@code error}
 *       and {@code error_description}, no API request, and no secret anywhere in the exception;
 *   <li>a token endpoint answering 503: retried with the credentials' policy on a virtual sleeper, and
 *       given up after {@code maxAttempts}: {@code TOKEN_UNAVAILABLE} caused by a {@link
 *       TokenEndpointException};
 *   <li>redirects: a 3xx whose {@code Location} names another host (or the same one) is the call's
 *       answer, an {@link ImagesServiceException} with that status, and the target never receives a
 *       request, so the {@code Authorization} header never leaves for it.
 * </ul>
 *
 * <p>Every API exchange with the face is validated against the vendor spec. Servers: a fresh face per
 * test; for the redirect tests, two WireMock servers (the API and the other host, reached as {@code
 * localhost} while the API is reached as {@code 127.0.0.1}), the one place a suite needs two.
 */
public abstract class CredentialsContract {
  /** The API the redirect tests call. */
  @RegisterExtension
  protected static final WireMockExtension API =
      WireMockExtension.newInstance().options(options().dynamicPort().http2PlainDisabled(true)).build();

  /** The other host a redirect points at; it must never receive anything. */
  @RegisterExtension
  protected static final WireMockExtension OTHER_HOST =
      WireMockExtension.newInstance().options(options().dynamicPort().http2PlainDisabled(true)).build();

  private static final Duration LIFETIME = Duration.ofSeconds(300);
  private static final Duration PAST_EXPIRY = LIFETIME.minus(ContaboCredentials.DEFAULT_REFRESH_SKEW).plusSeconds(1);
  private static @Nullable SpecValidator spec;

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Opened opened = new Opened();

  /**
   * The hook: a client of the transport under test for {@code baseUri} that takes its bearer from
   * {@code tokens}, built by the transport's builder (so with its 401 replay) and with {@link
   * ResiliencePolicy#none()}, so each count below is exact. The suite closes it if it is {@link
   * AutoCloseable}.
   *
   * @param baseUri the API's base URI
   * @param tokens the token source, a {@link ContaboCredentials}
   * @return the client
   */
  protected abstract ImagesPort newClient(URI baseUri, TokenSource tokens);

  @BeforeAll
  static void loadSpec() {
    spec = SpecValidator.load();
  }

  @AfterEach
  void closeOpened() throws Exception {
    opened.closeAll();
  }

  // ================================================================ password grant and reuse

  @Test
  void aCallWithThePasswordGrant() {
    FakeImagesServer face = face();
    ImagesPort client = client(face, credentials(face).build());

    assertFalse(client.retrieveImageList(ImageListQuery.all()).items().isEmpty());

    assertEquals(1, face.tokenRequestCount());
    assertEquals(List.of(200), statuses(face));
  }

  @Test
  void theTokenIsReusedUntilItExpires() {
    FakeImagesServer face = face();
    ImagesPort client = client(face, credentials(face).build());

    client.retrieveImageList(ImageListQuery.all());
    client.retrieveCustomImagesStats();
    clock.advance(PAST_EXPIRY.minusSeconds(2));
    client.retrieveImageList(ImageListQuery.all());

    assertEquals(1, face.tokenRequestCount());
    assertEquals(List.of(200, 200, 200), statuses(face));
  }

  // ================================================================ expiry and refresh

  @Test
  void anExpiredTokenIsRenewedWithTheRefreshToken() {
    FakeImagesServer face = face();
    ImagesPort client = client(face, credentials(face).build());
    client.retrieveCustomImagesStats();

    clock.advance(PAST_EXPIRY);
    client.retrieveCustomImagesStats();

    // One refresh_token grant; had it failed, a password grant would follow (3 requests, see below).
    assertEquals(2, face.tokenRequestCount());
    assertEquals(List.of(200, 200), statuses(face));
  }

  @Test
  void aRevokedRefreshTokenFallsBackToThePasswordGrant() {
    FakeImagesServer face = face();
    ImagesPort client = client(face, credentials(face).build());
    client.retrieveCustomImagesStats();

    face.revokeIssuedTokens();
    clock.advance(PAST_EXPIRY);
    client.retrieveCustomImagesStats();

    // The refresh_token grant first (refused: invalid_grant), then the password grant.
    assertEquals(3, face.tokenRequestCount());
    assertEquals(List.of(200, 200), statuses(face));
  }

  // ================================================================ 401 replay

  @Test
  void aTokenTheApiRejectsIsRenewedOnceAndTheCallReplayed() {
    FakeImagesServer face = face();
    ImagesPort client = client(face, credentials(face).build());
    client.retrieveCustomImagesStats();

    face.revokeIssuedTokens(); // the cached, unexpired token is now unknown to the API
    assertFalse(client.retrieveImageList(ImageListQuery.all()).items().isEmpty());

    assertEquals(List.of(200, 401, 200), statuses(face));
    // The first grant, then the renewal: refresh_token (revoked too, refused), then password.
    assertEquals(3, face.tokenRequestCount());
  }

  // ================================================================ rejected credentials

  @Test
  void aWrongPasswordIsRejectedWithTheEndpointsDescriptionAndNoSecret() {
    FakeImagesServer face = face();
    String wrong = "wrong-" + TestSecrets.PASSWORD;
    ImagesPort client = client(face, credentials(face).password(wrong).build());

    CredentialsRejectedException e =
        TokenFailureAssert.tokenFailure(CredentialsRejectedException.class, () -> client.retrieveCustomImagesStats());

    assertEquals("invalid_grant", e.error().orElseThrow());
    assertEquals("Invalid user credentials", e.errorDescription().orElseThrow());
    assertEquals(401, e.statusCode().orElseThrow());
    assertTrue(e.getMessage().contains("Invalid user credentials"), e.getMessage());
    assertEquals(1, face.tokenRequestCount(), "a refusal is never retried");
    assertEquals(0, face.requestCount(), "nothing reached the API");
    SecretLeakScanner.assertNoLeak(secretsAnd(wrong), e);
  }

  @Test
  void aWrongClientSecretIsRejectedAsInvalidClientWithNoSecret() {
    FakeImagesServer face = face();
    String wrong = TestSecrets.CLIENT_SECRET + "-not-this-one";
    ImagesPort client = client(face, credentials(face).clientSecret(wrong).build());

    CredentialsRejectedException e =
        TokenFailureAssert.tokenFailure(CredentialsRejectedException.class, () -> client.retrieveCustomImagesStats());

    assertEquals("invalid_client", e.error().orElseThrow());
    assertTrue(e.errorDescription().isPresent());
    assertEquals(0, face.requestCount());
    SecretLeakScanner.assertNoLeak(secretsAnd(wrong), e);
  }

  // ================================================================ token endpoint failures

  @Test
  void a503FromTheTokenEndpointIsRetriedByThePolicy() {
    FakeImagesServer face = face();
    face.failNextTokenRequests(2);
    ImagesPort client = client(face, credentials(face).policy(ResiliencePolicy.builder().maxAttempts(3).build()).build());

    client.retrieveCustomImagesStats();

    assertEquals(3, face.tokenRequestCount());
    assertEquals(2, sleeps.size(), "one backoff before each retry: " + sleeps);
    assertTrue(sleeps.stream().noneMatch(Duration::isNegative), sleeps.toString());
    assertEquals(List.of(200), statuses(face));
  }

  @Test
  void aTokenEndpointThatKeepsFailingIsGivenUpAfterMaxAttempts() {
    FakeImagesServer face = face();
    face.failNextTokenRequests(10);
    ImagesPort client = client(face, credentials(face).policy(ResiliencePolicy.builder().maxAttempts(3).build()).build());

    TokenEndpointException e = TokenFailureAssert.tokenFailure(TokenEndpointException.class, () -> client.retrieveCustomImagesStats());

    assertEquals(503, e.statusCode().orElseThrow());
    assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    assertEquals(3, face.tokenRequestCount());
    assertEquals(2, sleeps.size());
    assertEquals(0, face.requestCount(), "nothing reached the API");
    SecretLeakScanner.assertNoLeak(TestSecrets.all(), e);
  }

  // ================================================================ redirects

  @Test
  void aRedirectToAnotherHostIsTheAnswerAndTheOtherHostReceivesNothing() {
    for (int status : new int[] {301, 302, 303, 307, 308}) {
      API.resetAll();
      OTHER_HOST.resetAll();
      OTHER_HOST.stubFor(any(anyUrl()).willReturn(okJson(WireFixtures.IMAGE_BODY)));

      ImagesServiceException e = redirectedCall(status, "http://localhost:" + OTHER_HOST.getPort());

      assertEquals(List.of(), OTHER_HOST.getAllServeEvents(), status + ": the other host received a request");
      assertEquals(1, API.getAllServeEvents().size(), status + ": sent once, never re-sent after the redirect");
      assertEquals(status, e.statusCode());
    }
  }

  @Test
  void aRedirectOnTheSameServerIsNotFollowedEither() {
    API.resetAll();
    API.stubFor(any(urlPathEqualTo("/moved")).willReturn(okJson(WireFixtures.IMAGE_BODY)));

    ImagesServiceException e = redirectedCall(302, "http://127.0.0.1:" + API.getPort() + "/moved");

    assertEquals(302, e.statusCode());
    assertEquals(1, API.getAllServeEvents().size(), "the Location was never requested");
  }

  /** Calls {@code retrieveImage} on an API that answers {@code status} with a Location under {@code target}. */
  private ImagesServiceException redirectedCall(int status, String target) {
    String path = "/v1/compute/images/" + WireFixtures.IMAGE_ID;
    String location = target.endsWith("/moved") ? target : target + path;
    API.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status).withHeader("Location", location)));
    ImagesPort client = closeLater(newClient(URI.create("http://127.0.0.1:" + API.getPort()),
        TokenSource.fixed(TestSecrets.ACCESS_TOKEN)));

    ImagesServiceException e = assertThrows(ImagesServiceException.class, () -> client.retrieveImage(WireFixtures.IMAGE_ID));

    assertSame(ImagesServiceException.class, e.getClass(), "a 3xx maps to no subclass: " + e);
    assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
    List<ServeEvent> sent = API.getAllServeEvents();
    assertEquals("Bearer " + TestSecrets.ACCESS_TOKEN, sent.get(sent.size() - 1).getRequest().getHeader("Authorization"));
    SecretLeakScanner.assertNoLeak(TestSecrets.all(), e);
    return e;
  }

  // ================================================================ helpers

  private FakeImagesServer face() {
    FakeImagesServer face = FakeImagesServer.builder(FakeImages.create())
        .client(TestSecrets.CLIENT_ID, TestSecrets.CLIENT_SECRET)
        .user(TestSecrets.USERNAME, TestSecrets.PASSWORD)
        .tokenLifetime(LIFETIME)
        .clock(clock)
        .validateAgainst(validator())
        .start();
    opened.add(() -> {
      try {
        face.assertNoSpecViolations();
      } finally {
        face.close();
      }
    });
    return face;
  }

  private ContaboCredentials.Builder credentials(FakeImagesServer face) {
    return ContaboCredentials.builder()
        .tokenUri(face.tokenEndpoint().toString())
        .clientId(TestSecrets.CLIENT_ID)
        .clientSecret(TestSecrets.CLIENT_SECRET)
        .username(TestSecrets.USERNAME)
        .password(TestSecrets.PASSWORD)
        .clock(clock)
        .sleeper(sleeps::add)
        .requestTimeout(Duration.ofSeconds(5));
  }

  private ImagesPort client(FakeImagesServer face, ContaboCredentials credentials) {
    return closeLater(newClient(face.baseUri(), credentials));
  }

  private ImagesPort closeLater(ImagesPort client) {
    return opened.client(client);
  }

  private static List<Integer> statuses(FakeImagesServer face) {
    return face.requests().stream().map(FakeImagesServer.RecordedRequest::status).collect(Collectors.toList());
  }

  private static List<String> secretsAnd(String extra) {
    List<String> secrets = new ArrayList<>(TestSecrets.all());
    secrets.add(extra);
    return secrets;
  }

  private static SpecValidator validator() {
    if (spec == null) {
      throw new IllegalStateException("the spec was not loaded");
    }
    return spec;
  }
}
