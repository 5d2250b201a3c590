package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.transport.ProxyContract;
import java.net.ProxySelector;
import org.jspecify.annotations.Nullable;

/** The shared proxy contract, run on the JDK transport. */
class JdkProxyTest extends ProxyContract {
  @Override
  protected ImagesPort newPort(String baseUri, TokenSource tokens, @Nullable ProxySelector proxy) {
    JdkImagesClient.Builder b = JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens)
        .resilience(ResiliencePolicy.none());
    return (proxy == null ? b : b.proxy(proxy)).build();
  }
}
