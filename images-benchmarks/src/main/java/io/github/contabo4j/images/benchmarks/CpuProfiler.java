package io.github.contabo4j.images.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The fork's process CPU time ({@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime},
 * every thread of the fork: the benchmark threads, the HTTP clients' own threads, GC and JIT) over
 * each iteration, divided by the iteration's operations: {@value #NAME} in ns of CPU per call. The
 * server runs in another process, so it never enters this figure; nor do neighbours on the machine.
 *
 * <p>Beside it, {@value #SWITCHES}: the context switches (voluntary and not) of all the fork's
 * threads per operation, summed from {@code /proc/self/task/<tid>/status} (Linux only; NaN elsewhere).
 * Every hand-off of a call between threads (a selector thread, a worker pool, a timer thread woken to
 * arm a deadline) costs at least one switch, and on a fork pinned to one CPU each is paid in CPU time:
 * this figure shows how many a contender makes. Threads that end during an iteration take their
 * count with them, so it is a lower bound.
 *
 * <p>In a {@link PairedBenchmark}, where contenders take turns by iteration, both names carry the
 * iteration's contender ({@code cpu.per.op@feign}): {@link #label}.
 *
 * <p>Use: {@code -prof io.github.contabo4j.images.benchmarks.CpuProfiler}.
 */
public final class CpuProfiler implements InternalProfiler {
  /** The secondary result's name. */
  static final String NAME = "cpu.per.op";

  /** The context-switch result's name. */
  static final String SWITCHES = "ctxsw.per.op";

  private static final Path TASKS = Path.of("/proc/self/task");

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long before;
  private @Nullable Map<String, Long> switchesBefore;

  @Override
  public String getDescription() {
    return "process CPU time per operation (ns), from OperatingSystemMXBean#getProcessCpuTime";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    switchesBefore = contextSwitches();
    before = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - before;
    double switches = switchesBetween(switchesBefore, contextSwitches());
    long ops = result.getMetadata().getAllOps();
    double switchesPerOp = ops <= 0 ? Double.NaN : switches / ops;
    String label = label(PairedBenchmark.current());
    return List.of(new ScalarResult(NAME + label, perOp(cpu, ops), "ns/op", AggregationPolicy.AVG),
        new ScalarResult(SWITCHES + label, switchesPerOp, "#/op", AggregationPolicy.AVG));
  }

  /**
   * The suffix naming the contender of a {@link PairedBenchmark} iteration, e.g. {@code @feign}, so
   * that JMH pools each contender's iterations apart; empty for other benchmarks.
   *
   * @param contender the iteration's contender, or null
   * @return the suffix
   */
  static String label(@Nullable String contender) {
    return contender == null ? "" : "@" + contender;
  }

  /** Each live thread's context switches so far, by thread id; null where /proc is missing. */
  static @Nullable Map<String, Long> contextSwitches() {
    if (!Files.isDirectory(TASKS)) {
      return null;
    }
    Map<String, Long> byThread = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          long sum = 0;
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
              sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
          byThread.put(task.getFileName().toString(), sum);
        } catch (IOException | RuntimeException threadEnded) {
          // the thread ended between the listing and the read: its count is gone either way
        }
      }
    } catch (IOException e) {
      return null;
    }
    return byThread;
  }

  /**
   * The switches made between two readings by the threads alive at the second one (a thread born in
   * between counts from zero; one that ended takes its count with it).
   */
  static double switchesBetween(@Nullable Map<String, Long> before, @Nullable Map<String, Long> after) {
    if (before == null || after == null) {
      return Double.NaN;
    }
    long sum = 0;
    for (Map.Entry<String, Long> thread : after.entrySet()) {
      sum += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
    }
    return sum;
  }

  /** CPU nanoseconds per operation; NaN without operations or without a CPU clock. */
  static double perOp(long cpuNanos, long ops) {
    return ops <= 0 || cpuNanos < 0 ? Double.NaN : (double) cpuNanos / ops;
  }
}
