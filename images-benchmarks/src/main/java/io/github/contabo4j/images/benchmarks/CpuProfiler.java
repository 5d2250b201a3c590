package io.github.contabo4j.images.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
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
 * Use: {@code -prof io.github.contabo4j.images.benchmarks.CpuProfiler}.
 */
public final class CpuProfiler implements InternalProfiler {
  /** The secondary result's name. */
  static final String NAME = "cpu.per.op";

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long before;

  @Override
  public String getDescription() {
    return "process CPU time per operation (ns), from OperatingSystemMXBean#getProcessCpuTime";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - before;
    long ops = result.getMetadata().getAllOps();
    return List.of(new ScalarResult(NAME, perOp(cpu, ops), "ns/op", AggregationPolicy.AVG));
  }

  /** CPU nanoseconds per operation; NaN without operations or without a CPU clock. */
  static double perOp(long cpuNanos, long ops) {
    return ops <= 0 || cpuNanos < 0 ? Double.NaN : (double) cpuNanos / ops;
  }
}
