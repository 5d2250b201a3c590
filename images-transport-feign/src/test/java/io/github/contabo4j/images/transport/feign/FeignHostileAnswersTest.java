package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.transport.HostileAnswersContract;

/** The hostile-server suite on the Feign transport; runs in the small-heap fork (-Xmx128m). */
class FeignHostileAnswersTest extends HostileAnswersContract {
  @Override
  protected ImagesPort newClient(String baseUri, int maxResponseBytes, ResiliencePolicy policy, Sleeper sleeper) {
    return FeignImagesClient.builder().baseUri(baseUri).token("hostile-test-token").maxResponseBytes(maxResponseBytes)
        .resilience(policy).sleeper(sleeper).build();
  }
}
