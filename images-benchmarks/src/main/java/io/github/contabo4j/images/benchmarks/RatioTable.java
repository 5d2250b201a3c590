package io.github.contabo4j.images.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The summary printed at the end of a run: every contender divided by raw, per call and at 16
 * threads, the fake's throughput, the stream, and the targets marked met or missed.
 *
 * <p>Ratios are {@code contender / raw} of the scores. Per call (time per op) above 1 means slower
 * than raw; at 16 threads (ops per second) below 1 means slower. A ratio's error combines both
 * scores' relative errors: {@code r * sqrt((ea/a)^2 + (eb/b)^2)}.
 */
final class RatioTable {
  /** JDK transport per call, at most this multiple of raw. */
  static final double JDK_PER_CALL = 1.10;
  /** Feign transport per call, at most this multiple of raw. */
  static final double FEIGN_PER_CALL = 1.25;
  /** 16-thread throughput, at least this multiple of raw. */
  static final double THREADS16 = 0.90;
  /** The fake's get throughput, at least this many per second. */
  static final double FAKE_GETS_PER_SECOND = 2_000_000;

  private final List<Measurement> perCall;
  private final List<Measurement> threads16;
  private final List<Measurement> fake;
  private final List<Measurement> stream;

  RatioTable(List<Measurement> perCall, List<Measurement> threads16, List<Measurement> fake, List<Measurement> stream) {
    this.perCall = perCall;
    this.threads16 = threads16;
    this.fake = fake;
    this.stream = stream;
  }

