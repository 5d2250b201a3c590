package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.contabo4j.images.Image;
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
import java.util.List;
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
    SafeUpload.webBase(uploads, url("/web-base.qcow2"), new PrintStream(out, true));
    SafeUpload.webBase(uploads, url("/web-base.qcow2"), new PrintStream(out, true));

    List<Image> named = fake.images().stream().filter(i -> "web-base".equals(i.name())).toList();
    assertThat(named).singleElement().satisfies(i -> assertThat(i.isDownloaded()).isTrue());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("downloading: 0 MB after PT0S", "downloaded: 1024 MB", ") created from http://127.0.0.1:",
        ") exists from http://127.0.0.1:", "web-base.qcow2?<redacted>").doesNotContain("abc123");
  }

  @Test
  void aCompressedSourceIsStoppedBeforeTheCreate() {
    SafeUpload.webBase(uploads, url("/packed.qcow2"), new PrintStream(out, true));

    assertThat(fake.images()).noneMatch(i -> !i.standardImage());
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("PREFLIGHT: ", "COMPRESSED (certain)", "nothing was created")
        .doesNotContain("abc123");
  }
}
