package io.github.contabo4j.images.benchmarks;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Many virtual threads sharing one client, each calling {@code get} in a loop against the canned
 * server: one child JVM per contender, started by {@link BenchMain} on a Java 21+ runtime (Temurin 25
 * here). The code is compiled for Java 17, so the virtual-thread executor is created reflectively.
 * A JFR recording with {@code jdk.VirtualThreadPinned} enabled at threshold 0 runs throughout; the
 * pinned events are counted and their most frequent stack tops printed.
 *
 * <p>Output, one line that {@link BenchMain} parses ({@link Result#parse}), then the pinning details:
 * <pre>VT contender=jdk threads=1000 mean=12345.6 sd=210.4 windows=5 pinned=0 failures=0 java=25.0.1</pre>
 */
public final class VirtualThreadRun {
  /** The JFR event of a virtual thread pinned to its carrier (Java 21+). */
  static final String PINNED = "jdk.VirtualThreadPinned";

  private VirtualThreadRun() {}

  /**
   * One contender's result, as printed by the child and parsed by {@link BenchMain}.
   *
   * @param contender the contender
   * @param threads virtual threads
   * @param mean calls per second, mean of the one-second windows
   * @param sd their standard deviation
   * @param windows how many windows
   * @param pinned {@code jdk.VirtualThreadPinned} events during the whole run
   * @param failures calls that threw
   * @param java the runtime's version
   */
  record Result(String contender, int threads, double mean, double sd, int windows, long pinned, long failures,
      String java) {
    /** The line the child prints. */
    String line() {
      return String.format(Locale.ROOT, "VT contender=%s threads=%d mean=%.1f sd=%.1f windows=%d pinned=%d failures=%d java=%s",
          contender, threads, mean, sd, windows, pinned, failures, java);
    }

    /**
     * Reads a line printed by {@link #line()}.
     *
     * @param line the line
     * @return the result
     * @throws IllegalArgumentException if it is not such a line
     */
    static Result parse(String line) {
      if (!line.startsWith("VT ")) {
        throw new IllegalArgumentException("not a VT result line: " + line);
      }
      Map<String, String> f = new java.util.HashMap<>();
      for (String part : line.substring(3).trim().split(" ")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          f.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
      try {
        return new Result(f.get("contender"), Integer.parseInt(f.get("threads")), Double.parseDouble(f.get("mean")),
            Double.parseDouble(f.get("sd")), Integer.parseInt(f.get("windows")), Long.parseLong(f.get("pinned")),
            Long.parseLong(f.get("failures")), f.get("java"));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a VT result line: " + line, e);
      }
    }
  }

  /**
   * Runs one contender.
   *
   * @param args contender, base URI, threads, warm-up seconds, measured seconds, JFR file
   * @throws Exception if the run fails; a failed call fails the run
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      throw new IllegalArgumentException(
          "usage: VirtualThreadRun <contender> <baseUri> <threads> <warmupSeconds> <seconds> <jfrFile>");
    }
    String name = args[0];
    int threads = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    Path jfr = Path.of(args[5]);
    ExecutorService executor = virtualThreadExecutor();

    AtomicLong failures = new AtomicLong();
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    LongAdder calls = new LongAdder();
    List<Double> windows = new ArrayList<>();
    try (Recording recording = new Recording(); Contender client = Contender.open(name, URI.create(args[1]))) {
      recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
      recording.start();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup + seconds);
      for (int i = 0; i < threads; i++) {
        executor.execute(() -> {
          while (System.nanoTime() < end) {
            try {
              client.get();
              calls.increment();
            } catch (RuntimeException e) {
              failures.incrementAndGet();
              firstFailure.compareAndSet(null, e);
            }
          }
        });
      }
      Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
      for (int i = 0; i < seconds; i++) {
        long before = calls.sum();
        long start = System.nanoTime();
        Thread.sleep(1000);
        windows.add((calls.sum() - before) * 1e9 / (System.nanoTime() - start));
      }
      executor.shutdown();
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("virtual threads still running 60 s after the deadline");
      }
      recording.stop();
      Files.createDirectories(jfr.toAbsolutePath().getParent());
      recording.dump(jfr);
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " calls failed; the first: " + firstFailure.get(),
          firstFailure.get());
    }
    List<RecordedEvent> pinned = RecordingFile.readAllEvents(jfr).stream()
        .filter(e -> e.getEventType().getName().equals(PINNED))
        .collect(Collectors.toList());
    double mean = windows.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double sd = standardDeviation(windows);
    System.out.println(new Result(name, threads, mean, sd, windows.size(), pinned.size(), failures.get(),
        Runtime.version().toString()).line());
    topStacks(pinned).forEach(line -> System.out.println("  pinned at " + line));
    System.exit(0);
  }

  /**
   * The sample standard deviation; NaN for fewer than two values (one window says nothing about spread).
   *
   * @param values the values
   * @return the standard deviation
   */
  static double standardDeviation(List<Double> values) {
    if (values.size() < 2) {
      return Double.NaN;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
  }

  /**
   * {@code Executors.newVirtualThreadPerTaskExecutor()}, called reflectively (the build targets 17).
   *
   * @return the executor
   * @throws IllegalStateException on a runtime without virtual threads
   */
  static ExecutorService virtualThreadExecutor() {
    try {
      Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) factory.invoke(null);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("virtual threads need Java 21+; this is " + Runtime.version(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not create the virtual-thread executor", e);
    }
  }

  /** The five most frequent top-three-frame stacks of the pinned events, with their counts. */
  private static List<String> topStacks(List<RecordedEvent> pinned) {
    Function<RecordedEvent, String> top = e -> e.getStackTrace() == null ? "(no stack)"
        : e.getStackTrace().getFrames().stream().limit(3).map(VirtualThreadRun::frame)
            .collect(Collectors.joining(" <- "));
    return pinned.stream().collect(Collectors.groupingBy(top, Collectors.counting())).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(5)
        .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.toList());
  }

  private static String frame(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
  }
}
