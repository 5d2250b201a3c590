package io.github.contabo4j.images.benchmarks;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The summary printed at the end of a run: every contender against its floor, per call (wall time,
 * CPU per call, allocation), at 16 threads, and at the tail (p50, p99); the fake and the stream; and
 * the targets with honest verdicts ({@link Verdict}).
 *
 * <p>Floors: {@code jdk} and {@code generated} (both on {@code java.net.http}) against {@code raw};
 * {@code feign} (on Apache HttpClient 5) against {@code rawhc5}. Ratios are {@code contender / floor}
 * paired by fork and round when both were measured by one {@link PairedBenchmark} run (the per-call
 * and 16-thread tables), else with the error propagated by {@link Ratio#of}. Per call (time or CPU per op) above 1 means costlier
 * than the floor; at 16 threads the wall ratio is of throughput (below 1 means slower), the CPU ratio
 * still of CPU per op.
 */
final class RatioTable {
  /** JDK transport, at most this multiple of raw {@code java.net.http}. */
  static final double JDK_PER_CALL = 1.10;
  /** Feign transport, at most this multiple of raw Apache HttpClient 5. */
  static final double FEIGN_PER_CALL = 1.25;
  /** Both transports, at most this multiple of the generated client. */
  static final double GENERATED = 1.0;
  /** 16-thread throughput, at least this multiple of the floor's. */
  static final double THREADS16 = 0.90;
  /** The fake's get throughput, at least this many per second. */
  static final double FAKE_GETS_PER_SECOND = 2_000_000;

  private static final List<String> OPS = List.of("get", "list");

  private final List<Measurement> perCall;
  private final List<Measurement> threads16;
  private final List<Measurement> sample;
  private final List<Measurement> fake;
  private final List<Measurement> stream;

  /** One ratio with a name, for the stability comparison. */
  record Named(String name, Ratio ratio) {}

  RatioTable(List<Measurement> perCall, List<Measurement> threads16, List<Measurement> sample,
      List<Measurement> fake, List<Measurement> stream) {
    this.perCall = List.copyOf(perCall);
    this.threads16 = List.copyOf(threads16);
    this.sample = List.copyOf(sample);
    this.fake = List.copyOf(fake);
    this.stream = List.copyOf(stream);
  }

  /**
   * The floor a contender is judged against.
   *
   * @param contender the contender
   * @return {@code rawhc5} for the Apache-based ones, else {@code raw}
   */
  static String floorOf(String contender) {
    return contender.equals(Contender.FEIGN) || contender.equals(Contender.RAW_HC5) ? Contender.RAW_HC5 : Contender.RAW;
  }

  /** The whole table as text. */
  String render() {
    StringBuilder out = new StringBuilder();
    String row = "%-5s %-10s %24s %7s %14s %20s %7s %14s %11s %6s %8s%n";
    if (!perCall.isEmpty()) {
      out.append("\n== Per call, 1 thread (avgt; lower is better; ratios = contender / its floor:"
          + " raw for jdk and generated, rawhc5 for feign) ==\n");
      out.append(String.format(Locale.ROOT, row, "op", "contender", "wall", "rel", "x floor", "CPU ns/call", "rel",
          "x floor", "alloc B/op", "x flr", "sw/call"));
      for (Measurement m : perCall) {
        Optional<Measurement> floor = find(perCall, m.op(), floorOf(m.contender()));
        out.append(String.format(Locale.ROOT, row, m.op(), m.contender(), score(m), Format.percent(m.error(), m.score()),
            ratio(m, floor, Ratio::wall), cpu(m), Format.percent(m.cpuError(), m.cpuPerOp()),
            ratio(m, floor, Ratio::cpu), alloc(m.allocPerOp()),
            floor.map(f -> Format.plain(m.allocPerOp() / f.allocPerOp())).orElse(""), switches(m)));
      }
      appendForks(out, perCall);
    }
    if (!threads16.isEmpty()) {
      out.append("\n== 16 threads, one shared client (thrpt; higher is better; CPU per call lower is better) ==\n");
      String row16 = "%-5s %-10s %24s %7s %14s %20s %7s %14s %8s%n";
      out.append(String.format(Locale.ROOT, row16, "op", "contender", "throughput", "rel", "x floor", "CPU ns/call",
          "rel", "x floor", "sw/call"));
      for (Measurement m : threads16) {
        Optional<Measurement> floor = find(threads16, m.op(), floorOf(m.contender()));
        out.append(String.format(Locale.ROOT, row16, m.op(), m.contender(), score(m),
            Format.percent(m.error(), m.score()), ratio(m, floor, Ratio::wall), cpu(m),
            Format.percent(m.cpuError(), m.cpuPerOp()), ratio(m, floor, Ratio::cpu), switches(m)));
      }
      appendForks(out, threads16);
    }
    if (!sample.isEmpty()) {
      out.append("\n== Tail latency, 1 thread (sample time) ==\n");
      String rowTail = "%-5s %-10s %14s %14s %12s %12s%n";
      out.append(String.format(Locale.ROOT, rowTail, "op", "contender", "p50", "p99", "p50 x floor", "p99 x floor"));
      for (Measurement m : sample) {
        Optional<Measurement> floor = find(sample, m.op(), floorOf(m.contender()));
        String unit = m.unit().replace("/op", "");
        out.append(String.format(Locale.ROOT, rowTail, m.op(), m.contender(), Format.number(m.p50()) + " " + unit,
            Format.number(m.p99()) + " " + unit, floor.map(f -> Format.plain(m.p50() / f.p50())).orElse(""),
            floor.map(f -> Format.plain(m.p99() / f.p99())).orElse("")));
      }
    }
    if (!fake.isEmpty() || !stream.isEmpty()) {
      out.append("\n== FakeImages, 1 thread ==\n");
      for (Measurement m : fake) {
        out.append(String.format(Locale.ROOT, "%-10s %24s %7s%n", m.op(), score(m), Format.percent(m.error(), m.score())));
      }
      for (Measurement m : stream) {
        out.append(String.format(Locale.ROOT, "%-10s %24s %7s  (100,000 images, 100 per page)%n", m.op(), score(m),
            Format.percent(m.error(), m.score())));
      }
    }
    out.append("\n== Targets (met/missed only when the whole error interval is on one side) ==\n");
    for (String line : targets()) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /**
   * Each fork's own level beside the pooled figures above: one line per measurement profiled in more
   * than one fork, with every fork's median CPU per call and the spread (slowest fork / fastest). A
   * pooled error cannot say whether the iterations scatter or the forks settled at different levels;
   * this can.
   */
  private static void appendForks(StringBuilder out, List<Measurement> in) {
    List<Measurement> profiled = in.stream().filter(m -> m.cpuPerFork().size() > 1).collect(Collectors.toList());
    if (profiled.isEmpty()) {
      return;
    }
    out.append("CPU ns/call by fork (each fork's median; spread = slowest fork / fastest"
        + (profiled.get(0).paired() ? "; x floor = each fork's median ratio over its rounds" : "") + "):\n");
    for (Measurement m : profiled) {
      DoubleSummaryStatistics forks = m.cpuPerFork().stream().mapToDouble(Double::doubleValue).summaryStatistics();
      Optional<Measurement> floor = find(in, m.op(), floorOf(m.contender()));
      String byFork = m.paired() && floor.isPresent() && !m.contender().equals(floorOf(m.contender()))
          ? "  x floor " + PairedResults.forkRatios(m.cpuByRound(), floor.get().cpuByRound()).stream()
              .map(Format::plain).collect(Collectors.joining("  "))
          : "";
      out.append(String.format(Locale.ROOT, "%-5s %-10s %s  spread %sx%s%n", m.op(), m.contender(),
          m.cpuPerFork().stream().map(Format::number).collect(Collectors.joining("  ")),
          Format.plain(forks.getMax() / forks.getMin()), byFork));
    }
  }

  /** One line per check of the targets, each with its verdict, ratio and interval. */
  List<String> targets() {
    List<String> lines = new ArrayList<>();
    perCallTarget(lines, Contender.JDK, Contender.RAW, JDK_PER_CALL);
    perCallTarget(lines, Contender.FEIGN, Contender.RAW_HC5, FEIGN_PER_CALL);
    if (OPS.stream().anyMatch(op -> find(perCall, op, Contender.GENERATED).isPresent())) {
      perCallTarget(lines, Contender.JDK, Contender.GENERATED, GENERATED);
      perCallTarget(lines, Contender.FEIGN, Contender.GENERATED, GENERATED);
    } else {
      lines.add(Verdict.NOT_RUN.label() + " jdk and feign <= 1.00x generated: build with -Pgenerated");
    }
    for (String contender : List.of(Contender.JDK, Contender.FEIGN)) {
      String floor = floorOf(contender);
      for (String op : OPS) {
        Optional<Measurement> m = find(threads16, op, contender);
        Optional<Measurement> f = find(threads16, op, floor);
        String what = String.format(Locale.ROOT, "16 threads %s %s", contender, op);
        if (m.isEmpty() || f.isEmpty()) {
          lines.add(Verdict.NOT_RUN.label() + " " + what);
          continue;
        }
        lines.add(line(Verdict.atLeast(Ratio.wall(m.get(), f.get()), THREADS16), what + " throughput",
            Ratio.wall(m.get(), f.get()), floor, ">=", THREADS16));
        lines.add(line(Verdict.atMost(Ratio.cpu(m.get(), f.get()), 1 / THREADS16), what + " CPU/call",
            Ratio.cpu(m.get(), f.get()), floor, "<=", 1 / THREADS16));
      }
    }
    Optional<Measurement> gets = fake.stream().filter(m -> m.op().equals("get")).findFirst();
    lines.add(gets.map(m -> {
      Ratio r = Ratio.of(m.score(), m.error(), FAKE_GETS_PER_SECOND, 0);
      return Verdict.atLeast(r, 1.0).label() + String.format(Locale.ROOT, " fake >= 2M get/s: %s get/s (%s)",
          Format.number(m.score()) + " ± " + Format.number(m.error()), Format.percent(m.error(), m.score()));
    }).orElse(Verdict.NOT_RUN.label() + " fake >= 2M get/s"));
    return lines;
  }

  private void perCallTarget(List<String> lines, String contender, String floor, double limit) {
    for (String op : OPS) {
      Optional<Measurement> m = find(perCall, op, contender);
      Optional<Measurement> f = find(perCall, op, floor);
      String what = String.format(Locale.ROOT, "%s %s", contender, op);
      if (m.isEmpty() || f.isEmpty()) {
        lines.add(Verdict.NOT_RUN.label() + " " + what + " <= " + Format.plain(limit) + "x " + floor);
        continue;
      }
      Ratio cpu = Ratio.cpu(m.get(), f.get());
      Ratio wall = Ratio.wall(m.get(), f.get());
      lines.add(line(Verdict.atMost(cpu, limit), what + " CPU/call", cpu, floor, "<=", limit));
      lines.add(line(Verdict.atMost(wall, limit), what + " wall/call", wall, floor, "<=", limit));
    }
  }

  private static String line(Verdict verdict, String what, Ratio ratio, String floor, String relation, double limit) {
    return String.format(Locale.ROOT, "%s %s: %sx %s, interval %s, target %s %s", verdict.label(), what, ratio, floor,
        ratio.interval(), relation, Format.plain(limit));
  }

  /**
   * Every CPU-per-call ratio against a floor, per call and at 16 threads, for the stability check.
   *
   * @return the named ratios, in table order
   */
  List<Named> cpuRatios() {
    List<Named> out = new ArrayList<>();
    addCpuRatios(out, "per call", perCall);
    addCpuRatios(out, "16 threads", threads16);
    return out;
  }

  private static void addCpuRatios(List<Named> out, String run, List<Measurement> in) {
    for (Measurement m : in) {
      String floor = floorOf(m.contender());
      if (m.contender().equals(floor)) {
        continue;
      }
      find(in, m.op(), floor).ifPresent(f -> out.add(
          new Named(run + " " + m.op() + " " + m.contender() + "/" + floor, Ratio.cpu(m, f))));
    }
  }

  /** The ratio against the floor as text; "floor" for the floor itself, empty without one. */
  private static String ratio(Measurement m, Optional<Measurement> floor, BiFunction<Measurement, Measurement, Ratio> of) {
    if (m.contender().equals(floorOf(m.contender()))) {
      return "floor";
    }
    return floor.map(f -> of.apply(m, f).toString()).orElse("");
  }

  private static Optional<Measurement> find(List<Measurement> in, String op, String contender) {
    return in.stream().filter(m -> m.op().equals(op) && m.contender().equals(contender)).findFirst();
  }

  private static String score(Measurement m) {
    return Format.number(m.score()) + " ± " + Format.number(m.error()) + " " + m.unit();
  }

  private static String cpu(Measurement m) {
    return Double.isNaN(m.cpuPerOp()) ? "" : Format.number(m.cpuPerOp()) + " ± " + Format.number(m.cpuError());
  }

  /** Context switches per call, all the fork's threads ({@link CpuProfiler}); blank when not profiled. */
  private static String switches(Measurement m) {
    return Double.isNaN(m.switchesPerOp()) ? "" : String.format(Locale.ROOT, "%.2f", m.switchesPerOp());
  }

  private static String alloc(double bytes) {
    return Double.isNaN(bytes) ? "" : String.format(Locale.ROOT, "%,.0f", bytes);
  }
}
