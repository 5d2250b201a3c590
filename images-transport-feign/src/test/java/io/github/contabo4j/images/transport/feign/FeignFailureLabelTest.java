package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.transport.FailureLabelContract;
import java.time.Duration;

/** The shared failure-label table, run on the feign transport. */
class FeignFailureLabelTest extends FailureLabelContract {
  @Override
  protected ImagesPort newPort(String baseUri, TokenSource tokens, Duration requestTimeout) {
    return FeignImagesClient.builder().baseUri(baseUri).tokenSource(tokens).requestTimeout(requestTimeout)
        .resilience(ResiliencePolicy.none()).build();
  }
}
