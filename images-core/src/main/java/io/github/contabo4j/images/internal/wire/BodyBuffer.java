package io.github.contabo4j.images.internal.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One answer's body as it is read, never holding more than its cap (see {@link ResponseLimit}). The
 * array grows by doubling from the declared length (or 8 KiB), never past the cap, so a lying {@code
 * Content-Length} allocates nothing it has not earned. Not thread-safe: one reader feeds it.
 */
public final class BodyBuffer {
  private static final int FIRST_CHUNK = 8 * 1024;

  private final int cap;
  private final boolean success;
  private final int maxBytes;
  private final long declaredLength;
  private byte[] bytes;
  private int size;
  private boolean overflowed;

  BodyBuffer(int cap, boolean success, int maxBytes, long declaredLength) {
    this.cap = cap;
    this.success = success;
    this.maxBytes = maxBytes;
    this.declaredLength = declaredLength;
    this.bytes = new byte[(int) Math.min(cap, declaredLength >= 0 ? declaredLength : FIRST_CHUNK)];
  }

  /**
   * Adds bytes that arrived.
   *
   * @param source the bytes; all of its remaining bytes are consumed
   * @return false once more than the cap has arrived: stop reading, and close the connection
   */
  public boolean append(ByteBuffer source) {
    int n = source.remaining();
    if (overflowed) {
      source.position(source.limit());
      return false;
    }
    int keep = Math.min(n, cap - size);
    ensure(size + keep);
    source.get(bytes, size, keep);
    size += keep;
    if (keep < n) {
      source.position(source.limit());
      overflowed = true;
    }
    return !overflowed;
  }

  /**
   * Reads a whole body from a stream, stopping as soon as more than the cap has arrived.
   *
   * @param in the body
   * @return true if the body was read to its end; false if it was cut at the cap, and the rest is
   *     unread (the caller must then close the connection, not drain it)
   * @throws IOException when reading fails
   */
  public boolean readFrom(InputStream in) throws IOException {
    byte[] chunk = new byte[FIRST_CHUNK];
    while (true) {
      int n = in.read(chunk, 0, (int) Math.min(chunk.length, cap - (long) size + 1));
      if (n < 0) {
        return true;
      }
      if (!append(ByteBuffer.wrap(chunk, 0, n))) {
        return false;
      }
    }
  }

  /** Whether more than the cap arrived. */
  public boolean overflowed() {
    return overflowed;
  }

  /**
   * The body read.
   *
   * @return the bytes; for an error answer that overflowed, its first bytes up to the cap
   * @throws ResponseTooLargeException if a 2xx body overflowed
   * @throws EOFException if a body read to its end was shorter than its {@code Content-Length}
   */
  public byte[] bytes() throws ResponseTooLargeException, EOFException {
    if (overflowed && success) {
      throw new ResponseTooLargeException(maxBytes, declaredLength, size + 1L);
    }
    if (!overflowed && declaredLength >= 0 && size < declaredLength) {
      throw new EOFException("body ended after " + size + " of " + declaredLength + " bytes");
    }
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  private void ensure(int needed) {
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(cap, Math.max(needed, 2L * Math.max(bytes.length, FIRST_CHUNK))));
    }
  }
}
