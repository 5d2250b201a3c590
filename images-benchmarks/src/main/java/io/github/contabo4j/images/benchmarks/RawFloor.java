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
import java.net.URI;
import java.util.List;

/**
 * What both floors share: the two URIs, the headers' values, and the reading (one cached {@link
 * ObjectReader} of core's configured mapper into the same records, failing loudly on anything but
 * 200). A floor adds only the HTTP engine: {@link #fetch}.
 */
abstract class RawFloor implements Contender {
  private static final ObjectReader IMAGES = WireJson.MAPPER.readerFor(new TypeReference<Envelope<Image>>() {});

  /** The {@code Authorization} header's value. */
  static final String BEARER = "Bearer " + TOKEN;
  /** The {@code User-Agent} both floors send. */
  static final String USER_AGENT = "raw-floor/1.0";

  private final URI imageUri;
  private final URI listUri;

  /** The envelope every answer comes in. */
  record Envelope<T>(
      List<T> data, @JsonProperty("_links") PageLinks links, @JsonProperty("_pagination") Pagination pagination) {}

  RawFloor(URI baseUri) {
    this.imageUri = URI.create(baseUri + ImagesWire.IMAGES_PATH + "/" + IMAGE_ID);
    this.listUri = URI.create(baseUri + ImagesWire.IMAGES_PATH + "?size=" + PAGE_SIZE);
  }

  @Override
  public final Image get() {
    return fetch(imageUri).data().get(0);
  }

  @Override
  public final Page<Image> list() {
    Envelope<Image> page = fetch(listUri);
    return new Page<>(page.data(), page.pagination(), page.links());
  }

  /**
   * One {@code GET} with the bearer token, a fresh UUID4 {@code x-request-id}, {@code Accept} and
   * {@code User-Agent}, the body read by {@link #parse}.
   *
   * @param uri the URI
   * @return the parsed envelope
   */
  abstract Envelope<Image> fetch(URI uri);

  /**
   * Fails loudly on anything but 200, else reads the body with the one cached reader.
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
}