  /** The whole table as text. */
  String render() {
    StringBuilder out = new StringBuilder();
    if (!perCall.isEmpty()) {
      out.append("\n== Per call, 1 thread (avgt; lower is better; ratio = contender / raw) ==\n");
      out.append(String.format(Locale.ROOT, "%-5s %-10s %22s %16s %12s %10s%n",
          "op", "contender", "score", "x raw", "alloc B/op", "x raw"));
      for (Measurement m : perCall) {
        Measurement raw = find(perCall, m.op(), Contender.RAW).orElse(null);
        out.append(String.format(Locale.ROOT, "%-5s %-10s %22s %16s %12s %10s%n", m.op(), m.contender(),
            score(m), ratioText(m, raw), alloc(m.allocPerOp()),
            raw == null ? "" : plain(m.allocPerOp() / raw.allocPerOp())));
      }
    }
    if (!threads16.isEmpty()) {
      out.append("\n== Throughput, 16 threads, one shared client (thrpt; higher is better) ==\n");
      out.append(String.format(Locale.ROOT, "%-5s %-10s %22s %16s%n", "op", "contender", "score", "x raw"));
      for (Measurement m : threads16) {
        out.append(String.format(Locale.ROOT, "%-5s %-10s %22s %16s%n", m.op(), m.contender(), score(m),
            ratioText(m, find(threads16, m.op(), Contender.RAW).orElse(null))));
      }
    }
    if (!fake.isEmpty() || !stream.isEmpty()) {
      out.append("\n== FakeImages, 1 thread ==\n");
      for (Measurement m : fake) {
        out.append(String.format(Locale.ROOT, "%-10s %22s%n", m.op(), score(m)));
      }
      for (Measurement m : stream) {
        out.append(String.format(Locale.ROOT, "%-10s %22s  (100,000 images, 100 per page)%n", m.op(), score(m)));
      }
    }
    out.append("\n== Targets ==\n");
    for (String line : targets()) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** One line per target of the issue: what was measured and whether it is met. */
  List<String> targets() {
    List<String> lines = new ArrayList<>();
    lines.add(perCallTarget(Contender.JDK, JDK_PER_CALL));
    lines.add(perCallTarget(Contender.FEIGN, FEIGN_PER_CALL));
    lines.add(fasterThanGenerated());
    lines.add(threadsTarget());
    Optional<Measurement> gets = fake.stream().filter(m -> m.op().equals("get")).findFirst();
    lines.add(gets.map(m -> line(m.score() >= FAKE_GETS_PER_SECOND,
            String.format(Locale.ROOT, "fake >= 2M get/s: %,.0f get/s", m.score())))
        .orElse("[not run] fake >= 2M get/s"));
    return lines;
  }

  private String perCallTarget(String contender, double limit) {
    String name = String.format(Locale.ROOT, "%s <= %.2fx raw per call:", contender, limit);
    List<String> parts = new ArrayList<>();
    boolean met = true;
    for (String op : List.of("get", "list")) {
      Optional<Measurement> m = find(perCall, op, contender);
      Optional<Measurement> raw = find(perCall, op, Contender.RAW);
      if (m.isEmpty() || raw.isEmpty()) {
        return "[not run] " + name;
      }
      double ratio = m.get().score() / raw.get().score();
      met &= ratio <= limit;
      parts.add(op + " " + plain(ratio) + "x");
    }
    return line(met, name + " " + String.join(", ", parts));
  }

  private String fasterThanGenerated() {
    String name = "jdk and feign faster per call than generated:";
    List<String> parts = new ArrayList<>();
    boolean met = true;
    for (String op : List.of("get", "list")) {
      Optional<Measurement> generated = find(perCall, op, Contender.GENERATED);
      if (generated.isEmpty()) {
        return "[not run] " + name + " no generated contender (build with -Pgenerated)";
      }
      for (String contender : List.of(Contender.JDK, Contender.FEIGN)) {
        Optional<Measurement> m = find(perCall, op, contender);
        if (m.isEmpty()) {
          return "[not run] " + name;
        }
        double ratio = m.get().score() / generated.get().score();
        met &= ratio < 1.0;
        parts.add(op + " " + contender + " " + plain(ratio) + "x generated");
      }
    }
    return line(met, name + " " + String.join(", ", parts));
  }

  private String threadsTarget() {
    String name = String.format(Locale.ROOT, "16-thread throughput >= %.2fx raw:", THREADS16);
    List<String> parts = new ArrayList<>();
    boolean met = true;
    for (String op : List.of("get", "list")) {
      for (String contender : List.of(Contender.JDK, Contender.FEIGN)) {
        Optional<Measurement> m = find(threads16, op, contender);
        Optional<Measurement> raw = find(threads16, op, Contender.RAW);
        if (m.isEmpty() || raw.isEmpty()) {
          return "[not run] " + name;
        }
        double ratio = m.get().score() / raw.get().score();
        met &= ratio >= THREADS16;
        parts.add(op + " " + contender + " " + plain(ratio) + "x");
      }
    }
    return line(met, name + " " + String.join(", ", parts));
  }

  private static String line(boolean met, String text) {
    return (met ? "[met]     " : "[MISSED]  ") + text;
  }

  private static Optional<Measurement> find(List<Measurement> in, String op, String contender) {
    return in.stream().filter(m -> m.op().equals(op) && m.contender().equals(contender)).findFirst();
  }

  private static String score(Measurement m) {
    return String.format(Locale.ROOT, "%s ± %s %s", number(m.score()), number(m.error()), m.unit());
  }

  private static String ratioText(Measurement m, @Nullable Measurement raw) {
    if (raw == null) {
      return "";
    }
    double ratio = m.score() / raw.score();
    double error = ratio * Math.sqrt(square(m.error() / m.score()) + square(raw.error() / raw.score()));
    return plain(ratio) + " ± " + plain(error);
  }

  private static double square(double x) {
    return x * x;
  }

  private static String number(double x) {
    if (Double.isNaN(x)) {
      return "?";
    }
    return x >= 1000 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.3f", x);
  }

  private static String plain(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? "?" : String.format(Locale.ROOT, "%.2f", x);
  }

  private static String alloc(double bytes) {
    return Double.isNaN(bytes) ? "" : String.format(Locale.ROOT, "%,.0f", bytes);
  }
}
