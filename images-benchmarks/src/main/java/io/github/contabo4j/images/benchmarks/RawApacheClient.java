package io.github.contabo4j.images.benchmarks;

import io.github.contabo4j.images.Image;
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
 * reader as {@link RawClient} ({@link RawFloor}). No validation, timeout, retry, rate limit or error
 * mapping.
 */
final class RawApacheClient extends RawFloor {
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

  RawApacheClient(URI baseUri) {
    super(baseUri);
  }

  @Override
  Envelope<Image> fetch(URI uri) {
    HttpGet request = new HttpGet(uri);
    request.setHeader("Authorization", BEARER);
    request.setHeader("x-request-id", Contender.uuid4());
    request.setHeader("Accept", "application/json");
    request.setHeader("User-Agent", USER_AGENT);
    try {
      return http.execute(request, response -> {
        byte[] body = EntityUtils.toByteArray(response.getEntity());
        return parse(response.getCode(), body);
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
