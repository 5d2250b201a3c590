package io.github.contabo4j.images.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.Image;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state file: images, audit entries and the clock offset as JSON with a format version. Each save
 * writes a temporary file in the same directory, forces it to disk and renames it over the state
 * file, so a reader (or a restart after SIGKILL) sees the old state or the new one, never half of
 * one. One emulator per file: {@link #open} takes an exclusive lock on {@code FILE.lock} for the life
 * of the process (the OS releases it when the process dies, however it dies). Thread-safe.
 */
final class StateFile implements AutoCloseable {
  static final int FORMAT_VERSION = 1;
  static final String FORMAT = "contabo-images-emulator-state";

  private final Path path;
  private final Path lockPath;
  private final FileChannel lockChannel;
  private final FileLock lock;

  /** What the file holds. */
  record Snapshot(Duration clockOffset, List<Image> images, List<AuditEntry> audits) {}

  /** The file cannot be used; the message says why and what to do. */
  static final class StateException extends Exception {
    StateException(String message) {
      super(message);
    }
  }

  private StateFile(Path path, Path lockPath, FileChannel lockChannel, FileLock lock) {
    this.path = path;
    this.lockPath = lockPath;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Locks the state file for this process. */
  static StateFile open(Path file) throws StateException {
    Path path = file.toAbsolutePath();
    Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
    FileChannel channel;
    try {
      Files.createDirectories(path.getParent());
      channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StateException("cannot open the lock file " + lockPath + ": " + e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very process
    } catch (IOException e) {
      close(channel);
      throw new StateException("cannot lock " + lockPath + ": " + e);
    }
    if (lock == null) {
      close(channel);
      throw new StateException("state file " + path + " is in use by another emulator (it holds the lock on "
          + lockPath + "); stop that emulator or choose another --state file");
    }
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      // the pid is only a hint for people; the lock is what counts
    }
    return new StateFile(path, lockPath, channel, lock);
  }

  Path path() {
    return path;
  }

  /**
   * Reads the file.
   *
   * @return the snapshot, or null when the file does not exist yet
   */
  @Nullable Snapshot load(ImageJson.Defaults defaults) throws StateException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new StateException("cannot read state file " + path + ": " + e);
    }
    JsonNode root;
    try {
      root = ImageJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new StateException("state file " + path + " is not JSON: " + e.getMessage().lines().findFirst().orElse("")
          + "; move it away to start afresh");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new StateException("state file " + path + " is not an emulator state file (no \"format\": \"" + FORMAT + "\")");
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new StateException("state file " + path + " has format version " + version
          + "; this emulator reads version " + FORMAT_VERSION);
    }
    try {
      return new Snapshot(Duration.ofMillis(root.path("clockOffsetMillis").asLong(0)),
          ImageJson.readImages(root.get("images"), "images", defaults),
          ImageJson.readAudits(root.get("audits"), "audits"));
    } catch (ImageJson.BadJsonException e) {
      throw new StateException("state file " + path + " is damaged: " + e.getMessage());
    }
  }

  /** Writes the snapshot atomically: temporary file, force, rename. */
  synchronized void save(Snapshot snapshot) throws IOException {
    ObjectNode root = ImageJson.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("savedAt", Instant.now().toString());
    root.put("clockOffsetMillis", snapshot.clockOffset().toMillis());
    ArrayNode images = root.putArray("images");
    snapshot.images().forEach(image -> images.add(ImageJson.write(image)));
    ArrayNode audits = root.putArray("audits");
    snapshot.audits().forEach(audit -> audits.add(ImageJson.write(audit)));
    byte[] bytes = ImageJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    Path temp = path.resolveSibling(path.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    try {
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel's close releases it too
    }
    close(lockChannel);
  }

  @Override
  public String toString() {
    return "StateFile{" + path + ", lock " + lockPath + "}";
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to do
    }
  }
}
