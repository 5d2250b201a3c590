package io.github.contabo4j.images.internal.wire;

import static io.github.contabo4j.images.internal.wire.Fixtures.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CapturedLogs;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.RateLimitedException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.event.Level;

/** The wire log: request and response lines at DEBUG, allow-listed headers at TRACE, never a secret. */
@ExtendWith(CapturedLogs.Around.class)
class WireLogTest {
  private final List<WireRequest> sent = new ArrayList<>();

  private ImagesPort port(WireImagesPort.Exchange script) {
    return new WireImagesPort(Fixtures.wire(), request -> {
      sent.add(request);
      return script.exchange(request);
    });
  }

  private static List<String> debug() {
    return CapturedLogs.messages(WireLog.LOGGER, Level.DEBUG);
  }

  private static List<String> trace() {
    return CapturedLogs.messages(WireLog.LOGGER, Level.TRACE);
  }

  @Test
  void requestAndResponseLinesAtDebug() {
    ImagesPort port = port(request -> new WireResponse(200, null, example("list-images.json")));

    port.retrieveImageList(ImageListQuery.builder().name("ubuntu").page(2).size(5).build(),
        CallContext.create().withTraceId("deploy-42"));

    String id = sent.get(0).requestId();
    assertThat(debug()).hasSize(2);
    assertThat(debug().get(0)).isEqualTo("--> GET /v1/compute/images?" + sent.get(0).query() + " x-request-id=" + id
        + " x-trace-id=deploy-42");
    assertThat(sent.get(0).query()).contains("page=2").contains("name=ubuntu");
    assertThat(debug().get(1)).matches("<-- 200 GET /v1/compute/images \\(\\d+ ms\\) x-request-id=" + id);
  }

  @Test
  void onlyAllowListedHeadersAtTraceNeverAuthorization() {
    ImagesPort port = port(request -> new WireResponse(429, "7", new byte[0]));

    assertThatThrownBy(() -> port.createCustomImage(
        CreateCustomImage.of("img", "https://example.com/a.qcow2", OsType.LINUX, "1"), CallContext.create()))
        .isInstanceOf(RateLimitedException.class);

    assertThat(sent.get(0).headers()).containsKey("Authorization");
    assertThat(trace()).containsExactly(
        "--> x-request-id: " + sent.get(0).requestId(),
        "--> Accept: application/json",
        "--> Content-Type: application/json",
        "--> User-Agent: " + Fixtures.USER_AGENT,
        "<-- retry-after: 7");
    assertThat(debug().get(1)).startsWith("<-- 429 POST /v1/compute/images (");
    assertNoToken();
  }

  @Test
  void aFailedExchangeIsLoggedWithItsClassOnly() {
    ImagesPort port = port(request -> {
      throw new ConnectException("Connection refused to " + Fixtures.TOKEN);
    });

    assertThatThrownBy(() -> port.retrieveImage("img-1")).isInstanceOf(ImagesTransportException.class);

    assertThat(debug().get(1)).matches("<-- failed GET /v1/compute/images/img-1 \\(\\d+ ms\\) x-request-id="
        + sent.get(0).requestId() + ": ConnectException");
    assertNoToken();
  }

  @Test
  void nothingIsFormattedWhenDebugIsOff() {
    CapturedLogs.off();
    port(request -> new WireResponse(200, null, example("find-image.json")))
        .retrieveImage("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"); // the example's own id

    assertThat(CapturedLogs.events()).isEmpty();
  }

  private static void assertNoToken() {
    String base64 = Base64.getEncoder().encodeToString(Fixtures.TOKEN.getBytes(StandardCharsets.UTF_8));
    assertThat(CapturedLogs.events()).isNotEmpty().allSatisfy(e -> assertThat(e.message())
        .doesNotContain(Fixtures.TOKEN).doesNotContain(base64).doesNotContainIgnoringCase("authorization"));
  }
}
