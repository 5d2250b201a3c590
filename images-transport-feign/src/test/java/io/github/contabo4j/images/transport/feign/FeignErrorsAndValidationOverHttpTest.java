package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.contract.ErrorsAndValidationContract;

/** The ErrorsAndValidation contract through the Feign transport, against the fake's spec-validated HTTP face. */
class FeignErrorsAndValidationOverHttpTest extends ErrorsAndValidationContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return FeignOverHttp.clientOf(fake, this::closeAfterTest);
  }

  /**
   * Skipped: the face accepts the connection before the fake decides to refuse it, so all it can do
   * is drop it, which the client rightly reports as {@code MAYBE_PROCESSED}, not {@code NOT_SENT}.
   * The Feign transport's refused connection is proven against a closed port in {@code
   * FeignTransportWireTest}.
   */
  @Override
  protected boolean reproducesRefusedConnections() {
    return false;
  }
}
