package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.contract.PagingFilteringSortingContract;

/** The fake passes the PagingFilteringSorting contract: the port under test is the fake itself. */
class FakeImagesPagingFilteringSortingTest extends PagingFilteringSortingContract {
  @Override
  protected ImagesPort portFor(FakeImages fake) {
    return fake;
  }
}
