package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.contract.AuditContract;

/** The Audit contract through the JDK transport, against the fake's spec-validated HTTP face. */
class JdkAuditOverHttpTest extends AuditContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return JdkOverHttp.clientOf(fake, this::closeAfterTest);
  }
}
