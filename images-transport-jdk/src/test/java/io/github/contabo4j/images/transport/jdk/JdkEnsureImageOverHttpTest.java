package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.contract.EnsureImageContract;

/** The EnsureImage contract through the JDK transport, against the fake's spec-validated HTTP face. */
class JdkEnsureImageOverHttpTest extends EnsureImageContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return JdkOverHttp.clientOf(fake, this::closeAfterTest);
  }
}
