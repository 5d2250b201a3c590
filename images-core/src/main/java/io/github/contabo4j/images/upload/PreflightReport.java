package io.github.contabo4j.images.upload;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a {@linkplain ImageUploads#preflight preflight} found: one {@link Finding} per problem, never
 * an exception per problem.
 *
 * @param url the source URL as shown: its query string, if any, replaced by {@code <redacted>}
 * @param reachable whether a {@code HEAD} or a ranged {@code GET} was answered 2xx
 * @param sizeBytes the source's size from {@code Content-Length} or {@code Content-Range}, when known
 * @param format what the first bytes are
 * @param bytesRead how many bytes of the body were read: at most {@link ImageUploads#READ_LIMIT}
 * @param findings the problems, in the order found; empty when none
 */
public record PreflightReport(
    String url, boolean reachable, OptionalLong sizeBytes, SourceFormat format, int bytesRead,
    List<Finding> findings) {

  /**
   * Creates a report.
   *
   * @throws NullPointerException if a component is null
   */
  public PreflightReport {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(sizeBytes, "sizeBytes == null");
    Objects.requireNonNull(format, "format == null");
    findings = List.copyOf(findings);
  }

  /** Whether nothing certain speaks against the source (hints may remain). */
  public boolean passed() {
    return findings.stream().noneMatch(f -> f.certainty() == Finding.Certainty.CERTAIN);
  }

  /**
   * Whether some finding is of this kind.
   *
   * @param kind the kind
   * @return true if found
   */
  public boolean has(Finding.Kind kind) {
    return findings.stream().anyMatch(f -> f.kind() == kind);
  }

  /** The findings, one line each, for an exception message or a log line. */
  public List<String> findingLines() {
    return findings.stream().map(Finding::toString).toList();
  }
}
