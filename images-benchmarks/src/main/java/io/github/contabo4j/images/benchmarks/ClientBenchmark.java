package io.github.contabo4j.images.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One call of each contender against the canned server in a child JVM. {@link BenchMain} runs it
 * twice: average time per call on one thread (with {@code -prof gc}), and throughput on 16 threads
 * sharing one client. The annotations are the single-thread defaults for running it by hand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientBenchmark {
  /** Which client; {@link BenchMain} passes every available one. */
  @Param({Contender.RAW, Contender.JDK, Contender.FEIGN})
  public String contender;

  private ServerProcess server;
  private Contender client;

  /**
   * Starts the server and opens the client.
   *
   * @throws IOException if the server does not start
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = ServerProcess.start();
    client = Contender.open(contender, server.baseUri());
  }

  /** Closes the client and stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    server.close();
  }

  /**
   * {@code GET /v1/compute/images/{id}}.
   *
   * @return the image
   */
  @Benchmark
  public Object get() {
    return client.get();
  }

  /**
   * {@code GET /v1/compute/images?size=100}.
   *
   * @return the page of 100 images
   */
  @Benchmark
  public Object list() {
    return client.list();
  }
}
