package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.contract.EnsureImageContract;

/** The fake passes the EnsureImage contract: the port under test is the fake itself. */
class FakeEnsureImageTest extends EnsureImageContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return fake;
  }
}
