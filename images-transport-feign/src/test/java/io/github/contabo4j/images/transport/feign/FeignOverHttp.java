package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.contract.HttpFaceFixture;
import java.util.function.Consumer;

/** The one hook of every Feign-over-HTTP suite: a validated face of the suite's fake, and a client of it. */
final class FeignOverHttp {
  private FeignOverHttp() {}

  /** No resilience: the suites count sends and expect each failure as it happened. */
  static ImagesPort clientOf(FakeImages fake, Consumer<? super AutoCloseable> closeAfterTest) {
    FakeImagesServer face = HttpFaceFixture.start(fake, closeAfterTest);
    return FeignImagesClient.builder().baseUri(face.baseUri()).token(face.token()).resilience(ResiliencePolicy.none()).build();
  }
}
