package io.github.contabo4j.images.upload;

import java.util.Objects;

/**
 * One problem a {@linkplain ImageUploads#preflight preflight} found with an image source. The detail
 * never holds a URL's query string (a presigned URL's query is a credential).
 *
 * @param kind what kind of problem
 * @param certainty whether it certainly makes the download fail or is only a hint
 * @param detail one line, for people
 */
public record Finding(Kind kind, Certainty certainty, String detail) {

  /**
   * Creates a finding.
   *
   * @throws NullPointerException if a component is null
   */
  public Finding {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(certainty, "certainty == null");
    Objects.requireNonNull(detail, "detail == null");
  }

  /** How sure a finding is; {@code docs/ASSUMPTIONS.md} gives the reasoning per kind. */
  public enum Certainty {
    /** Read from the source's answer; Contabo's documented rules reject such a source. */
    CERTAIN,
    /** Worth a look; the download may still work (or fail for a reason a header cannot show). */
    HINT
  }

  /** The kinds of problem. */
  public enum Kind {
    /** The target is loopback, private, link-local, cloud metadata or otherwise not public (certain). */
    REFUSED_TARGET,
    /** The source answered with an error status (certain) or could not be reached from here (hint). */
    UNREACHABLE,
    /** More redirects than the preflight follows (hint: Contabo may follow more). */
    TOO_MANY_REDIRECTS,
    /** A redirect went from https to http (hint). */
    HTTPS_DOWNGRADE,
    /** A compressed container (gzip, xz, zip, bzip2, zstd): Contabo needs the raw image (certain). */
    COMPRESSED,
    /** Neither QCOW2 nor ISO 9660 by content (certain). */
    UNKNOWN_FORMAT,
    /** A QCOW2 version other than 2 or 3 (certain). */
    QCOW2_UNSUPPORTED_VERSION,
    /** A QCOW2 with a backing file: it is not a whole disk on its own (certain). */
    QCOW2_BACKING_FILE,
    /** An encrypted QCOW2 (certain). */
    QCOW2_ENCRYPTED,
    /** A QCOW2 v3 with an external data file (certain). */
    QCOW2_EXTERNAL_DATA_FILE,
    /** The URL's extension says one format, the content another (hint). */
    EXTENSION_MISMATCH,
    /** The source is larger than the free custom-image storage (certain). */
    QUOTA_EXCEEDED,
    /** The size or the free storage is unknown, so the quota was not compared (hint). */
    QUOTA_NOT_CHECKED
  }

  /** {@code KIND (certainty): detail}. */
  @Override
  public String toString() {
    return kind + " (" + certainty.name().toLowerCase(java.util.Locale.ROOT) + "): " + detail;
  }
}
