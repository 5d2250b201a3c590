package io.github.contabo4j.images.tck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.auth.CredentialsChain;
import io.github.contabo4j.images.client.ImagesClientBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every transport's builder takes its base URI from the credentials chain's source when {@code
 * baseUri} was not set, and an explicit {@code baseUri} wins. The chain reads an injected
 * environment only. Nothing here opens a socket or asks for a token.
 *
 * <pre>{@code
 * class JdkChainBaseUriTest extends ChainBaseUriContract<JdkImagesClient.Builder> {
 *   protected JdkImagesClient.Builder newBuilder() { return JdkImagesClient.builder(); }
 *   protected URI baseUri(JdkImagesClient.Builder b) {
 *     try (JdkImagesClient c = b.build()) { return c.baseUri(); }
 *   }
 * }
 * }</pre>
 *
 * @param <B> the transport's builder
 */
public abstract class ChainBaseUriContract<B extends ImagesClientBuilder<B, ?>> {
  /** For subclasses. */
  protected ChainBaseUriContract() {}

  /**
   * The hook: a new builder of the transport under test, with nothing set.
   *
   * @return the builder
   */
  protected abstract B newBuilder();

  /**
   * The hook: builds the client, reads its base URI, and closes it.
   *
   * @param builder the configured builder
   * @return the base URI the client calls
   */
  protected abstract URI baseUri(B builder);

  private static ContaboCredentials fromTheChain(Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>(Map.of(
        "CNTB_OAUTH2_CLIENT_ID", "chain-client", "CNTB_OAUTH2_CLIENT_SECRET", "chain-client-secret",
        "CNTB_OAUTH2_USER", "chain-user@example.com", "CNTB_OAUTH2_PASS", "chain-password"));
    environment.putAll(extra);
    Path nowhere = Path.of("target", "no-such-home");
    return CredentialsChain.builder().environment(environment).systemProperties(new Properties()).home(nowhere)
        .systemConfigFile(nowhere.resolve(".cntb.yaml")).build().resolve().build();
  }

  @Test
  void theBaseUrlOfTheChainsSourceIsUsedWhenBaseUriIsNotSet() {
    ContaboCredentials credentials = fromTheChain(Map.of("CNTB_API", "https://api.example.test/contabo/"));

    assertEquals(URI.create("https://api.example.test/contabo"), baseUri(newBuilder().tokenSource(credentials)));
  }

  @Test
  void anExplicitBaseUriWinsOverTheChains() {
    ContaboCredentials credentials = fromTheChain(Map.of("CNTB_API", "https://api.example.test"));

    assertEquals(URI.create("https://explicit.example.test"),
        baseUri(newBuilder().baseUri("https://explicit.example.test").tokenSource(credentials)));
    assertEquals(URI.create("https://explicit.example.test"),
        baseUri(newBuilder().tokenSource(credentials).baseUri("https://explicit.example.test")));
  }

  @Test
  void withoutABaseUrlInTheSourceTheDefaultApplies() {
    assertEquals(URI.create(ImagesClientBuilder.DEFAULT_BASE_URI),
        baseUri(newBuilder().tokenSource(fromTheChain(Map.of()))));
  }
}
