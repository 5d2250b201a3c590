package io.github.contabo4j.images.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;

/**
 * Cold start, one process per measurement: builds one contender, makes one successful {@code get}
 * against a running {@link CannedServer}, prints the milliseconds since JVM start to standard error,
 * and exits. Timed from outside with {@code hyperfine} (see {@code cold-start.sh}).
 */
public final class ColdStart {
  private ColdStart() {}

  /**
   * Runs one cold call.
   *
   * @param args the contender name and the server's base URI
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ColdStart <raw|jdk|feign|generated> <baseUri>");
    }
    try (Contender contender = Contender.open(args[0], URI.create(args[1]))) {
      contender.get();
    }
    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.err.println(args[0] + ": first get " + sinceStart + " ms after JVM start");
    System.exit(0);
  }
}
