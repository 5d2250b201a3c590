package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.contract.AuditContract;

/** The fake passes the Audit contract: the port under test is the fake itself. */
class FakeImagesAuditTest extends AuditContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return fake;
  }
}
