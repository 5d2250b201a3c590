package io.github.contabo4j.images.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The floor: the least code that makes the same call as the transports. One HTTP/1.1 {@link
 * HttpClient}, the same headers (bearer token, a fresh UUID4 {@code x-request-id}, {@code Accept},
 * {@code User-Agent}), the answer read by one cached {@link ObjectReader} of the same configured
 * mapper into the same records. No validation, no timeout, no retry, no rate limit, no error mapping.
 */
final class RawClient implements Contender {
  private static final ObjectReader IMAGES = WireJson.MAPPER.readerFor(new TypeReference<Envelope<Image>>() {});

  static final String BEARER = "Bearer " + TOKEN;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  // Connections: java.net.http has no cap on open connections; every fork runs with
  // -Djdk.httpclient.connectionPoolSize=MAX_CONNECTIONS so it keeps at most as many as the HC5 pools.
  private final URI imageUri;
  private final URI listUri;

  /** The envelope every answer comes in. */
  record Envelope<T>(
      List<T> data, @JsonProperty("_links") PageLinks links, @JsonProperty("_pagination") Pagination pagination) {}

  RawClient(URI baseUri) {
    this.imageUri = URI.create(baseUri + ImagesWire.IMAGES_PATH + "/" + IMAGE_ID);
    this.listUri = URI.create(baseUri + ImagesWire.IMAGES_PATH + "?size=" + PAGE_SIZE);
  }

  @Override
  public Image get() {
    return fetch(imageUri).data().get(0);
  }

  @Override
  public Page<Image> list() {
    Envelope<Image> page = fetch(listUri);
    return new Page<>(page.data(), page.pagination(), page.links());
  }

  private Envelope<Image> fetch(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .header("Authorization", BEARER)
        .header("x-request-id", Contender.uuid4())
        .header("Accept", "application/json")
        .header("User-Agent", "raw-floor/1.0")
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

  /**
   * The floors' shared reading: fail loudly on anything but 200, else one cached Jackson reader.
   *
   * @param status the status code
   * @param body the body
   * @return the envelope
   * @throws IOException if Jackson cannot read it
   */
  static Envelope<Image> parse(int status, byte[] body) throws IOException {
    if (status != 200) {
      throw new IllegalStateException("the canned server answered HTTP " + status);
    }
    return IMAGES.readValue(body);
  }

  @Override
  public void close() {
    // Java 17's HttpClient has nothing to close.
  }
}
