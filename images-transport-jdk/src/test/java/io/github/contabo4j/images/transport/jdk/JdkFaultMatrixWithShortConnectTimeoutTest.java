package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.resilience.WireFaultMatrixContract;
import java.net.ProxySelector;
import java.time.Clock;
import java.time.Duration;

/**
 * The fault matrix again on the JDK transport, with a connect timeout (80 ms) shorter than every
 * attempt timeout the matrix uses. Then the transport arms no {@code HttpRequest.timeout()}: the
 * {@code SendWatch} (its interrupt of {@code send}) and the body handler alone hold every deadline:
 * the path the default settings take, whose 10 s connect timeout is shorter than the 30 s request
 * timeout. Every row must read the same as with the JDK's own timer armed ({@link
 * JdkFaultMatrixTest}), where the tests' short attempt timeouts are shorter than the default connect
 * timeout.
 */
class JdkFaultMatrixWithShortConnectTimeoutTest extends WireFaultMatrixContract {
  @Override
  protected ImagesPort newClient(String baseUri, TokenSource tokens, ProxySelector proxy,
      ResiliencePolicy policy, Sleeper sleeper, Clock clock) {
    return JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens).proxy(proxy)
        .connectTimeout(Duration.ofMillis(80))
        .resilience(policy).sleeper(sleeper).clock(clock).build();
  }

  /** As in {@link JdkFaultMatrixTest}: the JDK re-sends a GET once by itself in one attempt. */
  @Override
  protected int getSendsWhenTheConnectionDiesBeforeTheFirstByte() {
    return 2;
  }
}
