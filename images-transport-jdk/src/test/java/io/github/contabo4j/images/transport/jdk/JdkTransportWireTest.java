package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.transport.TransportWireContract;
import org.jspecify.annotations.Nullable;

/** The shared wire contract, run on the JDK transport. */
class JdkTransportWireTest extends TransportWireContract {
  @Override
  protected ImagesPort newPort(String baseUri, TokenSource tokens, @Nullable String traceId) {
    return JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens).traceId(traceId)
        .resilience(ResiliencePolicy.none()).build();
  }

  /** The JDK's HttpClient re-sends such a GET once by itself; see JdkImagesClient's javadoc. */
  @Override
  protected int getSendsWhenTheConnectionDiesBeforeTheFirstByte() {
    return 2;
  }

  /**
   * The JDK's HttpClient on Java 17 writes {@code Content-Length: 0} on every request without a
   * publisher (the transport gives a GET or DELETE none); Java 25 does not (checked by running this
   * suite on Temurin 25).
   */
  @Override
  protected boolean engineAddsContentLengthToBodylessRequests() {
    return Runtime.version().feature() < 25;
  }
}
