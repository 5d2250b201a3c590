package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.resilience.WireFaultMatrixContract;
import java.net.ProxySelector;
import java.time.Clock;

/** The fault matrix on the Feign transport, through its builder's default resilience decorator. */
class FeignFaultMatrixTest extends WireFaultMatrixContract {
  @Override
  protected ImagesPort newClient(String baseUri, TokenSource tokens, ProxySelector proxy,
      ResiliencePolicy policy, Sleeper sleeper, Clock clock) {
    return FeignImagesClient.builder().baseUri(baseUri).tokenSource(tokens).proxy(proxy)
        .resilience(policy).sleeper(sleeper).clock(clock).build();
  }
}
