package io.github.contabo4j.images.benchmarks.generatedclient;

import io.github.contabo4j.images.benchmarks.Contender;
import io.github.contabo4j.images.benchmarks.generated.api.ImagesApi;
import io.github.contabo4j.images.benchmarks.generated.client.ApiClient;
import io.github.contabo4j.images.benchmarks.generated.client.ApiException;
import io.github.contabo4j.images.benchmarks.generated.model.FindImageResponse;
import io.github.contabo4j.images.benchmarks.generated.model.ListImageResponse;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * The openapi-generator {@code native} client as a contender: its {@code ApiClient} with the bearer
 * token and a {@code User-Agent} added by a request interceptor, HTTP/1.1 like the others (the
 * generator's default {@code HttpClient} would try an {@code h2c} upgrade), a fresh UUID4 {@code
 * x-request-id} per call. Answers are parsed into the generated models.
 */
public final class GeneratedContender implements Contender {
  private final ImagesApi api;

  /**
   * Opens the contender.
   *
   * @param baseUri the canned server
   * @param token the bearer token
   */
  public GeneratedContender(URI baseUri, String token) {
    ApiClient client = new ApiClient();
    client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    client.updateBaseUri(baseUri.toString());
    String bearer = "Bearer " + token;
    client.setRequestInterceptor(request -> request.header("Authorization", bearer)
        .header("User-Agent", "openapi-generator-native/7.25.0"));
    this.api = new ImagesApi(client);
  }

  @Override
  public FindImageResponse get() {
    try {
      return api.retrieveImage(Contender.uuid4(), IMAGE_ID, null);
    } catch (ApiException e) {
      throw new IllegalStateException("HTTP " + e.getCode(), e);
    }
  }

  @Override
  public ListImageResponse list() {
    try {
      return api.retrieveImageList(Contender.uuid4(), null, null, (long) PAGE_SIZE, null, null, null, null);
    } catch (ApiException e) {
      throw new IllegalStateException("HTTP " + e.getCode(), e);
    }
  }

  @Override
  public void close() {
    // Java 17's HttpClient has nothing to close.
  }
}
