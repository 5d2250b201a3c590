package io.github.contabo4j.images.internal.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Reads the official CLI {@code cntb}'s YAML config file into its top-level scalar values. Only this
 * class looks for the optional {@code jackson-dataformat-yaml}; {@link CntbYaml} alone uses it. No
 * message ever holds a value from the file: Jackson's own parse messages quote the source, so none of
 * them, and no cause, is passed on.
 */
final class CntbConfigFile {
  /** A cntb config file is a few hundred bytes; anything this big is not one. */
  static final long MAX_BYTES = 1 << 20;
  private static final String YAML_FACTORY = "com.fasterxml.jackson.dataformat.yaml.YAMLFactory";

  private CntbConfigFile() {}

  /**
   * The file's top-level scalar values, by key.
   *
   * @param file an existing file
   * @param keys the keys the caller reads: one of them holding a list or mapping is an error
   * @return key to text, as written in the file; empty for an empty file
   * @throws IllegalArgumentException naming the file (never a value) if it cannot be read, is too big,
   *     is not YAML, is not a mapping, or the YAML library is missing
   */
  static Map<String, String> read(Path file, Set<String> keys) {
    if (!yamlAvailable()) {
      throw new IllegalArgumentException(file + " is a cntb config file: reading it needs "
          + "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml on the class path (an optional dependency of "
          + "images-core), or set the credentials in the environment instead");
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes: not a cntb config file");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      // The exception's message is the path and the OS's reason: only its type is shown.
      throw new IllegalArgumentException(file + " could not be read (" + e.getClass().getSimpleName() + ")");
    }
    return CntbYaml.parse(file, bytes, keys);
  }

  private static boolean yamlAvailable() {
    try {
      Class.forName(YAML_FACTORY, false, CntbConfigFile.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
