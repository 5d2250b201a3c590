package io.github.contabo4j.images.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real jar as a child process: started on a free port ({@code --port 0 --port-file}), ready once
 * it prints its start-up line (no sleeps), stopped by its own PID with SIGTERM or SIGKILL.
 */
final class EmulatorProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready: base URL (\\S+) token URL (\\S+)");
  /** How long a start may take on a loaded machine; readiness is signalled, this is only the bound. */
  private static final long START_SECONDS = 90;

  final Process process;
  final Path portFile;
  final Path errFile;
  final List<String> lines = new ArrayList<>();
  private final CompletableFuture<Matcher> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();

  private EmulatorProcess(Process process, Path portFile, Path errFile) {
    this.process = process;
    this.portFile = portFile;
    this.errFile = errFile;
    Thread reader = new Thread(this::read, "emulator-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static Path jar() {
    String jar = System.getProperty("emulator.jar");
    assertThat(jar).as("system property emulator.jar (set by failsafe)").isNotNull();
    assertThat(Path.of(jar)).exists();
    return Path.of(jar);
  }

  /** Runs the jar to completion (for --help and the like) and returns its exit code and output. */
  static Finished run(Path dir, String... args) throws IOException, InterruptedException {
    Process process = builder(dir, args).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(START_SECONDS, TimeUnit.SECONDS)).isTrue();
    return new Finished(process.exitValue(), output);
  }

  record Finished(int exitCode, String output) {}

  /** Starts the jar on a free port with these extra arguments and waits for its start-up line. */
  static EmulatorProcess start(Path dir, String... args) throws IOException {
    Path portFile = Files.createTempFile(dir, "port", ".txt");
    Files.delete(portFile);
    Path errFile = Files.createTempFile(dir, "stderr", ".txt");
    List<String> all = new ArrayList<>(List.of("--port", "0", "--port-file", portFile.toString()));
    all.addAll(List.of(args));
    Process process = builder(dir, all.toArray(String[]::new)).redirectError(errFile.toFile()).start();
    EmulatorProcess emulator = new EmulatorProcess(process, portFile, errFile);
    emulator.awaitReady();
    return emulator;
  }

  private static ProcessBuilder builder(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile());
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        synchronized (lines) {
          lines.add(line);
        }
        Matcher m = READY.matcher(line);
        if (m.find()) {
          ready.complete(m);
        }
      }
    } catch (IOException e) {
      // the process is gone
    } finally {
      ready.completeExceptionally(new IllegalStateException("the emulator exited before it was ready"));
      outputEnded.complete(null);
    }
  }

  private void awaitReady() {
    try {
      ready.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError("the emulator did not start: " + output() + "\nstderr: " + stderr(), e);
    }
  }

  URI baseUri() {
    return URI.create(ready.join().group(1));
  }

  URI tokenUri() {
    return URI.create(ready.join().group(2));
  }

  int portFromFile() {
    try {
      return Integer.parseInt(Files.readString(portFile).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  String stderr() {
    try {
      return Files.readString(errFile);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** SIGTERM to the process's own PID, then its exit code. */
  int terminate() throws InterruptedException {
    assertThat(process.toHandle().destroy()).isTrue();
    return exitCode();
  }

  /** SIGKILL to the process's own PID, then its exit code. */
  int kill() throws InterruptedException {
    assertThat(process.toHandle().destroyForcibly()).isTrue();
    return exitCode();
  }

  private int exitCode() throws InterruptedException {
    assertThat(process.waitFor(START_SECONDS, TimeUnit.SECONDS)).as("the emulator exits").isTrue();
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.toHandle().destroyForcibly();
      process.waitFor(START_SECONDS, TimeUnit.SECONDS);
    }
  }
}
