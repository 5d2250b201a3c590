package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.contract.EnsureImageContract;

/** The EnsureImage contract through the Feign transport, against the fake's spec-validated HTTP face. */
class FeignEnsureImageOverHttpTest extends EnsureImageContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return FeignOverHttp.clientOf(fake, this::closeAfterTest);
  }
}
