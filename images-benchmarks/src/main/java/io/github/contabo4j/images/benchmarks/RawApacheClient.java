package io.github.contabo4j.images.benchmarks;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The Feign transport's floor: the least code that makes the same call on the same engine, Apache
 * HttpClient 5 (classic, pooled: {@link Contender#MAX_CONNECTIONS} connections, total and per route,
 * as the Feign transport's default), the same headers, the body read by the same cached Jackson
 * reader as {@link RawClient}. No validation, timeout, retry, rate limit or error mapping.
 */
final class RawApacheClient implements Contender {
  private final CloseableHttpClient http = HttpClients.custom()
      .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
          .setMaxConnTotal(MAX_CONNECTIONS)
          .setMaxConnPerRoute(MAX_CONNECTIONS)
          .build())
      .disableAutomaticRetries()
      .disableRedirectHandling()
      .disableCookieManagement()
      .disableAuthCaching()
      .build();
  private final URI imageUri;
  private final URI listUri;

  RawApacheClient(URI baseUri) {
    this.imageUri = URI.create(baseUri + ImagesWire.IMAGES_PATH + "/" + IMAGE_ID);
    this.listUri = URI.create(baseUri + ImagesWire.IMAGES_PATH + "?size=" + PAGE_SIZE);
  }

  @Override
  public Image get() {
    return fetch(imageUri).data().get(0);
  }

  @Override
  public Page<Image> list() {
    RawClient.Envelope<Image> page = fetch(listUri);
    return new Page<>(page.data(), page.pagination(), page.links());
  }

  private RawClient.Envelope<Image> fetch(URI uri) {
    HttpGet request = new HttpGet(uri);
    request.setHeader("Authorization", RawClient.BEARER);
    request.setHeader("x-request-id", Contender.uuid4());
    request.setHeader("Accept", "application/json");
    request.setHeader("User-Agent", "raw-floor/1.0");
    try {
      return http.execute(request, response -> {
        byte[] body = EntityUtils.toByteArray(response.getEntity());
        return RawClient.parse(response.getCode(), body);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
