package io.github.contabo4j.images.transport.feign.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.contabo4j.images.internal.wire.WireLog;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.tck.logging.CapturingLogs;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Apache HttpClient 5 logs every header (Authorization included) and every wire byte at DEBUG; the
 * client the Feign builder makes does not, a caller-supplied one does. This module's tests log at
 * TRACE into {@link CapturingLogs}, so Apache's loggers are on throughout.
 */
class QuietConnectionsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(options().dynamicPort().http2PlainDisabled(true)).build();

  private static final String HEADERS = "org.apache.hc.client5.http.headers";
  private static final String WIRE = "org.apache.hc.client5.http.wire";

  @BeforeEach
  void stub() {
    assertThat(CapturingLogs.installed()).as("CapturingLogs is this module's SLF4J binding").isTrue();
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204).withHeader("Retry-After", "3")));
  }

  @Test
  void theClientTheBuilderMakesLogsNoHeaderAndNoWireByte() {
    int apacheBefore = CapturingLogs.events("org.apache.hc").size();
    int quietBefore = headerAndWireEvents().size();
    int wireLogBefore = CapturingLogs.events(WireLog.LOGGER).size();

    try (FeignImagesClient client = FeignImagesClient.builder().baseUri(wm.baseUrl()).token(TestSecrets.ACCESS_TOKEN)
        .resilience(ResiliencePolicy.none()).build()) {
      client.deleteImage("img-1");
      client.deleteImage("img-2");
    }

    assertThat(headerAndWireEvents()).hasSize(quietBefore);
    assertThat(CapturingLogs.events("org.apache.hc").size())
        .as("Apache logged its other lines, so its loggers were on").isGreaterThan(apacheBefore);
    List<CapturingLogs.Event> ours = CapturingLogs.events(WireLog.LOGGER);
    assertThat(ours.subList(wireLogBefore, ours.size())).extracting(CapturingLogs.Event::message)
        .anyMatch(m -> m.startsWith("--> DELETE /v1/compute/images/img-1 x-request-id="))
        .anyMatch(m -> m.startsWith("<-- 204 DELETE /v1/compute/images/img-1 "))
        .contains("<-- retry-after: 3")
        .noneMatch(m -> m.toLowerCase(java.util.Locale.ROOT).contains("authorization"));
    assertThat(wm.getAllServeEvents()).hasSize(2);
  }

  @Test
  void aCallerSuppliedApacheClientKeepsItsOwnLoggingAuthorizationIncluded() throws Exception {
    int before = headerAndWireEvents().size();

    try (CloseableHttpClient own = HttpClients.custom().disableAutomaticRetries().build();
        FeignImagesClient client = FeignImagesClient.builder().baseUri(wm.baseUrl())
            .token(TestSecrets.CALLER_CLIENT_TOKEN).httpClient(own).resilience(ResiliencePolicy.none()).build()) {
      client.deleteImage("img-1");
    }

    List<CapturingLogs.Event> logged = headerAndWireEvents();
    List<CapturingLogs.Event> fresh = logged.subList(before, logged.size());
    assertThat(fresh).extracting(CapturingLogs.Event::message)
        .anyMatch(m -> m.contains("Authorization: Bearer " + TestSecrets.CALLER_CLIENT_TOKEN));
    assertThat(fresh).extracting(CapturingLogs.Event::logger).contains(HEADERS, WIRE);
  }

  private static List<CapturingLogs.Event> headerAndWireEvents() {
    return CapturingLogs.events(e -> e.logger().equals(HEADERS) || e.logger().equals(WIRE));
  }
}
