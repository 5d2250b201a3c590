package io.github.contabo4j.images.upload;

/** What a source's first bytes are, read by content, never by name. */
public enum SourceFormat {
  /** QCOW2: {@code QFI\xfb} at offset 0. */
  QCOW2,
  /** ISO 9660: {@code CD001} at offset 0x8001. */
  ISO,
  /** gzip. */
  GZIP,
  /** xz. */
  XZ,
  /** zip. */
  ZIP,
  /** bzip2. */
  BZIP2,
  /** zstd. */
  ZSTD,
  /** Bytes were read, and they are none of the above. */
  UNKNOWN,
  /** No bytes could be read. */
  NOT_READ;

  /** Whether this is a compressed container. */
  public boolean isCompressed() {
    return this == GZIP || this == XZ || this == ZIP || this == BZIP2 || this == ZSTD;
  }
}
