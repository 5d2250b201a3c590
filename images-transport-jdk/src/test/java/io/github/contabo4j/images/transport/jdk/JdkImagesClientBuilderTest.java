package io.github.contabo4j.images.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.InvalidRequestException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder's defaults and rules; nothing here opens a socket. */
class JdkImagesClientBuilderTest {

  private static JdkImagesClient.Builder builder() {
    return JdkImagesClient.builder().token("builder-test-token");
  }

  @Test
  void defaultsAreAppliedInBuild() {
    try (JdkImagesClient client = builder().build()) {
      assertThat(client.baseUri()).isEqualTo(URI.create("https://api.contabo.com"));
      assertThat(client.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(client.connectTimeout()).contains(Duration.ofSeconds(10));
      assertThat(client.userAgent()).isEqualTo("contabo4j-images/0.1.0 java.net.http");
      assertThat(client.traceId()).isEmpty();
      assertThat(client.httpClient().followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
      assertThat(client.httpClient().version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }
  }

  @Test
  void settingsAreKept() {
    try (JdkImagesClient client = builder()
        .baseUri("https://api.example.com/contabo/")
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .userAgent("my-app/1.0")
        .traceId("app-wide")
        .proxy(ProxySelector.of(new InetSocketAddress("proxy.example.com", 3128)))
        .build()) {
      assertThat(client.baseUri()).isEqualTo(URI.create("https://api.example.com/contabo"));
      assertThat(client.connectTimeout()).contains(Duration.ofSeconds(2));
      assertThat(client.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
      assertThat(client.userAgent()).isEqualTo("my-app/1.0");
      assertThat(client.traceId()).contains("app-wide");
      assertThat(client.httpClient().proxy()).isPresent();
    }
  }

  @Test
  void httpsAndLoopbackHttpBaseUrisAreAccepted() {
    for (String uri : List.of("https://api.contabo.com", "https://10.0.0.1:8443/prefix", "http://localhost:8080",
        "http://LOCALHOST", "http://127.0.0.1:1", "http://127.1.2.3:8080", "http://127.255.255.255",
        "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]/")) {
      assertThat(builder().baseUri(uri)).as(uri).isNotNull();
    }
  }

  @Test
  void plainHttpOffLoopbackIsRejected() {
    for (String uri : List.of("http://example.com", "http://api.contabo.com", "http://128.0.0.1",
        "http://10.0.0.1", "http://127.0.0.1.example.com", "http://localhost.example.com", "http://[::2]")) {
      assertThatThrownBy(() -> builder().baseUri(uri))
          .as(uri)
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo("baseUri");
            assertThat(e.rule()).contains("https").contains("loopback");
          });
    }
  }

  @Test
  void otherBadBaseUrisAreRejectedWithoutEchoingThem() {
    for (String uri : List.of("ftp://api.contabo.com", "api.contabo.com", "/v1", "https://", "https://ex ample.com",
        "https://api.contabo.com?x=secret-q", "https://api.contabo.com#secret-f", "mailto:secret-m@example.com",
        "http://0127.0.0.1", "http://127.0.0.256")) {
      assertThatThrownBy(() -> builder().baseUri(uri))
          .as(uri)
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("baseUri"))
          .hasMessageNotContaining("secret")
          .hasMessageNotContaining("ex ample");
    }
  }

  @Test
  void aBaseUriWithUserInfoIsRejectedWithoutEchoingTheCredentials() {
    assertThatThrownBy(() -> builder().baseUri("https://user:hunter2@api.contabo.com"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("baseUri");
          assertThat(e.rule()).contains("user-info");
        })
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> builder().baseUri(URI.create("http://user@localhost:8080")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("user-info");
  }

  @Test
  void timeoutsMustBePositiveAndFinite() {
    for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(2))) {
      assertThatThrownBy(() -> builder().requestTimeout(bad))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("requestTimeout"));
      assertThatThrownBy(() -> builder().connectTimeout(bad))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("connectTimeout"));
    }
    assertThatThrownBy(() -> builder().requestTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("requestTimeout == null");
  }

  @Test
  void nullSettingsNameTheSetting() {
    assertThatThrownBy(() -> builder().baseUri((String) null)).hasMessage("baseUri == null");
    assertThatThrownBy(() -> builder().tokenSource(null)).hasMessage("tokenSource == null");
    assertThatThrownBy(() -> builder().proxy(null)).hasMessage("proxy == null");
    assertThatThrownBy(() -> builder().sslContext(null)).hasMessage("sslContext == null");
    assertThatThrownBy(() -> builder().executor(null)).hasMessage("executor == null");
    assertThatThrownBy(() -> builder().clock(null)).hasMessage("clock == null");
    assertThatThrownBy(() -> builder().httpClient(null)).hasMessage("httpClient == null");
  }

  @Test
  void aTokenSourceIsRequired() {
    assertThatThrownBy(() -> JdkImagesClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tokenSource is required");
  }

  @Test
  void aBadTokenUserAgentOrTraceIdIsRejectedAtBuild() {
    assertThatThrownBy(() -> JdkImagesClient.builder().token("has space"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("accessToken"))
        .hasMessageNotContaining("has space");
    assertThatThrownBy(() -> builder().userAgent("agent\r\nX-Evil: 1").build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("userAgent"));
    assertThatThrownBy(() -> builder().traceId("trace\n").build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("x-trace-id"));
  }

  @Test
  void aCallerHttpClientThatFollowsRedirectsIsRejected() {
    for (HttpClient.Redirect redirect : List.of(HttpClient.Redirect.NORMAL, HttpClient.Redirect.ALWAYS)) {
      HttpClient follows = HttpClient.newBuilder().followRedirects(redirect).build();
      assertThatThrownBy(() -> builder().httpClient(follows))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo("httpClient");
            assertThat(e.rule()).contains("redirects");
          });
    }
  }

  @Test
  void aCallerHttpClientIsUsedAsIsAndItsSettingsMayNotBeSetTwice() {
    HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    try (JdkImagesClient client = builder().httpClient(own).build()) {
      assertThat(client.httpClient()).isSameAs(own);
      assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
    }
    assertThatThrownBy(() -> builder().httpClient(own).connectTimeout(Duration.ofSeconds(1)).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("httpClient"));
    assertThatThrownBy(() -> builder().httpClient(own).proxy(ProxySelector.of(null)).build())
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void toStringNeverShowsTheToken() {
    try (JdkImagesClient client = builder().build()) {
      assertThat(client.toString()).contains("api.contabo.com").doesNotContain("builder-test-token");
    }
  }
}
