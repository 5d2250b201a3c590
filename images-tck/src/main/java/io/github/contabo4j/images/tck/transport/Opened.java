package io.github.contabo4j.images.tck.transport;

import io.github.contabo4j.images.ImagesPort;
import java.util.ArrayList;
import java.util.List;

/** What a suite opened during a test, closed after it, last opened first. Not thread-safe. */
final class Opened {
  private final List<AutoCloseable> resources = new ArrayList<>();

  /** Registers a resource. */
  void add(AutoCloseable resource) {
    resources.add(resource);
  }

  /** Registers a client if it is closeable, and returns it. */
  ImagesPort client(ImagesPort client) {
    if (client instanceof AutoCloseable) {
      resources.add((AutoCloseable) client);
    }
    return client;
  }

  /** Closes everything, last first, and forgets it. */
  void closeAll() throws Exception {
    try {
      for (int i = resources.size() - 1; i >= 0; i--) {
        resources.get(i).close();
      }
    } finally {
      resources.clear();
    }
  }
}
