package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.tck.transport.TokenConnectionContract;

/** The shared token-connection contract, run on the Feign transport. */
class FeignTokenConnectionTest extends TokenConnectionContract<FeignImagesClient.Builder> {
  @Override
  protected FeignImagesClient.Builder newBuilder() {
    return FeignImagesClient.builder();
  }
}
