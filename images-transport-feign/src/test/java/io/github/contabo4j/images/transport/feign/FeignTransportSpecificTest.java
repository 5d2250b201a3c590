package io.github.contabo4j.images.transport.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only the Feign transport needs proving: one retry layer, Apache client handling, query assembly. */
class FeignTransportSpecificTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(options().dynamicPort().http2PlainDisabled(true)).build();

  private FeignImagesClient client;

  @BeforeEach
  void setUp() {
    client = FeignImagesClient.builder().baseUri(wm.baseUrl()).token(TestSecrets.ACCESS_TOKEN).resilience(ResiliencePolicy.none()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static final String LIST_BODY =
      "{\"data\":[],\"_links\":{\"self\":\"/v1/compute/images\",\"first\":\"x\",\"last\":\"x\"},"
          + "\"_pagination\":{\"page\":1,\"size\":10,\"totalElements\":0,\"totalPages\":0}}";

  @Test
  void queryIsAssembledFromCoreEncodingWithoutDoubleEncoding() {
    wm.stubFor(get(urlPathEqualTo("/v1/compute/images")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(LIST_BODY)));
    client.retrieveImageList(ImageListQuery.builder().page(2).search("windows or Debian & #1+")
        .orderBy(SortOrder.asc("name"), SortOrder.desc("creationDate")).build());
    String url = wm.getAllServeEvents().get(0).getRequest().getUrl();
    assertThat(url).isEqualTo(
        "/v1/compute/images?page=2&orderBy=name%3Aasc&orderBy=creationDate%3Adesc&search=windows%20or%20Debian%20%26%20%231%2B");
  }

  @Test
  void getAnswered503WithRetryAfterIsSentExactlyOnce() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")
        .withBody("{\"statusCode\":503,\"message\":\"busy\"}")));
    assertThatThrownBy(() -> client.retrieveCustomImagesStats())
        .isInstanceOf(ServerErrorException.class)
        .satisfies(e -> assertThat(((ServerErrorException) e).retryAfter()).contains(Duration.ofSeconds(1)));
    wm.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  void getAnsweredWithEmptyResponseIsSentExactlyOnce() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThatThrownBy(() -> client.retrieveImage("abc"))
        .isInstanceOf(ImagesTransportException.class)
        .satisfies(e -> assertThat(((ImagesTransportException) e).delivery()).isEqualTo(Delivery.MAYBE_PROCESSED));
    wm.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  void postWithResetIsSentExactlyOnce() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client.createCustomImage(
            CreateCustomImage.of("n", "https://example.com/a.iso", OsType.LINUX, "1")))
        .isInstanceOf(ImagesTransportException.class)
        .satisfies(e -> assertThat(((ImagesTransportException) e).delivery()).isEqualTo(Delivery.MAYBE_PROCESSED));
    wm.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void callerSuppliedClientThatRetriesIsRejected() {
    try (CloseableHttpClient retrying = HttpClients.createDefault()) {
      assertThatThrownBy(() -> FeignImagesClient.builder().baseUri(wm.baseUrl()).token(TestSecrets.CALLER_CLIENT_TOKEN).httpClient(retrying).build())
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("httpClient must be built with disableAutomaticRetries()");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void callerSuppliedClientIsUsedAndNeverClosed() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    try (CloseableHttpClient own = HttpClients.custom().disableAutomaticRetries().build()) {
      FeignImagesClient c = FeignImagesClient.builder().baseUri(wm.baseUrl()).token(TestSecrets.CALLER_CLIENT_TOKEN).httpClient(own).build();
      c.deleteImage("img-1");
      c.close();
      // still usable: the adapter did not close the caller's client
      FeignImagesClient again = FeignImagesClient.builder().baseUri(wm.baseUrl()).token(TestSecrets.CALLER_CLIENT_TOKEN).httpClient(own).build();
      again.deleteImage("img-2");
      again.close();
    }
    assertThat(wm.getAllServeEvents()).hasSize(2);
  }

  @Test
  void closedClientFailsClearly() {
    client.close();
    assertThatThrownBy(() -> client.retrieveImage("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FeignImagesClient is closed");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
