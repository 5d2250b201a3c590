package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.client.ImagesClientBuilder;
import io.github.contabo4j.images.tck.transport.InterceptorContract;

/** The shared interceptor and listener contract, run on the Jdk transport. */
class JdkInterceptorTest extends InterceptorContract {
  @Override
  protected ImagesClientBuilder<?, ?> newBuilder() {
    return JdkImagesClient.builder();
  }
}
