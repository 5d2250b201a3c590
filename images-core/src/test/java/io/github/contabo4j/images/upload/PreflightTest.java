package io.github.contabo4j.images.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.CapturedLogs;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.upload.Finding.Certainty;
import io.github.contabo4j.images.upload.Finding.Kind;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preflight against real file headers served by a loopback server (loopback allowed for tests). */
class PreflightTest {
  private static final PreflightOptions LOOPBACK = PreflightOptions.defaults().allowingLoopbackForTests();
  private SourceServer server;
  private ImageUploads uploads;

  @BeforeEach
  void start() throws Exception {
    server = new SourceServer();
    uploads = ImageUploads.builder(new StatsPortBase(50_000)).preflightOptions(LOOPBACK).build();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aQcow2V3HeaderPassesWithItsSizeFromContentRange() {
    byte[] image = ImageFiles.qcow2v3();
    server.file("/disk.qcow2", image);

    PreflightReport report = uploads.preflight(server.url("/disk.qcow2"));

    assertThat(report.findings()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(report.reachable()).isTrue();
    assertThat(report.format()).isEqualTo(SourceFormat.QCOW2);
    assertThat(report.sizeBytes()).hasValue(image.length);
    assertThat(report.bytesRead()).isEqualTo(ImageUploads.READ_LIMIT);
    assertThat(server.requestsTo("/disk.qcow2")).extracting(SourceServer.Request::method).containsExactly("HEAD", "GET");
    assertThat(server.requestsTo("/disk.qcow2").get(1).headers()).containsEntry("range", "bytes=0-65535");
  }

  @Test
  void anIso9660PrimaryVolumeDescriptorIsAnIso() {
    server.file("/installer.iso", ImageFiles.iso9660());

    PreflightReport report = uploads.preflight(server.url("/installer.iso"));

    assertThat(report.format()).isEqualTo(SourceFormat.ISO);
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void aGzipCompressedQcow2IsACertainFinding() throws Exception {
    server.file("/disk.qcow2", ImageFiles.gzip(ImageFiles.qcow2v3()));

    PreflightReport report = uploads.preflight(server.url("/disk.qcow2"));

    assertThat(report.format()).isEqualTo(SourceFormat.GZIP);
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.COMPRESSED);
      assertThat(f.certainty()).isEqualTo(Certainty.CERTAIN);
      assertThat(f.detail()).contains("gzip", "uncompressed qcow2");
    });
    assertThat(report.passed()).isFalse();
  }

  @Test
  void aQcow2WithABackingFileIsACertainFinding() {
    server.file("/overlay.qcow2", ImageFiles.qcow2(3, 0x200, 0));

    PreflightReport report = uploads.preflight(server.url("/overlay.qcow2"));

    assertThat(report.format()).isEqualTo(SourceFormat.QCOW2);
    assertThat(report.findings()).extracting(Finding::kind).containsExactly(Kind.QCOW2_BACKING_FILE);
    assertThat(report.passed()).isFalse();
  }

  @Test
  void anEncryptedOrUnknownVersionQcow2IsACertainFinding() {
    server.file("/enc.qcow2", ImageFiles.qcow2(2, 0, 1)).file("/v9.qcow2", ImageFiles.qcow2(9, 0, 0));

    assertThat(uploads.preflight(server.url("/enc.qcow2")).findings()).extracting(Finding::kind)
        .containsExactly(Kind.QCOW2_ENCRYPTED);
    assertThat(uploads.preflight(server.url("/v9.qcow2")).findings()).extracting(Finding::kind)
        .containsExactly(Kind.QCOW2_UNSUPPORTED_VERSION);
  }

