package io.github.contabo4j.images.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CannedServer} in a child JVM on the same class path, so the server's CPU and allocations
 * stay out of the benchmarked JVMs. {@link BenchMain} starts one for the whole suite, pinned with
 * {@code taskset} to core 0 when it can ({@link Cores}).
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
   * @param pinTo the CPU list for {@code taskset -c}, or null not to pin
   * @return the running server
   * @throws IOException if it cannot be started or does not report its address
   */
  static ServerProcess start(@Nullable String pinTo) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    if (pinTo != null) {
      command.addAll(List.of("taskset", "-c", pinTo));
    }
    command.addAll(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), CannedServer.class.getName(), "0"));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
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

  /** The server's process id (for the pinning note). */
  long pid() {
    return process.pid();
  }

  /**
   * Asks the server how many answers were not 200 so far.
   *
   * @param baseUri the server
   * @return the count
   * @throws IOException if the server does not answer
   */
  static long errors(URI baseUri) throws IOException {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(baseUri + CannedServer.ERRORS_PATH)).build(),
          HttpResponse.BodyHandlers.ofString());
      return Long.parseLong(response.body().trim());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted asking the server for its error count", e);
    }
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
