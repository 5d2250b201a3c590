package io.github.contabo4j.images.internal.upload;

import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.upload.Finding;
import io.github.contabo4j.images.upload.Finding.Certainty;
import io.github.contabo4j.images.upload.Finding.Kind;
import io.github.contabo4j.images.upload.PreflightReport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A whole preflight: the probe, then the quota comparison through the port. */
public final class Preflights {
  private static final long MB = 1024L * 1024L;

  private Preflights() {}

  /**
   * Runs a preflight.
   *
   * @param probe the probe
   * @param port where the storage statistics come from
   * @param url the source URL, already validated
   * @return the report
   */
  public static PreflightReport run(SourceProbe probe, ImagesPort port, String url) {
    SourceProbe.Probed probed = probe.probe(URI.create(url));
    List<Finding> findings = new ArrayList<>(probed.findings());
    if (probed.reachable()) {
      if (probed.sizeBytes().isEmpty()) {
        findings.add(new Finding(Kind.QUOTA_NOT_CHECKED, Certainty.HINT, "the source's size is unknown"));
      } else {
        quota(port, ceilMb(probed.sizeBytes().getAsLong()), findings);
      }
    }
    return PreflightReport.builder()
        .url(SourceUrls.display(url))
        .reachable(probed.reachable())
        .sizeBytes(probed.sizeBytes())
        .format(probed.format())
        .bytesRead(probed.bytesRead())
        .findings(findings)
        .build();
  }

  private static void quota(ImagesPort port, long needMb, List<Finding> findings) {
    ImageStats stats;
    try {
      stats = port.retrieveCustomImagesStats();
    } catch (ImagesException e) {
      findings.add(new Finding(Kind.QUOTA_NOT_CHECKED, Certainty.HINT,
          "the storage statistics could not be read (" + e.getClass().getSimpleName() + ")"));
      return;
    }
    if (needMb > stats.freeSizeMb()) {
      findings.add(new Finding(Kind.QUOTA_EXCEEDED, Certainty.CERTAIN, "the source needs about " + needMb
          + " MB, but only " + stats.freeSizeMb() + " MB of " + stats.totalSizeMb() + " MB custom-image storage are free"));
    }
  }

  /**
   * Bytes to MB (MiB, 1,048,576 bytes), rounded up.
   *
   * @param bytes a size
   * @return the MB
   */
  public static long ceilMb(long bytes) {
    return (bytes + MB - 1) / MB;
  }
}
