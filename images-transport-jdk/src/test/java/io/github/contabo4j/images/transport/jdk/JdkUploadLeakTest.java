package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.transport.UploadLeakContract;
import java.net.URI;

/** The upload workflow through the JDK transport keeps the bearer token and presigned queries secret. */
class JdkUploadLeakTest extends UploadLeakContract {
  @Override
  protected ImagesPort newClient(URI baseUri, TokenSource tokens) {
    return JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens).resilience(ResiliencePolicy.none()).build();
  }
}
