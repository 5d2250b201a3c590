package io.github.contabo4j.images.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This library's version, for the default {@code User-Agent} of the transports and of the token
 * endpoint. A leaf: it depends on nothing of the project, so both may read it without a package cycle.
 */
public final class LibraryVersion {
  /** The version, e.g. {@code 0.1.0}, or {@code unknown} if the build did not record it. */
  public static final String VERSION = read();

  private LibraryVersion() {}

  private static String read() {
    try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
