package io.github.contabo4j.images.transport.feign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link Hc5FeignClient} hands Apache, seen by a stand-in Apache client (the shared wire contract
 * checks the same requests on a real socket).
 */
class Hc5FeignClientTest {
  private static final Request.Options OPTIONS = new Request.Options(5, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, false);

  private final AttemptWatchdog watchdog = new AttemptWatchdog();
  private final Recording http = new Recording();
  private final Hc5FeignClient client = new Hc5FeignClient(http, watchdog);

  @AfterEach
  void close() {
    watchdog.close();
  }

  @Test
  void sendsFeignsUrlAsItIsWithoutDecodingTheQuery() throws IOException {
    String url = "http://127.0.0.1:8080/v1/compute/images?search=a%2Bb%20c&orderBy=name%3Aasc&name=x+y";

    client.execute(request(Request.HttpMethod.GET, url, Map.of(), null), OPTIONS).close();

    assertThat(http.target).isEqualTo(new HttpHost("http", "127.0.0.1", 8080));
    assertThat(http.request.getRequestUri())
        .isEqualTo("/v1/compute/images?search=a%2Bb%20c&orderBy=name%3Aasc&name=x+y");
  }

  @Test
  void aRequestWithoutABodyHasNoEntityAndOneWithABodyHasExactlyItsBytes() throws IOException {
    client.execute(request(Request.HttpMethod.DELETE, "http://h/v1/compute/images/1", Map.of(), null), OPTIONS)
        .close();
    assertThat(http.request.getEntity()).isNull();

    byte[] body = "{\"name\":\"é\"}".getBytes(StandardCharsets.UTF_8);
    client.execute(request(Request.HttpMethod.PATCH, "http://h/v1/compute/images/1",
        Map.of("Content-Type", List.of("application/json"), "Content-Length", List.of("999")), body), OPTIONS).close();
    assertThat(http.request.getEntity().getContentLength()).isEqualTo(body.length);
    assertThat(http.request.getEntity().getContent().readAllBytes()).isEqualTo(body);
    assertThat(http.request.containsHeader("Content-Length")).as("Apache sets it from the entity").isFalse();
    assertThat(http.request.getFirstHeader("Content-Type").getValue()).isEqualTo("application/json");
  }

  @Test
  void keepsTheCallersAcceptAndAddsAnyOtherwise() throws IOException {
    client.execute(request(Request.HttpMethod.GET, "http://h/x", Map.of("accept", List.of("application/json")), null),
        OPTIONS).close();
    assertThat(http.request.getHeaders("Accept")).extracting(h -> h.getValue()).containsExactly("application/json");

    client.execute(request(Request.HttpMethod.GET, "http://h/x", Map.of(), null), OPTIONS).close();
    assertThat(http.request.getFirstHeader("Accept").getValue()).isEqualTo("*/*");
  }

  @Test
  void withinAWatchedAttemptReadsAreUntimedAndTheWatchCanCancelTheRequest() throws IOException {
    try (AttemptWatchdog.Watch watch = watchdog.watch(Duration.ofSeconds(10))) {
      client.execute(request(Request.HttpMethod.GET, "http://h/x", Map.of(), null), OPTIONS).close();

      assertThat(http.request.getConfig().getResponseTimeout()).isEqualTo(Timeout.DISABLED);
      assertThat(http.request.getConfig().isRedirectsEnabled()).isFalse();
      assertThat(http.request.isCancelled()).isFalse();
      watch.check(System.nanoTime() + Duration.ofSeconds(11).toNanos()); // the watchdog's tick past the deadline
      assertThat(watch.cut()).isEqualTo(AttemptWatchdog.Cut.TIMEOUT);
      assertThat(http.request.isCancelled()).as("the watch holds this very request").isTrue();
    }
  }

  @Test
  void outsideAWatchFeignsReadTimeoutApplies() throws IOException {
    client.execute(request(Request.HttpMethod.GET, "http://h/x", Map.of(), null), OPTIONS).close();

    assertThat(http.request.getConfig().getResponseTimeout()).isEqualTo(Timeout.ofSeconds(30));
  }

  @Test
  void theAnswerKeepsStatusHeadersAndBodyAndClosingItClosesTheApacheResponse() throws IOException {
    Response response = client.execute(request(Request.HttpMethod.GET, "http://h/x", Map.of(), null), OPTIONS);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("retry-after")).containsExactly("7");
    assertThat(response.body().length()).isEqualTo(2);
    assertThat(response.body().asInputStream().readAllBytes()).isEqualTo("{}".getBytes(StandardCharsets.US_ASCII));
    response.close();
    assertThat(http.closed).isTrue();
  }

  private static Request request(Request.HttpMethod method, String url, Map<String, List<String>> headers,
      byte @Nullable [] body) {
    Map<String, java.util.Collection<String>> copy = new java.util.LinkedHashMap<>(headers);
    return Request.create(method, url, copy, body, StandardCharsets.UTF_8, null);
  }

  /** Records the last request and answers 200 {@code {}} with a {@code Retry-After}. */
  private static final class Recording extends CloseableHttpClient {
    @Nullable HttpHost target;
    HttpUriRequestBase request;
    boolean closed;

    @Override
    protected CloseableHttpResponse doExecute(@Nullable HttpHost target, ClassicHttpRequest request,
        @Nullable HttpContext context) {
      this.target = target;
      this.request = (HttpUriRequestBase) request;
      BasicClassicHttpResponse response = new BasicClassicHttpResponse(200, "OK") {
        @Override
        public void close() throws IOException {
          closed = true;
          super.close();
        }
      };
      response.addHeader("Retry-After", "7");
      response.setEntity(new ByteArrayEntity("{}".getBytes(StandardCharsets.US_ASCII), null));
      return CloseableHttpResponse.adapt(response);
    }

    @Override
    public void close() {}

    @Override
    public void close(org.apache.hc.core5.io.CloseMode mode) {}
  }
}
