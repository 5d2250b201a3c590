package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.contract.PagingFilteringSortingContract;

/** The PagingFilteringSorting contract through the JDK transport, against the fake's spec-validated HTTP face. */
class JdkPagingFilteringSortingOverHttpTest extends PagingFilteringSortingContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return JdkOverHttp.clientOf(fake, this::closeAfterTest);
  }
}
