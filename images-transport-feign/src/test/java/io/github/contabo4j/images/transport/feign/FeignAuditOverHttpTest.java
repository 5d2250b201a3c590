package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.contract.AuditContract;

/** The Audit contract through the Feign transport, against the fake's spec-validated HTTP face. */
class FeignAuditOverHttpTest extends AuditContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return FeignOverHttp.clientOf(fake, this::closeAfterTest);
  }
}
