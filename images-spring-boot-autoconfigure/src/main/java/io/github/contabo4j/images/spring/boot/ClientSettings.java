package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What every transport's builder is given, resolved once from the properties, the connection and the
 * listener beans: each transport's bean method only hands it to its own builder.
 *
 * @param tokens the token source, recorded for the health indicator
 * @param resilience the resilience policy
 * @param listener the activity recorder and the application's listeners
 * @param baseUri the base URI, or null for the transport's default
 * @param connectTimeout the connect timeout, or null for the transport's default
 * @param maxResponseBytes the response-size limit, or null for the transport's default
 */
record ClientSettings(TokenSource tokens, ResiliencePolicy resilience, ImagesListener listener,
    @Nullable URI baseUri, @Nullable Duration connectTimeout, @Nullable Integer maxResponseBytes) {

  /** Passes the settings that are set to the builder's setters; unset ones keep the builder's default. */
  void ifSet(Consumer<URI> baseUriSetter, Consumer<Duration> connectTimeoutSetter,
      Consumer<Integer> maxResponseBytesSetter) {
    if (maxResponseBytes != null) {
      maxResponseBytesSetter.accept(maxResponseBytes);
    }
    if (baseUri != null) {
      baseUriSetter.accept(baseUri);
    }
    if (connectTimeout != null) {
      connectTimeoutSetter.accept(connectTimeout);
    }
  }
}
