package io.github.contabo4j.images.tck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageDownloadFailedException;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.MutableClock;
import io.github.contabo4j.images.tck.SecretLeakScanner;
import io.github.contabo4j.images.tck.logging.CapturingLogs;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import io.github.contabo4j.images.upload.EnsureImageException;
import io.github.contabo4j.images.upload.EnsureOptions;
import io.github.contabo4j.images.upload.EnsureResult;
import io.github.contabo4j.images.upload.Finding;
import io.github.contabo4j.images.upload.ImageUploads;
import io.github.contabo4j.images.upload.PreflightOptions;
import io.github.contabo4j.images.upload.PreflightReport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upload workflow keeps its secrets, through a transport's client with a bearer token: neither
 * the token nor a presigned URL's query reaches a log line (every logger at TRACE, {@link
 * CapturingLogs}), an exception, a report or a result's {@code toString()}, and the token never
 * reaches the source host. Extend it with the one hook; the module's SLF4J binding must be {@link
 * CapturingLogs}.
 */
public abstract class UploadLeakContract {
  /** The presigned query's secret part, long and unique enough to scan for. */
  private static final String SIGNATURE = "9f2c1d7e5b3a8c6f4e2d1b0a";
  private static final String QUERY = "X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=" + SIGNATURE;

  private final MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));
  private final List<Map<String, List<String>>> sourceHeaders = new CopyOnWriteArrayList<>();
  private final List<String> sourceQueries = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private FakeImages fake;
  private ImagesPort client;
  private HttpServer source;

  /** For subclasses. */
  protected UploadLeakContract() {}

  /**
   * The hook: a client of the transport under test with {@code ResiliencePolicy.none()}; closed by
   * the suite if {@link AutoCloseable}.
   *
   * @param baseUri the API's base URI
   * @param tokens the token source
   * @return the client
   */
  protected abstract ImagesPort newClient(URI baseUri, TokenSource tokens);

  @BeforeEach
  final void start() throws IOException {
    fake = FakeImages.builder().clock(clock).sleeper(clock.sleeper()).build();
    FakeImagesServer face = FakeImagesServer.builder(fake).acceptToken(TestSecrets.ACCESS_TOKEN).start();
    opened.add(face);
    client = newClient(face.baseUri(), TokenSource.fixed(TestSecrets.ACCESS_TOKEN));
    if (client instanceof AutoCloseable) {
      opened.add((AutoCloseable) client);
    }
    source = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serve("/web.qcow2", qcow2());
    serve("/web.iso", qcow2());
    serve("/packed.qcow2", gzip(qcow2()));
    source.createContext("/moved.qcow2", exchange -> {
      sourceHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
      exchange.getResponseHeaders().add("Location", "http://10.20.30.40/web.qcow2?" + QUERY);
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    source.start();
  }

  @AfterEach
  final void stop() throws Exception {
    source.stop(0);
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  @Test
  void neitherTheTokenNorThePresignedQueryLeaksAndTheTokenNeverReachesTheSource() {
    ImageUploads uploads = ImageUploads.builder(client).clock(clock).sleeper(failingDownloads())
        .preflightOptions(PreflightOptions.defaults().allowingLoopbackForTests()).build();
    List<String> texts = new ArrayList<>();
    List<Throwable> thrown = new ArrayList<>();

    PreflightReport report = uploads.preflight(sourceUrl("/web.qcow2"));
    assertTrue(report.passed(), report.toString());
    texts.add(report.toString());
    PreflightReport refused = uploads.preflight(sourceUrl("/moved.qcow2"));
    assertTrue(refused.has(Finding.Kind.REFUSED_TARGET), refused.toString());
    texts.add(refused.toString());

    EnsureImageException rejected = assertThrows(EnsureImageException.class, () -> uploads.ensureImage(
        CreateCustomImage.of("packed", sourceUrl("/packed.qcow2"), OsType.LINUX, "24.04"),
        EnsureOptions.builder().preflight(true).build()));
    assertEquals(EnsureImageException.Reason.PREFLIGHT, rejected.reason());
    thrown.add(rejected);

    ImageDownloadFailedException failed = assertThrows(ImageDownloadFailedException.class, () -> uploads.ensureImage(
        CreateCustomImage.of("web", sourceUrl("/web.iso"), OsType.LINUX, "24.04"),
        EnsureOptions.builder().preflight(true).waitUntilDownloaded(Duration.ofMinutes(5))
            .onProgress(p -> texts.add(p.toString())).build()));
    assertEquals(FakeImages.DOWNLOAD_FAILED_MESSAGE, failed.errorMessage());
    assertEquals(1, failed.preflightFindings().size(), failed.preflightFindings().toString());
    assertTrue(failed.preflightFindings().get(0).startsWith("EXTENSION_MISMATCH (hint)"), failed.getMessage());
    assertTrue(failed.getMessage().contains("the preflight found: EXTENSION_MISMATCH"), failed.getMessage());
    thrown.add(failed);
    EnsureResult other = uploads.ensureImage(
        CreateCustomImage.of("web", sourceUrl("/other.qcow2"), OsType.LINUX, "24.04"));
    texts.add(other.toString());
    texts.add(other.describe());
    texts.add(uploads.toString());

    List<String> secrets = List.of(TestSecrets.ACCESS_TOKEN, SIGNATURE);
    SecretLeakScanner.assertNoLeak(secrets, texts.toArray(String[]::new));
    thrown.forEach(t -> SecretLeakScanner.assertNoLeak(secrets, t));
    assertTrue(CapturingLogs.installed(), "CapturingLogs$Provider must be this module's SLF4J binding");
    CapturingLogs.assertNoLeak(secrets);
    assertFalse(sourceHeaders.isEmpty());
    assertTrue(sourceQueries.stream().allMatch(q -> q.contains(SIGNATURE)), "the source itself gets its query");
    for (Map<String, List<String>> headers : sourceHeaders) {
      assertFalse(headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("authorization")), headers.toString());
      SecretLeakScanner.assertNoLeak(List.of(TestSecrets.ACCESS_TOKEN), headers.toString());
    }
  }

  /** A sleeper that fails every download in progress, then advances the clock. */
  private io.github.contabo4j.images.Sleeper failingDownloads() {
    return duration -> {
      for (Image image : fake.images()) {
        if (image.isDownloading()) {
          fake.failDownload(image.imageId(), FakeImages.DOWNLOAD_FAILED_MESSAGE);
        }
      }
      clock.advance(duration);
    };
  }

  private String sourceUrl(String path) {
    return "http://127.0.0.1:" + source.getAddress().getPort() + path + "?" + QUERY;
  }

  private void serve(String path, byte[] body) {
    source.createContext(path, exchange -> {
      sourceHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
      sourceQueries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        } catch (IOException e) {
          // the preflight stops reading at its limit
        }
      }
      exchange.close();
    });
  }

  private static byte[] qcow2() {
    byte[] image = new byte[70 * 1024];
    image[0] = 'Q';
    image[1] = 'F';
    image[2] = 'I';
    image[3] = (byte) 0xfb;
    image[7] = 3;
    return image;
  }

  private static byte[] gzip(byte[] content) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }
}
