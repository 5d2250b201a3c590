package io.github.contabo4j.images.internal.upload;

import io.github.contabo4j.images.upload.Finding;
import io.github.contabo4j.images.upload.Finding.Certainty;
import io.github.contabo4j.images.upload.Finding.Kind;
import io.github.contabo4j.images.upload.SourceFormat;
import java.util.List;
import java.util.Locale;

/** Reads a source's format from its first bytes, and the problems its header shows. */
public final class HeaderSniffer {
  /** Where ISO 9660's {@code CD001} sits: the primary volume descriptor at 0x8000, plus its type byte. */
  static final int ISO_MAGIC_AT = 0x8001;

  private HeaderSniffer() {}

  /**
   * The format of these bytes.
   *
   * @param b the first bytes of the source
   * @param n how many of them are valid
   * @return the format; {@link SourceFormat#NOT_READ} when {@code n} is 0
   */
  public static SourceFormat format(byte[] b, int n) {
    if (n == 0) {
      return SourceFormat.NOT_READ;
    }
    if (starts(b, n, 'Q', 'F', 'I', 0xfb)) {
      return SourceFormat.QCOW2;
    }
    if (starts(b, n, 0x1f, 0x8b)) {
      return SourceFormat.GZIP;
    }
    if (starts(b, n, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      return SourceFormat.XZ;
    }
    if (starts(b, n, 'P', 'K', 0x03, 0x04)) {
      return SourceFormat.ZIP;
    }
    if (starts(b, n, 'B', 'Z', 'h')) {
      return SourceFormat.BZIP2;
    }
    if (starts(b, n, 0x28, 0xb5, 0x2f, 0xfd)) {
      return SourceFormat.ZSTD;
    }
    if (n >= ISO_MAGIC_AT + 5 && new String(b, ISO_MAGIC_AT, 5, java.nio.charset.StandardCharsets.US_ASCII)
        .equals("CD001")) {
      return SourceFormat.ISO;
    }
    return SourceFormat.UNKNOWN;
  }

  /**
   * Adds the findings the content shows: compression, an unknown format, the QCOW2 header's
   * problems, and an extension that disagrees with the content.
   *
   * @param format the format read
   * @param b the bytes
   * @param n how many are valid
   * @param path the URL's path, for its extension
   * @param out where findings go
   */
  public static void inspect(SourceFormat format, byte[] b, int n, String path, List<Finding> out) {
    String lower = path.toLowerCase(Locale.ROOT);
    String named = lower.endsWith(".iso") ? "iso" : lower.endsWith(".qcow2") ? "qcow2" : "";
    if (format.isCompressed()) {
      out.add(new Finding(Kind.COMPRESSED, Certainty.CERTAIN, "the content is " + format.name().toLowerCase(Locale.ROOT)
          + "-compressed; Contabo needs the uncompressed " + (named.isEmpty() ? "image" : named)));
      return;
    }
    if (format == SourceFormat.UNKNOWN) {
      out.add(new Finding(Kind.UNKNOWN_FORMAT, Certainty.CERTAIN, n < ISO_MAGIC_AT + 5
          ? "the first " + n + " bytes are not a QCOW2 header, and too few to hold an ISO 9660 volume descriptor"
          : "the content is neither QCOW2 (no QFI\\xfb at 0) nor ISO 9660 (no CD001 at 0x8001)"));
      return;
    }
    if (format == SourceFormat.QCOW2) {
      qcow2(b, n, out);
    }
    if (!named.isEmpty() && format != SourceFormat.NOT_READ && !named.equals(format.name().toLowerCase(Locale.ROOT))) {
      out.add(new Finding(Kind.EXTENSION_MISMATCH, Certainty.HINT, "the URL ends in ." + named
          + " but the content is " + format.name().toLowerCase(Locale.ROOT)));
    }
  }

  private static void qcow2(byte[] b, int n, List<Finding> out) {
    if (n < 36) {
      return;
    }
    long version = u32(b, 4);
    if (version != 2 && version != 3) {
      out.add(new Finding(Kind.QCOW2_UNSUPPORTED_VERSION, Certainty.CERTAIN,
          "QCOW2 version " + version + "; only versions 2 and 3 exist"));
      return;
    }
    long backingOffset = u32(b, 8) << 32 | u32(b, 12);
    if (backingOffset != 0) {
      out.add(new Finding(Kind.QCOW2_BACKING_FILE, Certainty.CERTAIN,
          "the QCOW2 has a backing file: it holds only the changes to another image; flatten it (qemu-img convert)"));
    }
    if (u32(b, 32) != 0) {
      out.add(new Finding(Kind.QCOW2_ENCRYPTED, Certainty.CERTAIN,
          "the QCOW2 is encrypted (crypt_method " + u32(b, 32) + ")"));
    }
    if (version == 3 && n >= 80 && (b[79] & 0x04) != 0) {
      out.add(new Finding(Kind.QCOW2_EXTERNAL_DATA_FILE, Certainty.CERTAIN,
          "the QCOW2 keeps its data in an external file"));
    }
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
  }

  private static boolean starts(byte[] b, int n, int... magic) {
    if (n < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
