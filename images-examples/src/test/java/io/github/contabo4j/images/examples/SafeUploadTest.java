package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.contabo4j.images.upload.EnsureImageException;
import io.github.contabo4j.images.upload.EnsureResult;
import io.github.contabo4j.images.upload.ImageUploads;
import io.github.contabo4j.images.upload.PreflightOptions;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's safe-upload snippet against the fake, with a loopback source (loopback allowed for the test). */
class SafeUploadTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));
  private final FakeImages fake = FakeImages.builder().clock(clock).build();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private HttpServer source;
  private ImageUploads uploads;

  @BeforeEach
  void start() throws Exception {
    source = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] qcow2 = new byte[4096];
    qcow2[0] = 'Q';
    qcow2[1] = 'F';
    qcow2[2] = 'I';
    qcow2[3] = (byte) 0xfb;
    qcow2[7] = 3;
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0};
    source.createContext("/web-base.qcow2", e -> answer(e, qcow2));
    source.createContext("/packed.qcow2", e -> answer(e, gzip));
    source.start();
    uploads = ImageUploads.builder(fake).clock(clock).sleeper(clock.sleeper())
        .preflightOptions(PreflightOptions.defaults().allowingLoopbackForTests()).build();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange e, byte[] body) throws java.io.IOException {
    boolean head = e.getRequestMethod().equals("HEAD");
    e.sendResponseHeaders(200, head ? -1 : body.length);
    if (!head) {
      e.getResponseBody().write(body);
    }
    e.close();
  }

  @AfterEach
  void stop() {
    source.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + source.getAddress().getPort() + path + "?X-Amz-Signature=abc123";
  }

  @Test
  void createsWaitsWithProgressAndThenFindsItAgain() {
    EnsureResult first = SafeUpload.webBase(uploads, url("/web-base.qcow2"), new PrintStream(out, true));
    EnsureResult again = SafeUpload.webBase(uploads, url("/web-base.qcow2"), new PrintStream(out, true));

    assertThat(first.outcome()).isEqualTo(EnsureResult.Outcome.CREATED);
    assertThat(first.isDownloaded()).isTrue();
    assertThat(again.outcome()).isEqualTo(EnsureResult.Outcome.EXISTS);
    assertThat(again.image().imageId()).isEqualTo(first.image().imageId());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("downloading: 0 MB after PT0S", "downloaded: 1024 MB").doesNotContain("abc123");
  }

  @Test
  void aCompressedSourceIsStoppedBeforeTheCreate() {
    assertThatThrownBy(() -> SafeUpload.webBase(uploads, url("/packed.qcow2"), new PrintStream(out, true)))
        .isInstanceOfSatisfying(EnsureImageException.class,
            e -> assertThat(e.reason()).isEqualTo(EnsureImageException.Reason.PREFLIGHT));
    assertThat(fake.images()).noneMatch(i -> !i.standardImage());
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("COMPRESSED").doesNotContain("abc123");
  }
}
