package io.github.contabo4j.images.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CannedServer} in a child JVM on the same class path, so the server's own CPU allocations
 * stay out of the benchmarked JVM's {@code -prof gc} figures.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final URI baseUri;

  private ServerProcess(Process process, URI baseUri) {
    this.process = process;
    this.baseUri = baseUri;
  }

  /**
   * Starts the server process and waits for its base URI.
   *
   * @return the running server
   * @throws IOException if it cannot be started or does not report its address
   */
  static ServerProcess start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CannedServer.class.getName(), "0")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("http://")) {
      process.destroyForcibly();
      throw new IOException("the canned server did not start: " + line);
    }
    return new ServerProcess(process, URI.create(line.trim()));
  }

  /** The server's base URI. */
  URI baseUri() {
    return baseUri;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
