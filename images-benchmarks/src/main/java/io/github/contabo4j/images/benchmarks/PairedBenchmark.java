package io.github.contabo4j.images.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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

/**
 * Every contender in the same fork, taking turns by iteration: the instrument behind the per-call and
 * 16-thread tables. Iteration {@code i} calls one contender only ({@link #turn}: rounds of one
 * iteration per contender, every other round in reverse order, so a slow drift weighs on all alike).
 * {@link CpuProfiler} labels each iteration's results with the contender that ran it ({@link
 * #current()}), and {@link PairedResults} divides each contender's iteration by its floor's in the
 * same round of the same fork.
 *
 * <p>Why: on this machine a fork settles at its own level of CPU per call, up to 1.7x apart between
 * JVMs of the same contender (docs/PERFORMANCE.md, "What splits the forks"), and that level moves
 * contender and floor together when they share the JVM. A ratio taken inside each fork cancels it; a
 * ratio of two contenders measured in separate forks carries it whole. The forks are then the
 * independent samples of the ratio.
 *
 * <p>Needs {@link ClientBenchmark#SERVER_PROPERTY}; run by hand without it, the trial starts its own
 * (unpinned, unwarmed) server. Honours {@link ClientBenchmark#SOLO_WARMUP_PROPERTY}, per contender.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PairedBenchmark {
  /** The contenders taking turns, comma-separated; {@link BenchMain} passes every available one. */
  @Param({Contender.RAW + "," + Contender.RAW_HC5 + "," + Contender.JDK + "," + Contender.FEIGN})
  public String contenders;

  private static volatile @Nullable String current;

  private final Map<String, Contender> clients = new LinkedHashMap<>();
  private List<String> names = List.of();
  private int iteration;
  private volatile Contender client;
  private @Nullable ServerProcess server;

  /**
   * The contender of the iteration running in this JVM, or null outside a paired benchmark.
   *
   * @return the name, e.g. {@code feign}
   */
  static @Nullable String current() {
    return current;
  }

  /**
   * The contender that iteration {@code iteration} (warm-ups included, from 0) calls: rounds of one
   * iteration per contender, odd rounds in reverse order ({@code a b c c b a a b c ...}).
   *
   * @param iteration the iteration's index
   * @param count how many contenders take turns
   * @return the index of the contender
   */
  static int turn(int iteration, int count) {
    int round = iteration / count;
    int place = iteration % count;
    return round % 2 == 0 ? place : count - 1 - place;
  }

  /**
   * Splits {@link #contenders}, refusing duplicates and empty names.
   *
   * @param list the comma-separated names
   * @return the names in order
   */
  static List<String> names(String list) {
    List<String> out = new ArrayList<>();
    for (String name : Arrays.asList(list.split(",", -1))) {
      String trimmed = name.trim();
      if (trimmed.isEmpty() || out.contains(trimmed)) {
        throw new IllegalArgumentException("contenders: each name once, none empty; got \"" + list + "\"");
      }
      out.add(trimmed);
    }
    return List.copyOf(out);
  }

  /**
   * Opens every contender against the shared server (or a private one when run by hand), then calls
   * each alone for {@value ClientBenchmark#SOLO_WARMUP_PROPERTY} seconds, if set.
   *
   * @param params which benchmark this trial runs
   * @throws java.io.IOException if a private server does not start
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws java.io.IOException {
    String shared = System.getProperty(ClientBenchmark.SERVER_PROPERTY);
    URI baseUri;
    if (shared != null) {
      baseUri = URI.create(shared);
    } else {
      server = ServerProcess.start(null);
      baseUri = server.baseUri();
    }
    names = names(contenders);
    for (String name : names) {
      clients.put(name, Contender.open(name, baseUri));
    }
    boolean list = params.getBenchmark().endsWith(".list");
    long seconds = Long.getLong(ClientBenchmark.SOLO_WARMUP_PROPERTY, 0);
    for (Contender each : clients.values()) {
      ClientBenchmark.callAlone(each, list, seconds);
    }
    iteration = 0;
  }

  /** Hands the next iteration to the contender whose turn it is. */
  @Setup(Level.Iteration)
  public void nextTurn() {
    String name = names.get(turn(iteration++, names.size()));
    client = clients.get(name);
    current = name;
  }

  /**
   * Closes every client (and the private server, if any). {@link #current()} keeps the last name:
   * JMH tears the trial down inside the last iteration, before the profilers read it.
   */
  @TearDown(Level.Trial)
  public void tearDown() {
    clients.values().forEach(Contender::close);
    clients.clear();
    if (server != null) {
      server.close();
    }
  }

  /**
   * {@code GET /v1/compute/images/{id}} by this iteration's contender.
   *
   * @return the image
   */
  @Benchmark
  public Object get() {
    return client.get();
  }

  /**
   * {@code GET /v1/compute/images?size=100} by this iteration's contender.
   *
   * @return the page of 100 images
   */
  @Benchmark
  public Object list() {
    return client.list();
  }
}
