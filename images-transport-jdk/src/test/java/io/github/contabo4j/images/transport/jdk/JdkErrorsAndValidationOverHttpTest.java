package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.contract.ErrorsAndValidationContract;

/** The ErrorsAndValidation contract through the JDK transport, against the fake's spec-validated HTTP face. */
class JdkErrorsAndValidationOverHttpTest extends ErrorsAndValidationContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return JdkOverHttp.clientOf(fake, this::closeAfterTest);
  }

  /**
   * Skipped: the face accepts the connection before the fake decides to refuse it, so all it can do
   * is drop it, which the client rightly reports as {@code MAYBE_PROCESSED}, not {@code NOT_SENT}.
   * The JDK transport's refused connection is proven against a closed port in {@code
   * JdkTransportWireTest}.
   */
  @Override
  protected boolean reproducesRefusedConnections() {
    return false;
  }
}
