package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.transport.CredentialsContract;
import java.net.URI;

/** OAuth2 credentials end to end, and redirects, over the JDK transport. */
class JdkCredentialsTest extends CredentialsContract {
  @Override
  protected ImagesPort newClient(URI baseUri, TokenSource tokens) {
    return JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens).resilience(ResiliencePolicy.none()).build();
  }
}
