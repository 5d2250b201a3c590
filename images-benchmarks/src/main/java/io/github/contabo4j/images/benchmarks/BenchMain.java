package io.github.contabo4j.images.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Runs the whole suite with one set of JMH settings against one canned server, then prints the
 * tables ({@link RatioTable}): the main class of {@code benchmarks.jar}.
 *
 * <pre>
 * java -jar images-benchmarks/target/benchmarks.jar [--forks 10] [--warmups 6] [--iterations 6]
 *     [--time 1] [--contenders raw,rawhc5,jdk,feign,generated]
 *     [--runs call,threads16,sample,fake,stream,vt] [--twice] [--no-pin]
 *     [--server-warmup 10] [--server-warmup-calls 20000] [--solo-warmup 3]
 *     [--vt-java /usr/lib/jvm/temurin-25-jdk-amd64] [--vt-threads 1000]
 * </pre>
 *
 * <p>The server ({@link CannedServer}) starts once, in its own JVM, before anything is measured,
 * pinned to CPU 0 while this JVM and every fork it starts are pinned to CPU 1 ({@link Cores}); it is
 * warmed for at least {@code --server-warmup} seconds and {@code --server-warmup-calls} calls, and
 * after every run its count of non-200 answers must still be zero, else the suite fails. Runs:
 * {@code call} (average time per call, 1 thread, with {@code -prof gc} and {@link CpuProfiler}),
 * {@code threads16} (throughput, 16 threads sharing one
 * client, CPU per call; each trial first calls each contender alone on one thread for {@code
 * --solo-warmup} seconds, see {@link ClientBenchmark#SOLO_WARMUP_PROPERTY}); both are {@link
 * PairedBenchmark}s: every contender takes turns by iteration in each fork, {@code --warmups} and
 * {@code --iterations} count per contender, and ratios are paired by fork and round ({@link
 * PairedResults}). Then {@code sample} (sample time: p50 and p99, one contender per fork), {@code
 * fake}, {@code stream} (100,000 fake images through {@code streamImages}; these two at most
 * {@value #UNPAIRED_FORKS} forks), {@code vt} ({@link VirtualThreadRun}: 1,000
 * virtual threads sharing one client, on the {@code --vt-java} runtime). {@code --twice} runs the
 * whole suite twice back to back and prints both tables and the stability of every CPU-per-call
 * ratio ({@link Stability}), with the load average before each run.
 */
public final class BenchMain {
  private BenchMain() {}

  /**
   * At most this many forks for the fake and the stream: no ratio is drawn from them, and the many
   * forks the paired runs need would only lengthen these (a stream call takes seconds).
   */
  static final int UNPAIRED_FORKS = 2;

  /** The command line, parsed. */
  record Options(int forks, int warmups, int iterations, int seconds, List<String> contenders, List<String> runs,
      boolean twice, boolean noPin, int serverWarmup, int serverWarmupCalls, int soloWarmup, Path vtJava, int vtThreads) {

    static final List<String> ALL_RUNS = List.of("call", "threads16", "sample", "fake", "stream", "vt");

    /**
     * Parses the options above.
     *
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException for an unknown option, run or contender
     */
    static Options parse(String... args) {
      int forks = 10;
      int warmups = 6;
      int iterations = 6;
      int seconds = 1;
      List<String> contenders = Contender.available();
      List<String> runs = ALL_RUNS;
      boolean twice = false;
      boolean noPin = false;
      int serverWarmup = 10;
      int serverWarmupCalls = 20_000;
      int soloWarmup = 3;
      Path vtJava = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
      int vtThreads = 1000;
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--forks": forks = Integer.parseInt(value); i++; break;
          case "--warmups": warmups = Integer.parseInt(value); i++; break;
          case "--iterations": iterations = Integer.parseInt(value); i++; break;
          case "--time": seconds = Integer.parseInt(value); i++; break;
          case "--contenders": contenders = Arrays.asList(value.split(",")); i++; break;
          case "--runs": runs = Arrays.asList(value.split(",")); i++; break;
          case "--twice": twice = true; break;
          case "--no-pin": noPin = true; break;
          case "--server-warmup": serverWarmup = Integer.parseInt(value); i++; break;
          case "--server-warmup-calls": serverWarmupCalls = Integer.parseInt(value); i++; break;
          case "--solo-warmup": soloWarmup = Integer.parseInt(value); i++; break;
          case "--vt-java": vtJava = Path.of(value); i++; break;
          case "--vt-threads": vtThreads = Integer.parseInt(value); i++; break;
          default:
            throw new IllegalArgumentException("unknown option " + args[i] + "; see the javadoc of BenchMain");
        }
      }
      for (String c : contenders) {
        if (!Contender.available().contains(c)) {
          throw new IllegalArgumentException("contender " + c + " is not available; built: " + Contender.available());
        }
      }
      for (String r : runs) {
        if (!ALL_RUNS.contains(r)) {
          throw new IllegalArgumentException("unknown run " + r + ", expected some of " + ALL_RUNS);
        }
      }
      return new Options(forks, warmups, iterations, seconds, List.copyOf(contenders), List.copyOf(runs), twice,
          noPin, serverWarmup, serverWarmupCalls, soloWarmup, vtJava, vtThreads);
    }
  }

  /**
   * Runs the benchmarks and prints the tables.
   *
   * @param args the options above
   * @throws Exception if JMH fails, the server answered an error, or a child run failed
   */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Cores cores = Cores.detect(o.noPin());
    System.out.printf("JMH settings: %d fork(s), %d warm-up x %d s, %d iterations x %d s; contenders %s; runs %s%n",
        o.forks(), o.warmups(), o.seconds(), o.iterations(), o.seconds(), o.contenders(), o.runs());
    try (ServerProcess server = ServerProcess.start(cores.serverCpus())) {
      if (!cores.pinSelf()) {
        System.out.println("pinning: taskset could not pin this JVM; forks run unpinned");
      }
      System.out.println(cores.note());
      System.out.println("server: " + server.baseUri() + " (pid " + server.pid() + ")");
      warmServer(server.baseUri(), o.serverWarmup(), o.serverWarmupCalls());
      List<String> reports = new ArrayList<>();
      List<RatioTable> tables = new ArrayList<>();
      int rounds = o.twice() ? 2 : 1;
      for (int round = 1; round <= rounds; round++) {
        String load = loadAverage();
        System.out.println("\n#### Run " + round + " of " + rounds + ": load average before it " + load);
        RatioTable table = suite(o, server.baseUri());
        String vt = o.runs().contains("vt") ? virtualThreads(o, server.baseUri(), round) : "";
        String report = "\n#### Run " + round + " (load average before it: " + load + ")\n" + table.render() + vt;
        System.out.print(report);
        reports.add(report);
        tables.add(table);
      }
      if (o.twice()) {
        System.out.println("\n######## Both runs ########");
        reports.forEach(System.out::print);
        System.out.print(Stability.render(Stability.compare(tables.get(0), tables.get(1))));
      }
      System.out.println("\n" + cores.note() + "; server answered no errors");
    }
  }

  private static RatioTable suite(Options o, URI server) throws RunnerException, IOException {
    String[] params = o.contenders().toArray(new String[0]);
    List<Measurement> perCall = new ArrayList<>();
    List<Measurement> threads16 = new ArrayList<>();
    List<Measurement> sample = new ArrayList<>();
    List<Measurement> fake = new ArrayList<>();
    List<Measurement> stream = new ArrayList<>();
    if (o.runs().contains("call")) {
      perCall = runPaired(server, paired(o, server).mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS).threads(1)
          .addProfiler(GCProfiler.class));
    }
    if (o.runs().contains("threads16")) {
      threads16 = runPaired(server, paired(o, server,
          "-D" + ClientBenchmark.SOLO_WARMUP_PROPERTY + "=" + o.soloWarmup())
          .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).threads(16));
    }
    if (o.runs().contains("sample")) {
      sample = run(server, options(o, ClientBenchmark.class, server).param("contender", params)
          .forks(1) // percentiles pool every sample; one fork gives tens of thousands per contender
          .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS).threads(1));
    }
    if (o.runs().contains("fake")) {
      fake = run(server, options(o, FakeBenchmark.class, server).warmupIterations(Math.min(o.warmups(), 5))
          .forks(Math.min(o.forks(), UNPAIRED_FORKS)).mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)
          .threads(1));
    }
    if (o.runs().contains("stream")) {
      stream = run(server, options(o, StreamBenchmark.class, server).warmupIterations(Math.min(o.warmups(), 5))
          .forks(Math.min(o.forks(), UNPAIRED_FORKS)).mode(Mode.AverageTime)
          .timeUnit(TimeUnit.MILLISECONDS).threads(1));
    }
    return new RatioTable(perCall, threads16, sample, fake, stream);
  }

  /**
   * {@link PairedBenchmark} with every contender taking turns in each fork: {@code --warmups} and
   * {@code --iterations} count per contender, so JMH runs that many times the number of contenders.
   */
  private static ChainedOptionsBuilder paired(Options o, URI server, String... jvmArgs) {
    int turns = o.contenders().size();
    return options(o, PairedBenchmark.class, server, jvmArgs)
        .param("contenders", String.join(",", o.contenders()))
        .warmupIterations(o.warmups() * turns)
        .measurementIterations(o.iterations() * turns)
        .addProfiler(CpuProfiler.class);
  }

  private static List<Measurement> runPaired(URI server, ChainedOptionsBuilder options)
      throws RunnerException, IOException {
    List<Measurement> out = new ArrayList<>();
    for (RunResult result : new Runner(options.build()).run()) {
      out.addAll(PairedResults.measurements(result));
    }
    return checkedAndSorted(server, out);
  }

  private static List<Measurement> run(URI server, ChainedOptionsBuilder options) throws RunnerException, IOException {
    List<Measurement> out = new ArrayList<>();
    for (RunResult result : new Runner(options.build()).run()) {
      out.add(Measurement.of(result));
    }
    return checkedAndSorted(server, out);
  }

  private static List<Measurement> checkedAndSorted(URI server, List<Measurement> out) throws IOException {
    requireNoServerErrors(server);
    // Runner sorts by name; the table reads better floor first.
    List<String> order = List.of(Contender.RAW, Contender.RAW_HC5, Contender.JDK, Contender.FEIGN, Contender.GENERATED);
    out.sort(Comparator.comparing(Measurement::op).thenComparing(m -> order.indexOf(m.contender())));
    return out;
  }

  private static ChainedOptionsBuilder options(Options o, Class<?> benchmark, URI server, String... jvmArgs) {
    List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-D" + ClientBenchmark.SERVER_PROPERTY + "=" + server,
        "-Djdk.httpclient.connectionPoolSize=" + Contender.MAX_CONNECTIONS));
    args.addAll(List.of(jvmArgs));
    return new OptionsBuilder()
        .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
        .forks(o.forks())
        .warmupIterations(o.warmups())
        .warmupTime(TimeValue.seconds(o.seconds()))
        .measurementIterations(o.iterations())
        .measurementTime(TimeValue.seconds(o.seconds()))
        .jvmArgsAppend(args.toArray(new String[0]))
        .shouldFailOnError(true);
  }

  /** Fails the suite when the server answered anything but 200 since it started. */
  private static void requireNoServerErrors(URI server) throws IOException {
    long errors = ServerProcess.errors(server);
    if (errors != 0) {
      throw new IllegalStateException("the canned server answered " + errors
          + " request(s) with an error (401/400/404): a contender skipped a header or called a wrong path;"
          + " every figure of this run is void");
    }
  }

  /**
   * Loads the server's code paths until the JIT has compiled them, before anything is measured: the
   * two floors on two threads calling get and list for at least {@code seconds} and, together, at
   * least {@code minCalls} calls.
   */
  private static void warmServer(URI server, int seconds, int minCalls) throws Exception {
    long started = System.nanoTime();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong calls = new AtomicLong();
    CountDownLatch done = new CountDownLatch(2);
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (String name : List.of(Contender.RAW, Contender.RAW_HC5)) {
      Thread t = new Thread(() -> {
        try (Contender client = Contender.open(name, server)) {
          while (System.nanoTime() < end || calls.get() < minCalls) {
            client.get();
            client.list();
            calls.addAndGet(2);
          }
        } catch (RuntimeException e) {
          failures.add(e);
        } finally {
          done.countDown();
        }
      }, "server-warmup-" + name);
      t.start();
    }
    done.await();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("warming the server failed", failures.get(0));
    }
    requireNoServerErrors(server);
    System.out.printf("server warmed: %,d calls in %.1f s%n", calls.get(), (System.nanoTime() - started) / 1e9);
  }

  /** Runs {@link VirtualThreadRun} per contender on the {@code --vt-java} runtime; the table as text. */
  private static String virtualThreads(Options o, URI server, int round) throws IOException, InterruptedException {
    Path java = o.vtJava().resolve("bin").resolve("java");
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%n== Virtual threads: %,d sharing one client, get, %s ==%n", o.vtThreads(), o.vtJava()));
    if (!Files.isExecutable(java)) {
      return out.append("[not run] no Java at ").append(java).append(" (--vt-java)\n").toString();
    }
    List<VirtualThreadRun.Result> results = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (String contender : o.contenders()) {
      if (contender.equals(Contender.GENERATED)) {
        continue;
      }
      Path jfr = jfrDirectory().resolve("vt-run" + round + "-" + contender + ".jfr");
      Process p = new ProcessBuilder(java.toString(), "-Xms1g", "-Xmx1g",
          "-Djdk.httpclient.connectionPoolSize=" + Contender.MAX_CONNECTIONS,
          "-cp", System.getProperty("java.class.path"), VirtualThreadRun.class.getName(), contender,
          server.toString(), Integer.toString(o.vtThreads()), Integer.toString(o.warmups() * o.seconds()),
          Integer.toString(o.iterations() * o.seconds()), jfr.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      List<String> lines = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.add(line);
        }
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException("the virtual-thread run of " + contender + " failed: " + lines);
      }
      VirtualThreadRun.Result result = lines.stream().filter(l -> l.startsWith("VT ")).findFirst()
          .map(VirtualThreadRun.Result::parse)
          .orElseThrow(() -> new IllegalStateException("no result from the VT run of " + contender + ": " + lines));
      results.add(result);
      lines.stream().filter(l -> l.startsWith("  pinned at ")).forEach(l -> details.add(contender + l));
      details.add(contender + ": JFR recording " + jfr);
    }
    requireNoServerErrors(server);
    out.append(VirtualThreadTable.render(results));
    details.forEach(d -> out.append("  ").append(d).append('\n'));
    return out.toString();
  }

  /** Beside benchmarks.jar when run from it, else the working directory. */
  private static Path jfrDirectory() {
    String classPath = System.getProperty("java.class.path");
    Path jar = Path.of(classPath).toAbsolutePath();
    return !classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")
        ? jar.getParent() : Path.of("").toAbsolutePath();
  }

  /** {@code /proc/loadavg}'s first three fields, or "unknown". */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
