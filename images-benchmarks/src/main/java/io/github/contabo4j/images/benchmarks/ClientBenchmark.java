package io.github.contabo4j.images.benchmarks;

import java.io.IOException;
import java.net.URI;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.jspecify.annotations.Nullable;

/**
 * One call of each contender against the canned server. {@link BenchMain} starts that server once,
 * outside the forks, and passes its address in the system property {@value #SERVER_PROPERTY}; run by
 * hand without it, each trial starts its own (unpinned, unwarmed) server. {@link BenchMain} runs this,
 * one contender per fork, for sample time (p50/p99); the per-call and 16-thread tables come from
 * {@link PairedBenchmark}, where the contenders share each fork. The annotations are the single-thread
 * defaults for running it by hand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientBenchmark {
  /** Which client; {@link BenchMain} passes every available one. */
  @Param({Contender.RAW, Contender.RAW_HC5, Contender.JDK, Contender.FEIGN})
  public String contender;

  /** The system property holding the shared server's base URI. */
  static final String SERVER_PROPERTY = "bench.server";

  /**
   * The system property holding how many seconds each trial first calls its operation on the setup
   * thread alone, before JMH's warm-up iterations; default 0. {@link BenchMain} sets it for the
   * 16-thread run only: there, 16 busy threads leave the JIT's compiler threads about a seventeenth of
   * the one CPU, and the warm-up iterations end before compilation does.
   */
  static final String SOLO_WARMUP_PROPERTY = "bench.soloWarmupSeconds";

  private @Nullable ServerProcess server;
  private Contender client;

  /**
   * Opens the client against the shared server (or starts a private one when run by hand), then
   * calls it alone for {@value #SOLO_WARMUP_PROPERTY} seconds, if set.
   *
   * @param params which benchmark this trial runs
   * @throws IOException if a private server does not start
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    String shared = System.getProperty(SERVER_PROPERTY);
    URI baseUri;
    if (shared != null) {
      baseUri = URI.create(shared);
    } else {
      server = ServerProcess.start(null);
      baseUri = server.baseUri();
    }
    client = Contender.open(contender, baseUri);
    callAlone(client, params.getBenchmark().endsWith(".list"), Long.getLong(SOLO_WARMUP_PROPERTY, 0));
  }

  /**
   * Calls one contender alone on this thread for {@code seconds}: the solo warm-up.
   *
   * @param client the contender
   * @param list true for {@code list}, false for {@code get}
   * @param seconds how long; 0 for not at all
   */
  static void callAlone(Contender client, boolean list, long seconds) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() - end < 0) {
      for (int i = 0; i < 100; i++) {
        if (list) {
          client.list();
        } else {
          client.get();
        }
      }
    }
  }

  /** Closes the client (and the private server, if any). */
  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    if (server != null) {
      server.close();
    }
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
