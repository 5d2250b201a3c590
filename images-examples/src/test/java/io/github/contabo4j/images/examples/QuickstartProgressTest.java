package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quickstart's lifecycle shows the download's progress: one line per poll with status, MB and time. */
class QuickstartProgressTest {
  @Test
  void eachPollLineShowsTheStatusTheDownloadedMegabytesAndTheTimeSoFar() {
    MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = Quickstart.run(List.of("--transport", "jdk"), Map.of(), TestChains.empty(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new Quickstart.Timing(clock, clock.sleeper()));

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> polls = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("  poll  ")).toList();
    assertThat(polls).hasSizeGreaterThan(1);
    assertThat(polls.get(0)).contains("poll 1 of the download: downloading, 0 of 1024 MB after 0 s (answered in");
    assertThat(polls.get(polls.size() - 1)).contains("downloaded, 1024 of 1024 MB after");
  }
}
