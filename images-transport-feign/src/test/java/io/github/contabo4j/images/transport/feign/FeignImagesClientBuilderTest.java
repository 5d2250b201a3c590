package io.github.contabo4j.images.transport.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.tck.transport.TransportBuilderContract;
import java.net.ProxySelector;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;

/** The shared builder rules, plus what only the Feign builder has: its Apache client and pool. Opens no socket. */
class FeignImagesClientBuilderTest extends TransportBuilderContract<FeignImagesClient.Builder> {

  @Override
  protected FeignImagesClient.Builder newBuilder() {
    return FeignImagesClient.builder();
  }

  @Override
  protected Built build(FeignImagesClient.Builder builder) {
    try (FeignImagesClient client = builder.build()) {
      return new Built(client.baseUri(), client.requestTimeout(), client.connectTimeout(), client.userAgent(),
          client.traceId(), client.toString());
    }
  }

  @Override
  protected String defaultUserAgent() {
    return "contabo4j-images/0.1.0 feign-hc5";
  }

  @Test
  void thePoolSizeDefaultsTo20AndMustBeAtLeastOne() {
    assertThat(FeignImagesClient.Builder.DEFAULT_MAX_CONNECTIONS).isEqualTo(20);
    assertThat(builder().maxConnections(1)).isNotNull();
    rejected("maxConnections", () -> builder().maxConnections(0));
  }

  @Test
  void nullFeignSettingsNameTheSetting() {
    assertThatThrownBy(() -> builder().httpClient(null)).hasMessage("httpClient == null");
  }

  @Test
  void aCallerClientHasNoConnectTimeoutHereAndItsSettingsMayNotBeSetTwice() throws Exception {
    try (CloseableHttpClient own = HttpClients.custom().disableAutomaticRetries().build()) {
      Built built = build(builder().httpClient(own));
      assertThat(built.connectTimeout()).isEmpty();

      conflicting("httpClient", () -> builder().httpClient(own).connectTimeout(Duration.ofSeconds(1)).build());
      conflicting("httpClient", () -> builder().httpClient(own).proxy(ProxySelector.of(null)).build());
    }
  }

  @Test
  void aClosedClientSaysSo() {
    FeignImagesClient client = builder().build();
    client.close();

    assertThat(client.toString()).contains("closed").doesNotContain(TOKEN);
    assertThatThrownBy(client::retrieveCustomImagesStats).isInstanceOf(IllegalStateException.class);
  }
}
