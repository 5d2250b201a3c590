package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.tck.transport.ChainBaseUriContract;
import java.net.URI;

/** The credentials chain's base URL reaches the Feign transport, and an explicit one wins. */
class FeignChainBaseUriTest extends ChainBaseUriContract<FeignImagesClient.Builder> {
  @Override
  protected FeignImagesClient.Builder newBuilder() {
    return FeignImagesClient.builder();
  }

  @Override
  protected URI baseUri(FeignImagesClient.Builder builder) {
    try (FeignImagesClient client = builder.build()) {
      return client.baseUri();
    }
  }
}
