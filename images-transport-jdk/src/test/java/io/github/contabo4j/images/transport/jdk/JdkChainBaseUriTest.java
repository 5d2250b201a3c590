package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.tck.transport.ChainBaseUriContract;
import java.net.URI;

/** The credentials chain's base URL reaches the JDK transport, and an explicit one wins. */
class JdkChainBaseUriTest extends ChainBaseUriContract<JdkImagesClient.Builder> {
  @Override
  protected JdkImagesClient.Builder newBuilder() {
    return JdkImagesClient.builder();
  }

  @Override
  protected URI baseUri(JdkImagesClient.Builder builder) {
    try (JdkImagesClient client = builder.build()) {
      return client.baseUri();
    }
  }
}
