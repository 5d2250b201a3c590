package io.github.contabo4j.images;

import static io.github.contabo4j.images.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-call context: request ids per attempt and the optional trace id. */
class CallContextTest {
  private static final String GIVEN = "04e0f898-37b4-48bc-a794-1a57abe6aa31";

  @Test
  void firstAttemptUsesTheCallerGivenIdLaterOnesFreshUuid4s() {
    CallContext context = CallContext.create().withRequestId(GIVEN);

    String first = context.newRequestId();
    String second = context.newRequestId();
    String third = context.newRequestId();

    assertThat(first).isEqualTo(GIVEN);
    assertThat(List.of(second, third)).allSatisfy(CallContextTest::assertUuid4).doesNotContain(GIVEN);
    assertThat(second).isNotEqualTo(third);
    assertThat(context.requestIds()).containsExactly(GIVEN, second, third);
    assertThat(context.lastRequestId()).contains(third);
  }

  @Test
  void withoutAGivenIdEveryAttemptIsAFreshUuid4() {
    CallContext context = CallContext.create();
    Set<String> seen = new HashSet<>();

    for (int i = 0; i < 200; i++) {
      String id = context.newRequestId();
      assertUuid4(id);
      assertThat(seen.add(id)).as("unique %s", id).isTrue();
    }
    assertThat(context.requestIds()).hasSize(200);
  }

  @Test
  void beforeAnyAttemptThereIsNoRequestId() {
    CallContext context = CallContext.create();

    assertThat(context.requestIds()).isEmpty();
    assertThat(context.lastRequestId()).isEmpty();
    assertThat(context.traceId()).isEmpty();
  }

  @Test
  void requestIdsIsASnapshot() {
    CallContext context = CallContext.create();
    List<String> before = context.requestIds();

    context.newRequestId();

    assertThat(before).isEmpty();
    assertThat(context.requestIds()).hasSize(1);
  }

  @Test
  void withersReturnNewContextsAndKeepTheOtherPart() {
    CallContext base = CallContext.create();
    CallContext traced = base.withTraceId("trace-1");
    CallContext both = traced.withRequestId(GIVEN);

    assertThat(base.traceId()).isEmpty();
    assertThat(traced.traceId()).contains("trace-1");
    assertThat(both.traceId()).contains("trace-1");
    assertThat(both.newRequestId()).isEqualTo(GIVEN);
    assertThat(both.withTraceId("trace-2").newRequestId()).isEqualTo(GIVEN);
    assertThat(traced.toString()).contains("trace-1");
  }

  @Test
  void traceIdRejectsCrLfAndNulNamingTheHeader() {
    String rule = "x-trace-id must not contain CR, LF or NUL";
    assertRejected(() -> CallContext.create().withTraceId("a\rb"), "x-trace-id", rule);
    assertRejected(() -> CallContext.create().withTraceId("a\nb"), "x-trace-id", rule);
    assertRejected(() -> CallContext.create().withTraceId("a\u0000b"), "x-trace-id", rule);
    assertRejected(() -> CallContext.create().withTraceId(null), "x-trace-id", "x-trace-id must not be null");
  }

  @Test
  void requestIdMustMatchTheSpecPattern() {
    assertRejected(() -> CallContext.create().withRequestId("abc"), "x-request-id",
        "x-request-id must be a UUID matching the spec's pattern");
    assertRejected(() -> CallContext.create().withRequestId(GIVEN + "\r\nX: y"), "x-request-id",
        "x-request-id must be a UUID matching the spec's pattern");
  }

  @Test
  void concurrentAttemptsRecordEveryId() throws Exception {
    CallContext context = CallContext.create();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 250; i++) {
          context.newRequestId();
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(context.requestIds()).hasSize(1000).doesNotHaveDuplicates();
  }

  private static void assertUuid4(String id) {
    assertThat(id).matches(Checks.REQUEST_ID);
    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(4);
    assertThat(uuid.variant()).isEqualTo(2); // IETF: the variant nibble is 8, 9, a or b
    assertThat(id.charAt(14)).isEqualTo('4');
    assertThat(id.charAt(19)).isIn('8', '9', 'a', 'b');
    assertThat(id).isEqualTo(id.toLowerCase(java.util.Locale.ROOT));
  }
}
