package io.github.contabo4j.images.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.tck.transport.TransportBuilderContract;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared builder rules, plus what only the JDK builder has: its HttpClient. Nothing here opens a socket. */
class JdkImagesClientBuilderTest extends TransportBuilderContract<JdkImagesClient.Builder> {

  @Override
  protected JdkImagesClient.Builder newBuilder() {
    return JdkImagesClient.builder();
  }

  @Override
  protected Built build(JdkImagesClient.Builder builder) {
    try (JdkImagesClient client = builder.build()) {
      return new Built(client.baseUri(), client.requestTimeout(), client.connectTimeout(), client.userAgent(),
          client.traceId(), client.toString());
    }
  }

  @Override
  protected String defaultUserAgent() {
    return "contabo4j-images/0.1.0 java.net.http";
  }

  @Test
  void theHttpClientItBuildsSpeaksHttp11AndNeverFollowsRedirects() {
    try (JdkImagesClient client = builder().build()) {
      assertThat(client.httpClient().followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
      assertThat(client.httpClient().version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }
  }

  @Test
  void aProxyReachesTheHttpClient() {
    try (JdkImagesClient client = builder().proxy(ProxySelector.of(new InetSocketAddress("proxy.example.com", 3128))).build()) {
      assertThat(client.httpClient().proxy()).isPresent();
    }
  }

  @Test
  void nullJdkSettingsNameTheSetting() {
    assertThatThrownBy(() -> builder().executor(null)).hasMessage("executor == null");
    assertThatThrownBy(() -> builder().httpClient(null)).hasMessage("httpClient == null");
  }

  @Test
  void aCallerHttpClientThatFollowsRedirectsIsRejected() {
    for (HttpClient.Redirect redirect : List.of(HttpClient.Redirect.NORMAL, HttpClient.Redirect.ALWAYS)) {
      HttpClient follows = HttpClient.newBuilder().followRedirects(redirect).build();
      assertThat(rejected("httpClient", () -> builder().httpClient(follows)).getMessage()).contains("redirects");
    }
  }

  @Test
  void aCallerHttpClientIsUsedAsIsAndItsSettingsMayNotBeSetTwice() {
    HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    try (JdkImagesClient client = builder().httpClient(own).build()) {
      assertThat(client.httpClient()).isSameAs(own);
      assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
    }
    conflicting("httpClient", () -> builder().httpClient(own).connectTimeout(Duration.ofSeconds(1)).build());
    assertThat(conflicting("httpClient", () -> builder().httpClient(own).proxy(ProxySelector.of(null)).build())
        .getMessage()).contains("proxy");
    assertThat(conflicting("httpClient", () -> builder().httpClient(own).executor(Runnable::run).build())
        .getMessage()).contains("executor");
  }
}
