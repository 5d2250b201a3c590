package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.MutableClock;
import io.github.contabo4j.images.testkit.RecordedCall;
import io.github.contabo4j.images.testkit.junit.FakeImagesExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quickstart end to end, in-process, on a virtual clock: its embedded server, and the extension's
 * face standing in for "any spec-compatible server", through both transports.
 */
class QuickstartTest {
  /** A transcript line: a UUID4 request id, the step, the detail. */
  private static final Pattern LINE = Pattern.compile(
      "([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})  (\\S+(?: \\S+)?)\\s+ (.*)");
  private static final List<String> LIFECYCLE = List.of(
      "stats", "list", "create", "poll", "poll", "poll", "poll", "poll", "rename", "filter", "audits",
      "delete", "stats");

  @RegisterExtension
  static FakeImagesExtension images = FakeImagesExtension.withHttpFace(() -> FakeImages.builder()
      .clock(MutableClock.at(Instant.parse("2024-06-03T08:00:00Z")))
      .downloadDuration(Quickstart.EMBEDDED_DOWNLOAD)
      .build());

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "feign"})
  void withNoArgumentsRunsTheLifecycleOnItsEmbeddedServer(String transport) {
    MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));

    int status = Quickstart.run(List.of("--transport", transport), Map.of(), TestChains.empty(), print(out), print(err),
        new Quickstart.Timing(clock, clock.sleeper()));

    assertThat(status).as(text(err)).isZero();
    assertThat(steps(transcript())).isEqualTo(LIFECYCLE);
    assertThat(transcript()).extracting(line -> line.group(1)).doesNotHaveDuplicates();
    assertThat(text(err)).contains("Embedded fake Contabo Images server at http://127.0.0.1:")
        .contains("transport " + transport);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "feign"})
  void everyLineShowsTheRequestIdTheServerSawForThatCall(String transport) {
    int status = run("--transport", transport, "--base-url", images.baseUri().toString(), "--token", images.token(),
        "lifecycle");

    assertThat(status).as(text(err)).isZero();
    List<Matcher> lines = transcript();
    assertThat(steps(lines)).isEqualTo(LIFECYCLE);
    List<String> served = images.server().requests().stream().map(FakeImagesServer.RecordedRequest::requestId).toList();
    assertThat(lines).extracting(line -> line.group(1)).containsExactlyElementsOf(served);
    // The audit log names the requests the transcript printed for create, rename and delete.
    assertThat(images.fake().audits()).extracting(AuditEntry::action, AuditEntry::requestId).containsExactly(
        tuple(AuditAction.CREATED, idOf(lines, "create")),
        tuple(AuditAction.UPDATED, idOf(lines, "rename")),
        tuple(AuditAction.DELETED, idOf(lines, "delete")));
    assertThat(images.fake().images()).noneMatch(image -> !image.standardImage());
  }

  @Test
  void readOnlyCommandsMakeItATinyCli() {
    Image web = images.fake().seedCustomImage("web-frontend");

    assertThat(run("--base-url", images.baseUri().toString(), "--token", images.token(), "get", web.imageId()))
        .isZero();
    assertThat(run("--base-url", images.baseUri().toString(), "--token", images.token(), "stats")).isZero();
    assertThat(run("--transport=feign", "--base-url=" + images.baseUri(), "--token=" + images.token(), "list"))
        .isZero();

    List<Matcher> lines = transcript();
    assertThat(steps(lines)).startsWith("get", "stats", "list").allMatch(s -> List.of("get", "stats", "list").contains(s));
    assertThat(lines.get(0).group(3)).contains(web.imageId()).contains("\"web-frontend\"").contains("custom");
    assertThat(lines.get(1).group(3)).startsWith("1 custom images");
    assertThat(lines).filteredOn(line -> line.group(3).contains("web-frontend")).hasSize(2);
    assertThat(lines).extracting(line -> line.group(1)).isSubsetOf(
        images.server().requests().stream().map(FakeImagesServer.RecordedRequest::requestId).toList());
    assertThat(images.fake().calls()).extracting(RecordedCall::operation).doesNotContain(
        ImagesOperation.CREATE_CUSTOM_IMAGE, ImagesOperation.UPDATE_IMAGE, ImagesOperation.DELETE_IMAGE);
  }

  @Test
  void aFailedCallExitsWithOneAndSaysWhy() {
    int status = run("--base-url", images.baseUri().toString(), "--token", images.token(), "get", "no-such-image");

    assertThat(status).isEqualTo(Quickstart.CALL_FAILED);
    assertThat(text(err)).startsWith("quickstart: ").contains("404").contains("no-such-image");
    assertThat(text(out)).isEmpty();
  }

  @Test
  void aFailureMidwayCleansUpTheImageItCreated() {
    images.fake().faults().next(ImagesOperation.UPDATE_IMAGE).serverError(500);

    int status = run("--base-url", images.baseUri().toString(), "--token", images.token(), "lifecycle");

    assertThat(status).isEqualTo(Quickstart.CALL_FAILED);
    assertThat(steps(transcript())).endsWith("poll", "clean up");
    assertThat(text(err)).contains("500");
    assertThat(images.fake().images()).noneMatch(image -> !image.standardImage());
  }

  @Test
  void helpPrintsTheUsage() {
    assertThat(run("--help")).isZero();
    assertThat(text(out)).startsWith("Usage: quickstart").contains("--transport").contains("get ID");
  }

  @Test
  void badArgumentsExitWithTwoAndAMessage() {
    assertThat(run("--transport", "curl")).isEqualTo(Quickstart.BAD_ARGUMENTS);
    assertThat(run("--base-url", "http://example.com", "--token", "secret-token-123", "stats"))
        .as("plain http to a remote host is refused by the transport").isEqualTo(Quickstart.BAD_ARGUMENTS);
    assertThat(run("--base-url", images.baseUri().toString(), "--token", images.token(), "get", "../stats"))
        .as("an invalid id never reaches the wire").isEqualTo(Quickstart.BAD_ARGUMENTS);

    assertThat(text(err)).contains("--transport must be jdk or feign").contains("baseUri").contains("imageId")
        .doesNotContain("secret-token-123");
    assertThat(images.server().requestCount()).isZero();
  }

  private int run(String... args) {
    MutableClock clock = (MutableClock) images.fake().clock();
    return Quickstart.run(List.of(args), Map.of(), TestChains.empty(), print(out), print(err),
        new Quickstart.Timing(clock, clock.sleeper()));
  }

  private List<Matcher> transcript() {
    List<Matcher> lines = new ArrayList<>();
    for (String line : text(out).split("\n")) {
      Matcher matcher = LINE.matcher(line);
      assertThat(matcher.matches()).as("a transcript line starting with its request id: %s", line).isTrue();
      lines.add(matcher);
    }
    return lines;
  }

  private static List<String> steps(List<Matcher> lines) {
    return lines.stream().map(line -> line.group(2)).toList();
  }

  private static String idOf(List<Matcher> lines, String step) {
    return lines.stream().filter(line -> line.group(2).equals(step)).map(line -> line.group(1))
        .reduce((a, b) -> b).orElseThrow();
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return Objects.requireNonNull(bytes.toString(StandardCharsets.UTF_8));
  }
}
