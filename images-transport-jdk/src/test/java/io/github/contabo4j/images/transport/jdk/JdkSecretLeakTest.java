package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.transport.SecretLeakContract;
import java.net.URI;
import org.junit.jupiter.api.Order;

/** Runs last in this module's JVM: no secret in any exception, toString() or anything logged. */
@Order(Integer.MAX_VALUE)
class JdkSecretLeakTest extends SecretLeakContract {
  @Override
  protected ImagesPort newClient(URI baseUri, TokenSource tokens) {
    return newBuilder(baseUri, tokens).build();
  }

  @Override
  protected JdkImagesClient.Builder newBuilder(URI baseUri, TokenSource tokens) {
    return JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens).traceId("leak-trace")
        .resilience(ResiliencePolicy.none());
  }
}
