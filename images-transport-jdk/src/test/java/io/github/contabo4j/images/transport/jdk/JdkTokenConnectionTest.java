package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.tck.transport.TokenConnectionContract;

/** The shared token-connection contract, run on the Jdk transport. */
class JdkTokenConnectionTest extends TokenConnectionContract<JdkImagesClient.Builder> {
  @Override
  protected JdkImagesClient.Builder newBuilder() {
    return JdkImagesClient.builder();
  }
}