  @Test
  void anIsoUrlServingQcow2BytesIsReadByContentAndTheMismatchIsAHint() {
    server.file("/named-wrong.iso", ImageFiles.qcow2v3());

    PreflightReport report = uploads.preflight(server.url("/named-wrong.iso"));

    assertThat(report.format()).isEqualTo(SourceFormat.QCOW2);
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.EXTENSION_MISMATCH);
      assertThat(f.certainty()).isEqualTo(Certainty.HINT);
    });
    assertThat(report.passed()).isTrue();
  }

  @Test
  void aServerRefusingHeadIsReachedWithARangedGet() {
    byte[] image = ImageFiles.qcow2v3();
    server.refusingHead("/disk.qcow2", image);

    PreflightReport report = uploads.preflight(server.url("/disk.qcow2"));

    assertThat(report.reachable()).isTrue();
    assertThat(report.format()).isEqualTo(SourceFormat.QCOW2);
    assertThat(report.sizeBytes()).hasValue(image.length);
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void aRedirectChainIsFollowedHopByHop() {
    server.redirect("/a.qcow2", "/b.qcow2").redirect("/b.qcow2", server.url("/disk.qcow2"))
        .file("/disk.qcow2", ImageFiles.qcow2v3());

    PreflightReport report = uploads.preflight(server.url("/a.qcow2"));

    assertThat(report.format()).isEqualTo(SourceFormat.QCOW2);
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void moreRedirectsThanAllowedStop() {
    for (int i = 0; i < 5; i++) {
      server.redirect("/r" + i + ".qcow2", "/r" + (i + 1) + ".qcow2");
    }

    PreflightReport report = uploads.preflight(server.url("/r0.qcow2"));

    assertThat(report.findings()).extracting(Finding::kind).containsExactly(Kind.TOO_MANY_REDIRECTS);
    assertThat(server.requestsTo("/r4.qcow2")).isEmpty();
  }

  @Test
  void aRedirectToAPrivateOrMetadataAddressIsRefusedWithoutContactingIt() {
    server.redirect("/private.qcow2", "http://10.1.2.3/disk.qcow2")
        .redirect("/metadata.qcow2", "http://169.254.169.254/latest/meta-data/x.qcow2");

    PreflightReport toPrivate = uploads.preflight(server.url("/private.qcow2"));
    PreflightReport toMetadata = uploads.preflight(server.url("/metadata.qcow2"));

    assertThat(toPrivate.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.REFUSED_TARGET);
      assertThat(f.detail()).contains("10.1.2.3", "a private address");
    });
    assertThat(toMetadata.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.REFUSED_TARGET);
      assertThat(f.detail()).contains("169.254.169.254", "cloud metadata");
    });
    assertThat(toPrivate.reachable()).isFalse();
    assertThat(toPrivate.passed()).isFalse();
  }

  @Test
  void loopbackIsRefusedAfterDnsResolutionUnlessAllowed() {
    server.file("/disk.qcow2", ImageFiles.qcow2v3());
    ImageUploads strict = ImageUploads.over(new StatsPortBase(50_000));

    PreflightReport byName = strict.preflight("http://localhost:" + server.port() + "/disk.qcow2");
    PreflightReport byAddress = strict.preflight(server.url("/disk.qcow2"));

    assertThat(byName.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.REFUSED_TARGET);
      assertThat(f.detail()).contains("localhost resolves to", "loopback");
    });
    assertThat(byAddress.has(Kind.REFUSED_TARGET)).isTrue();
    assertThat(server.requests).isEmpty();
  }

  @Test
  void aServerThatWouldStreamGigabytesIsReadOnlyUpToTheLimit() throws Exception {
    server.endless("/huge.qcow2", Arrays.copyOf(ImageFiles.qcow2v3(), 104));

    PreflightReport report = uploads.preflight(server.url("/huge.qcow2"));

    assertThat(report.bytesRead()).isEqualTo(ImageUploads.READ_LIMIT);
    assertThat(report.format()).isEqualTo(SourceFormat.QCOW2);
    assertThat(report.sizeBytes()).hasValue(4L * 1024 * 1024 * 1024);
    assertThat(server.streamCut.await(20, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
    assertThat(server.streamed.get()).as("bytes the server got out before the close").isLessThan(64L * 1024 * 1024);
  }

  @Test
  void anErrorStatusIsACertainUnreachableFinding() {
    server.status("/gone.qcow2", 404);

    PreflightReport report = uploads.preflight(server.url("/gone.qcow2"));

    assertThat(report.reachable()).isFalse();
    assertThat(report.format()).isEqualTo(SourceFormat.NOT_READ);
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.UNREACHABLE);
      assertThat(f.certainty()).isEqualTo(Certainty.CERTAIN);
      assertThat(f.detail()).contains("404");
    });
  }

  @Test
  void aSourceLargerThanTheFreeStorageIsACertainFinding() {
    server.file("/disk.qcow2", ImageFiles.qcow2v3());
    ImageUploads full = ImageUploads.builder(new StatsPortBase(0)).preflightOptions(LOOPBACK).build();

    PreflightReport report = full.preflight(server.url("/disk.qcow2"));

    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
      assertThat(f.detail()).contains("needs about 1 MB", "only 0 MB");
    });
  }

  @Test
  void theQueryOfAPresignedUrlNeverShowsInTheReportOrTheLogsAndTheSourceSeesNoOtherHeaders() {
    String signature = "X-Amz-Signature=5ec12e7a9b3c44d1f0aa";
    server.redirect("/signed.qcow2", "/private-next.qcow2").redirect("/private-next.qcow2", "http://10.9.9.9/x.qcow2");
    CapturedLogs.start();
    PreflightReport report = uploads.preflight(server.url("/signed.qcow2?" + signature));
    var events = CapturedLogs.stop();

    assertThat(report.url()).endsWith("/signed.qcow2?<redacted>");
    assertThat(report.toString()).doesNotContain("5ec12e7a9b3c44d1f0aa");
    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain("5ec12e7a9b3c44d1f0aa"));
    assertThat(server.requests).isNotEmpty().allSatisfy(r -> assertThat(r.headers().keySet())
        .isSubsetOf("user-agent", "range", "host", "connection", "content-length"));
    assertThat(server.requests).noneSatisfy(r -> assertThat(r.headers()).containsKey("authorization"));
  }

  @Test
  void aMalformedUrlIsRejectedBeforeAnyIo() {
    assertThatThrownBy(() -> uploads.preflight("ftp://example.com/disk.qcow2"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("url");
    assertThat(server.requests).isEmpty();
  }

  @Test
  void optionsRejectOutOfRangeValuesNamingTheField() {
    assertThatThrownBy(() -> PreflightOptions.defaults().withMaxRedirects(11)).hasMessageContaining("maxRedirects");
    assertThatThrownBy(() -> PreflightOptions.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("connectTimeout");
  }
}
