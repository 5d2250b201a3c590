package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.contract.CrudLifecycleContract;

/** The fake passes the CrudLifecycle contract: the port under test is the fake itself. */
class FakeImagesCrudLifecycleTest extends CrudLifecycleContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return fake;
  }
}
