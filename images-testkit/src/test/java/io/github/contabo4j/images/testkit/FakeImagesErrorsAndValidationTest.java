package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.contract.ErrorsAndValidationContract;

/** The fake passes the ErrorsAndValidation contract: the port under test is the fake itself. */
class FakeImagesErrorsAndValidationTest extends ErrorsAndValidationContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return fake;
  }
}
