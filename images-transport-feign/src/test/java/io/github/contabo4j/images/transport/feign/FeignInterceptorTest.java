package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.client.ImagesClientBuilder;
import io.github.contabo4j.images.tck.transport.InterceptorContract;

/** The shared interceptor and listener contract, run on the Feign transport. */
class FeignInterceptorTest extends InterceptorContract {
  @Override
  protected ImagesClientBuilder<?, ?> newBuilder() {
    return FeignImagesClient.builder();
  }
}
