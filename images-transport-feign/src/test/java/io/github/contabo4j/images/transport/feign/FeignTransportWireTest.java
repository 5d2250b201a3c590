package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.transport.TransportWireContract;
import org.jspecify.annotations.Nullable;

/** The shared wire contract, run on the Feign transport. Apache HttpClient 5 never re-sends: every call is sent once. */
class FeignTransportWireTest extends TransportWireContract {
  @Override
  protected ImagesPort newPort(String baseUri, TokenSource tokens, @Nullable String traceId) {
    return FeignImagesClient.builder().baseUri(baseUri).tokenSource(tokens).traceId(traceId)
        .resilience(ResiliencePolicy.none()).build();
  }
}
