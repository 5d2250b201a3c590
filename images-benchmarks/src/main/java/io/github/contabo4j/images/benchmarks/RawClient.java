package io.github.contabo4j.images.benchmarks;

import io.github.contabo4j.images.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JDK transport's floor: the least code that makes the same call. One HTTP/1.1 {@link
 * HttpClient}, the same headers and reading as every floor ({@link RawFloor}). No validation, no
 * timeout, no retry, no rate limit, no error mapping. Connections: {@code java.net.http} has no cap
 * on open connections; every fork runs with {@code -Djdk.httpclient.connectionPoolSize=}{@link
 * Contender#MAX_CONNECTIONS}, so it keeps at most as many as the HC5 pools.
 */
final class RawClient extends RawFloor {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  RawClient(URI baseUri) {
    super(baseUri);
  }

  @Override
  Envelope<Image> fetch(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .header("Authorization", BEARER)
        .header("x-request-id", Contender.uuid4())
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT)
        .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return parse(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // Java 17's HttpClient has nothing to close.
  }
}
