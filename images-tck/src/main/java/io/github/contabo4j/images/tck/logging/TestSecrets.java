package io.github.contabo4j.images.tck.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * The well-known credentials tests use, in one place, so that a leak test that runs last knows every
 * secret the run could have leaked: {@link #all()}.
 *
 * <p>Each is long (the {@link io.github.contabo4j.images.tck.SecretLeakScanner} needs at least 8
 * characters, and longer ones cannot match by chance) and the client secret and password hold every
 * character form encoding must handle ({@code & + = %}, a space, non-ASCII, a character outside the
 * BMP), so a form-encoded or Base64 leak looks different from a raw one.
 *
 * <p>Tokens a run mints at random are covered by their fixed prefixes: the {@link
 * io.github.contabo4j.images.testkit.FakeImagesServer}'s token endpoint issues {@code fake-at-...} access
 * and {@code fake-rt-...} refresh tokens and its default static bearer is {@code fake-static-...}; the
 * TCK's transport suites send {@code rotated-token-N} and {@code matrix-attempt-N}. Any form of a
 * token (raw, URL-encoded, inside a Base64 blob) holds the same form of its prefix, so scanning for
 * the prefix finds every token of that family.
 */
public final class TestSecrets {
  /** The OAuth2 client id (not a secret). */
  public static final String CLIENT_ID = "contabo4j-test-client";
  /** The OAuth2 client secret. */
  public static final String CLIENT_SECRET = "cl!ent-s3cr&t+=%41 üñí€😀";
  /** The API user (not a secret). */
  public static final String USERNAME = "ops+images@example.com";
  /** The API user's password. */
  public static final String PASSWORD = "p@ss&w+o=r%64 ä✓-api-pw";
  /** A static bearer token, for tests that need no token endpoint. */
  public static final String ACCESS_TOKEN = "test-access-token-7Qv2K9mZ";
  /** A refresh token, for stubbed token endpoints. */
  public static final String REFRESH_TOKEN = "test-refresh-token-Jw4X1pLs";

  /**
   * A bearer sent only through caller-supplied Apache clients, which keep Apache's own logging (see
   * {@code FeignImagesClient.Builder.httpClient}): it is expected in the log and deliberately not in
   * {@link #all()}.
   */
  public static final String CALLER_CLIENT_TOKEN = "caller-client-canary-token";

  /** Prefixes of the tokens the fake's token endpoint issues and of its default static bearer. */
  public static final List<String> FAKE_TOKEN_PREFIXES = List.of("fake-at-", "fake-rt-", "fake-static-");

  /**
   * Bearers the TCK's own transport suites send: {@code TransportWireContract}'s and {@code
   * TransportBuilderContract}'s fixed tokens, and the prefixes of the rotated and fault-matrix ones.
   */
  public static final List<String> SUITE_TOKENS = List.of(
      "wire-test-token-0123456789", "builder-test-token", "secret-token", "rotated-token-", "matrix-attempt-");

  private TestSecrets() {}

  /**
   * Every secret above and every token prefix, for {@link CapturingLogs#assertNoLeak} and {@link
   * io.github.contabo4j.images.tck.SecretLeakScanner}; {@link #CALLER_CLIENT_TOKEN} excepted.
   *
   * @return the list, each at least 8 characters
   */
  public static List<String> all() {
    List<String> all = new ArrayList<>(List.of(CLIENT_SECRET, PASSWORD, ACCESS_TOKEN, REFRESH_TOKEN));
    all.addAll(FAKE_TOKEN_PREFIXES);
    all.addAll(SUITE_TOKENS);
    return List.copyOf(all);
  }
}
