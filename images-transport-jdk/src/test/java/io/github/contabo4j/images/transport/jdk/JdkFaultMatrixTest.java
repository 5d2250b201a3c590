package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.resilience.WireFaultMatrixContract;
import java.net.ProxySelector;
import java.time.Clock;

/** The fault matrix on the JDK transport, through its builder's default resilience decorator. */
class JdkFaultMatrixTest extends WireFaultMatrixContract {
  @Override
  protected ImagesPort newClient(String baseUri, TokenSource tokens, ProxySelector proxy,
      ResiliencePolicy policy, Sleeper sleeper, Clock clock) {
    return JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens).proxy(proxy)
        .resilience(policy).sleeper(sleeper).clock(clock).build();
  }

  /**
   * The JDK's HttpClient re-sends a GET once by itself when the connection dies before the first
   * answer byte, with the same x-request-id, within one attempt (see JdkImagesClient's javadoc).
   */
  @Override
  protected int getSendsWhenTheConnectionDiesBeforeTheFirstByte() {
    return 2;
  }
}
