package io.github.contabo4j.images.upload;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What a {@linkplain ImageUploads#preflight preflight} found: one {@link Finding} per problem, never
 * an exception per problem.
 *
 * <p>A value class with record-style accessors, so it can gain properties without breaking
 * callers; equal when every property is equal.
 */
public final class PreflightReport {
  private final String url;
  private final boolean reachable;
  private final OptionalLong sizeBytes;
  private final SourceFormat format;
  private final int bytesRead;
  private final List<Finding> findings;

  private PreflightReport(String url, boolean reachable, OptionalLong sizeBytes, SourceFormat format,
      int bytesRead, List<Finding> findings) {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(sizeBytes, "sizeBytes == null");
    Objects.requireNonNull(format, "format == null");
    findings = List.copyOf(findings);
    this.url = url;
    this.reachable = reachable;
    this.sizeBytes = sizeBytes;
    this.format = format;
    this.bytesRead = bytesRead;
    this.findings = findings;
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


  /** The source URL as shown: its query string, if any, replaced by {@code <redacted>}. */
  public String url() {
    return url;
  }

  /** Whether a {@code HEAD} or a ranged {@code GET} was answered 2xx. */
  public boolean reachable() {
    return reachable;
  }

  /** The source's size from {@code Content-Length} or {@code Content-Range}, when known. */
  public OptionalLong sizeBytes() {
    return sizeBytes;
  }

  /** What the first bytes are. */
  public SourceFormat format() {
    return format;
  }

  /** How many bytes of the body were read: at most {@link ImageUploads#READ_LIMIT}. */
  public int bytesRead() {
    return bytesRead;
  }

  /** The problems, in the order found; empty when none. */
  public List<Finding> findings() {
    return findings;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PreflightReport)) {
      return false;
    }
    PreflightReport other = (PreflightReport) o;
    return Objects.equals(url, other.url)
        && reachable == other.reachable
        && Objects.equals(sizeBytes, other.sizeBytes)
        && Objects.equals(format, other.format)
        && bytesRead == other.bytesRead
        && Objects.equals(findings, other.findings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, reachable, sizeBytes, format, bytesRead, findings);
  }

  /** The properties in order, as a record would print them. */
  @Override
  public String toString() {
    return "PreflightReport[url=" + url + ", reachable=" + reachable + ", sizeBytes=" + sizeBytes
        + ", format=" + format + ", bytesRead=" + bytesRead + ", findings=" + findings + "]";
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link PreflightReport}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String url;
    private boolean reachable;
    private @Nullable OptionalLong sizeBytes;
    private @Nullable SourceFormat format;
    private int bytesRead;
    private @Nullable List<Finding> findings;

    private Builder() {}

    private Builder(PreflightReport from) {
      url = from.url;
      reachable = from.reachable;
      sizeBytes = from.sizeBytes;
      format = from.format;
      bytesRead = from.bytesRead;
      findings = from.findings;
    }

    /**
     * Sets {@code url}.
     *
     * @param url the source URL as shown: its query string, if any, replaced by {@code <redacted>}
     * @return this builder
     */
    public Builder url(@Nullable String url) {
      this.url = url;
      return this;
    }

    /**
     * Sets {@code reachable}.
     *
     * @param reachable whether a {@code HEAD} or a ranged {@code GET} was answered 2xx
     * @return this builder
     */
    public Builder reachable(boolean reachable) {
      this.reachable = reachable;
      return this;
    }

    /**
     * Sets {@code sizeBytes}.
     *
     * @param sizeBytes the source's size from {@code Content-Length} or {@code Content-Range}, when known
     * @return this builder
     */
    public Builder sizeBytes(@Nullable OptionalLong sizeBytes) {
      this.sizeBytes = sizeBytes;
      return this;
    }

    /**
     * Sets {@code format}.
     *
     * @param format what the first bytes are
     * @return this builder
     */
    public Builder format(@Nullable SourceFormat format) {
      this.format = format;
      return this;
    }

    /**
     * Sets {@code bytesRead}.
     *
     * @param bytesRead how many bytes of the body were read: at most {@link ImageUploads#READ_LIMIT}
     * @return this builder
     */
    public Builder bytesRead(int bytesRead) {
      this.bytesRead = bytesRead;
      return this;
    }

    /**
     * Sets {@code findings}.
     *
     * @param findings the problems, in the order found; empty when none
     * @return this builder
     */
    public Builder findings(@Nullable List<Finding> findings) {
      this.findings = findings;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the value
     */
    public PreflightReport build() {
      return new PreflightReport(url, reachable, sizeBytes, format, bytesRead, findings);
    }
  }
}
