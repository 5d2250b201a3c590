package io.github.contabo4j.images.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark with one set of JMH settings, then prints the ratio table ({@link
 * RatioTable}): the main class of {@code benchmarks.jar}.
 *
 * <pre>
 * java -jar images-benchmarks/target/benchmarks.jar [--forks 2] [--warmups 5] [--iterations 5]
 *     [--time 2] [--contenders raw,jdk,feign,generated] [--runs call,threads16,fake,stream]
 * </pre>
 *
 * <p>Runs: {@code call} (average time per call and {@code -prof gc}, 1 thread), {@code threads16}
 * (throughput, 16 threads sharing one client), {@code fake} (the fake's throughput, 1 thread), {@code
 * stream} (100,000 fake images through {@code streamImages}). Defaults: 2 forks, 5 warm-up and 5
 * measured iterations of 2 s each, every available contender, every run. Each fork gets {@code
 * -Xms1g -Xmx1g}. For ad-hoc JMH use, {@code java -cp benchmarks.jar org.openjdk.jmh.Main -h}.
 */
public final class BenchMain {
  private BenchMain() {}

  /**
   * Runs the benchmarks and prints the table.
   *
   * @param args the options above
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    int forks = 2;
    int warmups = 5;
    int iterations = 5;
    int seconds = 2;
    List<String> contenders = Contender.available();
    List<String> runs = List.of("call", "threads16", "fake", "stream");
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--forks": forks = Integer.parseInt(value); i++; break;
        case "--warmups": warmups = Integer.parseInt(value); i++; break;
        case "--iterations": iterations = Integer.parseInt(value); i++; break;
        case "--time": seconds = Integer.parseInt(value); i++; break;
        case "--contenders": contenders = Arrays.asList(value.split(",")); i++; break;
        case "--runs": runs = Arrays.asList(value.split(",")); i++; break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i] + "; see the javadoc of BenchMain");
      }
    }
    for (String c : contenders) {
      if (!Contender.available().contains(c)) {
        throw new IllegalArgumentException("contender " + c + " is not available; built: " + Contender.available());
      }
    }
    String[] params = contenders.toArray(new String[0]);
    Settings s = new Settings(forks, warmups, iterations, seconds);
    System.out.printf("JMH settings: %d fork(s), %d warm-up x %d s, %d iterations x %d s; contenders %s%n",
        forks, warmups, seconds, iterations, seconds, contenders);

    List<Measurement> perCall = new ArrayList<>();
    List<Measurement> threads16 = new ArrayList<>();
    List<Measurement> fake = new ArrayList<>();
    List<Measurement> stream = new ArrayList<>();
    if (runs.contains("call")) {
      perCall = run(s.options(ClientBenchmark.class).param("contender", params)
          .mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS).threads(1).addProfiler(GCProfiler.class));
    }
    if (runs.contains("threads16")) {
      threads16 = run(s.options(ClientBenchmark.class).param("contender", params)
          .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).threads(16));
    }
    if (runs.contains("fake")) {
      fake = run(s.options(FakeBenchmark.class).mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).threads(1));
    }
    if (runs.contains("stream")) {
      stream = run(s.options(StreamBenchmark.class).mode(Mode.AverageTime).timeUnit(TimeUnit.MILLISECONDS).threads(1));
    }
    System.out.print(new RatioTable(perCall, threads16, fake, stream).render());
  }

  private static List<Measurement> run(ChainedOptionsBuilder options) throws RunnerException {
    List<Measurement> out = new ArrayList<>();
    for (RunResult result : new Runner(options.build()).run()) {
      out.add(Measurement.of(result));
    }
    // Runner sorts by name; the table reads better as raw, jdk, feign, generated.
    List<String> order = List.of(Contender.RAW, Contender.JDK, Contender.FEIGN, Contender.GENERATED);
    out.sort(Comparator.comparing(Measurement::op).thenComparing(m -> order.indexOf(m.contender())));
    return out;
  }

  /** The JMH settings shared by every run. */
  private record Settings(int forks, int warmups, int iterations, int seconds) {
    ChainedOptionsBuilder options(Class<?> benchmark) {
      return new OptionsBuilder()
          .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
          .forks(forks)
          .warmupIterations(warmups)
          .warmupTime(TimeValue.seconds(seconds))
          .measurementIterations(iterations)
          .measurementTime(TimeValue.seconds(seconds))
          .jvmArgsAppend("-Xms1g", "-Xmx1g")
          .shouldFailOnError(true);
    }
  }
}
