package io.github.contabo4j.images.micrometer;

import static java.util.stream.Collectors.joining;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Every meter of a registry as one line, sorted: name, tags, and what it counted. */
final class Meters {
  private Meters() {}

  static List<String> lines(MeterRegistry registry) {
    return registry.getMeters().stream().map(Meters::line).sorted().toList();
  }

  private static String line(Meter meter) {
    String tags = meter.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue()).collect(joining(","));
    String name = meter.getId().getName();
    String value;
    if (meter instanceof Counter counter) {
      value = "count=" + (long) counter.count();
    } else if (meter instanceof Timer timer) {
      // Waits are on virtual time, so exact; a call's duration is real time, so only counted.
      value = "count=" + timer.count()
          + (name.endsWith(".waits") ? " total=" + Duration.ofNanos((long) timer.totalTime(TimeUnit.NANOSECONDS)) : "");
    } else if (meter instanceof LongTaskTimer longTask) {
      value = "active=" + longTask.activeTasks();
    } else {
      value = meter.getClass().getSimpleName();
    }
    return name + "{" + tags + "} " + value;
  }
}
