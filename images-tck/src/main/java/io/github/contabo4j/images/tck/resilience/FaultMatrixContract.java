package io.github.contabo4j.images.tck.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.BadRequestException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ConflictException;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.OutcomeUnknownException;
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TenantId;
import io.github.contabo4j.images.UnsupportedImageFormatException;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.testkit.MutableClock;
import io.github.contabo4j.images.tck.resilience.MatrixFault.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The fault matrix: how the resilience decorator and the port under it behave when the service or
 * the network misbehaves, written once and passed by every adapter. The fake runs it wrapped in
 * {@link io.github.contabo4j.images.resilience.ResilientImagesPort} with faults from its own script;
 * each HTTP transport runs it through its builder's default decorator against WireMock (see {@link
 * WireFaultMatrixContract}).
 *
 * <p><b>The hooks.</b> A subclass says how to make the port under test ({@link #newPort}), how to
 * script a fault for the next attempts of an operation ({@link #script}), how far its audit log lags
 * ({@link #auditLogLags}), what reached the service ({@link #received}), which images it created
 * ({@link #imagesCreated}) and when it holds an answer back ({@link #awaitAnswerHeldBack}); {@link
 * #begin} starts each row on a fresh service. Counts that differ between adapters for a documented
 * reason are overridable: {@link #getSendsWhenTheConnectionDiesBeforeTheFirstByte()}, {@link
 * #countsRefusedAttempts()} and {@link #deliveryWhenInterruptedDuringAnAnswer()}. A row an adapter
 * cannot express is skipped only by overriding its method with JUnit's {@code Disabled} annotation giving the
 * reason.
 *
 * <p><b>Each row asserts</b> the requests that reached the service (audit lookups included), the
 * exception (type, {@link Failure}, {@link Delivery}, status, cause) or the complete result, and the
 * waits the decorator asked its {@link Sleeper} for. Rows:
 *
 * <ol>
 *   <li>a connection reset on a GET is retried, then succeeds; each attempt has a fresh {@code
 *       x-request-id} and the same {@code x-trace-id};
 *   <li>a refused connection is retried for every operation, create included;
 *   <li>an empty response, a malformed chunk, or random bytes: the same failure on every adapter,
 *       never a half-parsed object; a create is not sent again but looked up in the audit log;
 *   <li>an answer slower than the attempt timeout is a {@code TIMEOUT}, retried except for create,
 *       which is reconciled;
 *   <li>429 with {@code Retry-After} in seconds, as an HTTP-date (against the injected clock), as
 *       garbage, missing, and above the cap;
 *   <li>429s under 16 concurrent callers: attempts per limiter period stay within the setting and
 *       no attempt starts before the "not before" time;
 *   <li>500, 502, 503, 504 for each operation: 500 is retried for reads only, the others for all but
 *       create, whose outcome the audit log then cannot settle;
 *   <li>400, 401, 403, 404, 409 and 415 for each operation: never retried;
 *   <li>a reset after a create was sent: exactly one POST, then reconciled through the audit log:
 *       found, found after the log lagged, not found, and the lookup failing;
 *   <li>a 500 on a create: no re-send, then reconciled;
 *   <li>a retried delete answered 404 after an ambiguous first attempt has succeeded;
 *   <li>a chunked answer dribbled past the call's deadline is cut at the deadline (wire only);
 *   <li>an interrupt during a backoff, between audit lookups, or during a slow answer ends the call
 *       promptly, keeps the interrupt flag and sends nothing more.
 * </ol>
 *
 * <p><b>Virtual time.</b> Every row but two runs on a {@link MutableClock} that only the decorator's
 * waits move: a recording {@link Sleeper} advances it. Backoff bounds are hours long, so a wait never
 * costs real time and a jittered wait is never drawn as zero in practice; the call deadline is
 * therefore a day, the longest the policy allows. Real time is spent only where a socket needs it,
 * each budget at most 300 ms: row 4 (a 100 ms attempt timeout), row 12 (a 150 ms deadline on the real
 * clock, the only row whose decorator reads real time) and the slow answers of row 13 (interrupted
 * as soon as the service holds them). Row 6 runs its callers as a discrete-event simulation: virtual
 * time moves only when every caller waits, so a request sent at virtual time {@code t} is answered
 * before any request sent later, and each attempt's virtual time is known exactly (WireMock's
 * journal timestamps are real time and say nothing about the limiter's virtual periods).
 */
public abstract class FaultMatrixContract {
  /** The image every row can read; {@link #begin} makes it retrievable. */
  protected static final Image IMAGE = Image.builder()
      .imageId("4a6d1a4e-2ab5-4bb8-8a66-5a1a1f3d2c10")
      .tenantId(TenantId.DE)
      .customerId("54321")
      .name("matrix")
      .description("the fault matrix's image")
      .url("https://images.example.com/matrix.qcow2")
      .sizeMb(2048)
      .uploadedSizeMb(2048)
      .osType(OsType.LINUX)
      .version("24.04")
      .format(ImageFormat.QCOW2)
      .status(ImageStatus.DOWNLOADED)
      .errorMessage("")
      .creationDate(Instant.parse("2025-03-01T08:00:00Z"))
      .lastModifiedDate(Instant.parse("2025-03-01T08:10:00Z"))
      .build();

  /** The create every row sends. */
  protected static final CreateCustomImage NEW_IMAGE =
      CreateCustomImage.of("matrix-new", "https://images.example.com/new.iso", OsType.LINUX, "24.04");

  private static final String TRACE_ID = "fault-matrix-trace";
  private static final Duration BACKOFF_BASE = Duration.ofHours(1);
  private static final Duration THROTTLE_BASE = Duration.ofHours(2);
  /** Audit-lookup rounds after an ambiguous create. */
  private static final int RECONCILE_ROUNDS = 3;
  /** The wait between two rounds of audit lookups, exact (no jitter). */
  private static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(30);
  /** How long a held-back answer would take; the rows that use it interrupt the caller long before. */
  private static final Duration HELD_ANSWER = Duration.ofSeconds(2);
  /** How much later than the interrupt (or the deadline) a call may end and still count as prompt. */
  private static final Duration PROMPTLY = Duration.ofMillis(150);
  private static final Set<ImagesOperation> READS = EnumSet.of(ImagesOperation.RETRIEVE_IMAGE_LIST,
      ImagesOperation.RETRIEVE_IMAGE, ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS,
      ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST);
  private static final Map<Integer, Class<? extends ImagesServiceException>> NEVER_RETRIED = Map.of(
      400, BadRequestException.class, 401, AuthenticationException.class, 403, PermissionDeniedException.class,
      404, ImageNotFoundException.class, 409, ConflictException.class, 415, UnsupportedImageFormatException.class);

  private final List<ImagesPort> opened = new ArrayList<>();
  private @Nullable VirtualTime time;

  // ================================================================ hooks

  /**
   * Starts a row on a fresh service: no faults, no recorded requests, {@code image} retrievable by
   * its id, and a create answered with 201. Called before each row and each dynamic test.
   *
   * @param clock the row's virtual clock, at its start; an adapter that reads a clock (the fake's
   *     timestamps) should read this one
   * @param image the image {@code retrieveImage} must return
   * @throws Exception if the service cannot be prepared
   */
  protected abstract void begin(MutableClock clock, Image image) throws Exception;

  /**
   * Makes the port under test: the adapter wrapped in the resilience decorator with exactly these
   * settings. If it is {@link AutoCloseable}, the suite closes it after the row.
   *
   * @param policy the policy (an HTTP transport also takes its {@code attemptTimeout} as its request
   *     timeout)
   * @param sleeper the recording sleeper the decorator must wait through
   * @param clock the virtual clock for the rate limiter, the "not before" time and {@code
   *     Retry-After} dates
   * @return the port
   */
  protected abstract ImagesPort newPort(ResiliencePolicy policy, Sleeper sleeper, Clock clock);

  /**
   * Makes the next {@code attempts} attempts of an operation fail with {@code fault}; later attempts
   * succeed (for {@code retrieveImage} and {@code createCustomImage}) or are not made. Each row
   * scripts an operation at most once.
   *
   * @param operation the operation
   * @param attempts how many attempts, at least 1
   * @param fault the fault
   */
  protected abstract void script(ImagesOperation operation, int attempts, MatrixFault fault);

  /**
   * What reached the service for one operation since the row began, in order.
   *
   * @param operation the operation
   * @return one entry per request received
   */
  protected abstract List<Received> received(ImagesOperation operation);

  /**
   * Makes the next {@code lookups} audit-log queries answer as if the log had not caught up yet:
   * without any entry. Later queries see the whole log.
   *
   * @param lookups how many queries, at least 1
   */
  protected abstract void auditLogLags(int lookups);

  /**
   * The ids of the images the service created since the row began, in order: one per create it
   * applied, including creates whose answer a fault then lost.
   *
   * @return the ids
   */
  protected abstract List<String> imagesCreated();

  /**
   * Blocks until a request has reached the service whose answer a {@link MatrixFault.Kind#SLOW_ANSWER}
   * holds back, so that the caller is now waiting for it.
   *
   * @param timeout the longest to wait
   * @return whether such a request arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  protected abstract boolean awaitAnswerHeldBack(Duration timeout) throws InterruptedException;

  /**
   * Ends a row, after its assertions passed: e.g. checks the traffic against the vendor spec.
   * Default: nothing.
   *
   * @throws Exception if the check fails
   */
  protected void end() throws Exception {}

  /**
   * How many requests one attempt of a {@code GET} puts on the wire when its connection dies
   * before the first answer byte (a reset or an empty response). Default 1. The JDK's {@code
   * HttpClient} re-sends such a {@code GET} once by itself with the same {@code x-request-id}, so
   * the JDK transport overrides this with 2. Other methods and faults: always 1.
   *
   * @return requests per such attempt
   */
  protected int getSendsWhenTheConnectionDiesBeforeTheFirstByte() {
    return 1;
  }

  /**
   * Whether a refused attempt shows up in {@link #received}. Default false: a refused connection
   * carries no request. The fake records every call before its faults apply, so it overrides this
   * with true.
   *
   * @return whether refused attempts are received
   */
  protected boolean countsRefusedAttempts() {
    return false;
  }

  /**
   * The {@link Delivery} of the {@code INTERRUPTED} failure when the caller is interrupted while the
   * service holds its answer back. Default {@link Delivery#MAYBE_PROCESSED}: a transport cannot know
   * whether the request was applied. The fake knows it was not (it simulates the wait before
   * applying anything) and overrides this with {@link Delivery#NOT_SENT}.
   *
   * @return the delivery
   */
  protected Delivery deliveryWhenInterruptedDuringAnAnswer() {
    return Delivery.MAYBE_PROCESSED;
  }

  /**
   * One request that reached the service.
   *
   * @param requestId its {@code x-request-id}
   * @param traceId its {@code x-trace-id}, or null
   * @param at the virtual time the attempt was sent
   */
  public record Received(String requestId, @Nullable String traceId, Instant at) {}

  /**
   * Requests one attempt of {@code operation} puts on the wire when it fails with {@code fault}.
   *
   * @param operation the operation
   * @param fault the fault
   * @return 1, or {@link #getSendsWhenTheConnectionDiesBeforeTheFirstByte()} for a GET whose
   *     connection dies before the first byte
   */
  protected final int sendsPerAttempt(ImagesOperation operation, MatrixFault fault) {
    return operation.readOnly() && fault.diesBeforeTheFirstByte()
        ? getSendsWhenTheConnectionDiesBeforeTheFirstByte()
        : 1;
  }

  // ================================================================ the rows

  /** Row 1: a reset GET is retried with a fresh request id and the same trace id, then succeeds. */
  @Test
  protected void row1ConnectionResetOnAGetIsRetriedThenSucceeds() throws Throwable {
    inRow(() -> {
      ImagesPort port = port(policy().build());
      MatrixFault reset = MatrixFault.connection(Kind.CONNECTION_RESET);
      script(ImagesOperation.RETRIEVE_IMAGE, 2, reset);
      CallContext context = CallContext.create().withTraceId(TRACE_ID);

      assertEquals(IMAGE, port.retrieveImage(IMAGE.imageId(), context));

      List<String> ids = context.requestIds();
      assertEquals(3, ids.size(), "attempts");
      assertEquals(3, Set.copyOf(ids).size(), "every attempt has a fresh request id: " + ids);
      int sends = sendsPerAttempt(ImagesOperation.RETRIEVE_IMAGE, reset);
      List<String> expected = new ArrayList<>();
      expected.addAll(Collections.nCopies(sends, ids.get(0)));
      expected.addAll(Collections.nCopies(sends, ids.get(1)));
      expected.add(ids.get(2));
      List<Received> received = received(ImagesOperation.RETRIEVE_IMAGE);
      assertEquals(expected, received.stream().map(Received::requestId).toList(), "request ids received");
      received.forEach(r -> assertEquals(TRACE_ID, r.traceId(), "x-trace-id of " + r.requestId()));
      assertWaits(jitter(1), jitter(2));
    });
  }

  /** Row 2: a refused connection sent nothing, so every operation retries it, create included. */
  @TestFactory
  protected Stream<DynamicTest> row2ARefusedConnectionIsRetriedForEveryOperation() {
    return Stream.of(
        row("create: refused twice, then created", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 2, MatrixFault.connection(Kind.CONNECTION_REFUSED));
          CallContext context = CallContext.create();

          CreatedImage created = port.createCustomImage(NEW_IMAGE, context);

          assertFalse(created.reconciled(), "answered, not reconciled");
          assertEquals(List.of(created.imageId()), imagesCreated(), "images created");
          assertEquals(3, context.requestIds().size(), "attempts");
          List<Received> received = received(ImagesOperation.CREATE_CUSTOM_IMAGE);
          assertEquals(countsRefusedAttempts() ? 3 : 1, received.size(), "requests received");
          assertEquals(context.lastRequestId().orElseThrow(), received.get(received.size() - 1).requestId(),
              "the answered request is the last attempt");
          assertWaits(jitter(1), jitter(2));
        }),
        row("retrieveImage: refused twice, then answered", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.RETRIEVE_IMAGE, 2, MatrixFault.connection(Kind.CONNECTION_REFUSED));
          CallContext context = CallContext.create();

          assertEquals(IMAGE, port.retrieveImage(IMAGE.imageId(), context));

          assertEquals(3, context.requestIds().size(), "attempts");
          assertEquals(countsRefusedAttempts() ? 3 : 1, received(ImagesOperation.RETRIEVE_IMAGE).size());
          assertWaits(jitter(1), jitter(2));
        }),
        row("create: refused on every attempt", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 4, MatrixFault.connection(Kind.CONNECTION_REFUSED));
          CallContext context = CallContext.create();

          ImagesTransportException e = assertThrows(ImagesTransportException.class,
              () -> port.createCustomImage(NEW_IMAGE, context));

          assertTransportFailure(e, Failure.CONNECT_FAILED, Delivery.NOT_SENT, context, 4);
          assertEquals(countsRefusedAttempts() ? 4 : 0, received(ImagesOperation.CREATE_CUSTOM_IMAGE).size());
          assertWaits(jitter(1), jitter(2), jitter(3));
        }));
  }

  /**
   * Row 3: answers that are no HTTP answer. A GET is retried and then returns the whole object; a
   * create is not sent again: it ends ambiguously with the same failure on every adapter, and as
   * nothing was created, the audit log cannot settle it.
   */
  @TestFactory
  protected Stream<DynamicTest> row3GarbledAnswersFailTheSameEverywhere() {
    Map<Kind, Failure> failures = Map.of(Kind.EMPTY_RESPONSE, Failure.CONNECTION_CLOSED,
        Kind.MALFORMED_RESPONSE_CHUNK, Failure.MALFORMED_RESPONSE, Kind.RANDOM_DATA_THEN_CLOSE, Failure.MALFORMED_RESPONSE);
    return Stream.of(Kind.EMPTY_RESPONSE, Kind.MALFORMED_RESPONSE_CHUNK, Kind.RANDOM_DATA_THEN_CLOSE)
        .flatMap(kind -> Stream.of(
            row(kind + " on retrieveImage: retried, then the whole image", () -> {
              ImagesPort port = port(policy().build());
              MatrixFault fault = MatrixFault.connection(kind);
              script(ImagesOperation.RETRIEVE_IMAGE, 1, fault);
              CallContext context = CallContext.create();

              assertEquals(IMAGE, port.retrieveImage(IMAGE.imageId(), context));

              assertEquals(2, context.requestIds().size(), "attempts");
              assertEquals(sendsPerAttempt(ImagesOperation.RETRIEVE_IMAGE, fault) + 1,
                  received(ImagesOperation.RETRIEVE_IMAGE).size(), "requests received");
              assertWaits(jitter(1));
            }),
            row(kind + " on create: " + failures.get(kind) + ", not re-sent, not found in the audit log", () -> {
              ImagesPort port = port(policy().build());
              script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, MatrixFault.connection(kind));
              CallContext context = CallContext.create();

              OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                  () -> port.createCustomImage(NEW_IMAGE, context));

              assertOutcomeUnknown(e, context, RECONCILE_ROUNDS, null);
              assertTransportFailure(ambiguous(e, ImagesTransportException.class), failures.get(kind),
                  Delivery.MAYBE_PROCESSED, context, 1);
              assertWaits(reconcileWaits(RECONCILE_ROUNDS));
            })));
  }

  /**
   * Row 4: an answer later than the attempt timeout (100 ms of real time; the answer comes after
   * 250 ms) is a {@code TIMEOUT} that may have been processed: retried for a GET; a create is not
   * sent again but found in the audit log, since the service did create the image.
   */
  @TestFactory
  protected Stream<DynamicTest> row4AnAnswerPastTheAttemptTimeoutIsATimeout() {
    ResiliencePolicy policy = policy().maxAttempts(2).attemptTimeout(Duration.ofMillis(100)).build();
    MatrixFault slow = MatrixFault.slowAnswer(Duration.ofMillis(250));
    return Stream.of(
        row("retrieveImage: timed out, retried, answered", () -> {
          ImagesPort port = port(policy);
          script(ImagesOperation.RETRIEVE_IMAGE, 1, slow);
          CallContext context = CallContext.create();

          assertEquals(IMAGE, port.retrieveImage(IMAGE.imageId(), context));

          assertEquals(2, context.requestIds().size(), "attempts");
          assertEquals(2, received(ImagesOperation.RETRIEVE_IMAGE).size(), "requests received");
          assertWaits(jitter(1));
        }),
        foundInTheAuditLog("create: timed out, not re-sent, found in the audit log", policy, slow.afterApplying()));
  }

  /** Row 5: 429 and every shape of {@code Retry-After}. */
  @TestFactory
  protected Stream<DynamicTest> row5RateLimitedHonoursRetryAfter() {
    String inSevenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(VirtualTime.START.plusSeconds(7).atZone(ZoneOffset.UTC));
    return Stream.of(
        retriedAfter("Retry-After in seconds", "3", Wait.exactly(Duration.ofSeconds(3))),
        retriedAfter("Retry-After as an HTTP-date 7 s ahead of the clock", inSevenSeconds,
            Wait.exactly(Duration.ofSeconds(7))),
        retriedAfter("garbage Retry-After: the throttle backoff", "soon, maybe", Wait.upTo(THROTTLE_BASE)),
        retriedAfter("no Retry-After: the throttle backoff", null, Wait.upTo(THROTTLE_BASE)),
        row("Retry-After above the cap: fails at once with retryAfter()", () -> {
          ImagesPort port = port(policy().build()); // maxRetryAfter 60 s
          script(ImagesOperation.RETRIEVE_IMAGE, 1, MatrixFault.rateLimited("120"));
          CallContext context = CallContext.create();

          RateLimitedException e = assertThrows(RateLimitedException.class,
              () -> port.retrieveImage(IMAGE.imageId(), context));

          assertEquals(429, e.statusCode());
          assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow(), "retryAfter()");
          assertEquals(context.requestIds(), e.requestIds());
          assertEquals(1, received(ImagesOperation.RETRIEVE_IMAGE).size(), "requests received");
          assertWaits();
        }),
        row("a 429 on create is retried: the service did not process it", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, MatrixFault.rateLimited("1"));
          CallContext context = CallContext.create();

          CreatedImage created = port.createCustomImage(NEW_IMAGE, context);

          assertFalse(created.reconciled(), "answered, not reconciled");
          assertEquals(List.of(created.imageId()), imagesCreated(), "images created");
          assertEquals(2, context.requestIds().size(), "attempts");
          assertEquals(2, received(ImagesOperation.CREATE_CUSTOM_IMAGE).size(), "requests received");
          assertWaits(Wait.exactly(Duration.ofSeconds(1)));
        }));
  }

  private DynamicTest retriedAfter(String name, @Nullable String header, Wait wait) {
    return row(name, () -> {
      ImagesPort port = port(policy().build());
      script(ImagesOperation.RETRIEVE_IMAGE, 1, MatrixFault.rateLimited(header));
      CallContext context = CallContext.create();

      assertEquals(IMAGE, port.retrieveImage(IMAGE.imageId(), context));

      assertEquals(2, context.requestIds().size(), "attempts");
      assertEquals(2, received(ImagesOperation.RETRIEVE_IMAGE).size(), "requests received");
      assertWaits(wait);
    });
  }

  /**
   * Row 6: 16 concurrent callers meet 429s ({@code Retry-After: 2}) on their first four attempts,
   * with a limit of 4 attempts per second. Every caller succeeds; no limiter period holds more than
   * 4 attempts; after each 429, no attempt of any caller starts before its "not before" time.
   */
  @Test
  protected void row6ConcurrentCallersRespectTheLimiterAndTheNotBeforeTime() throws Throwable {
    inRow(() -> {
      int callers = 16;
      int permits = 4;
      Duration period = Duration.ofSeconds(1);
      Duration retryAfter = Duration.ofSeconds(2);
      ImagesPort port = port(policy().rateLimit(permits, period).build());
      script(ImagesOperation.RETRIEVE_IMAGE, 4, MatrixFault.rateLimited(String.valueOf(retryAfter.toSeconds())));
      List<Callable<?>> tasks = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        tasks.add(() -> port.retrieveImage(IMAGE.imageId(), CallContext.create()));
      }

      List<Object> outcomes = time().together(tasks, Duration.ofSeconds(20));

      outcomes.forEach(outcome -> {
        if (outcome instanceof Throwable) {
          throw new AssertionError("a caller failed", (Throwable) outcome);
        }
        assertEquals(IMAGE, outcome);
      });
      List<Instant> sent = received(ImagesOperation.RETRIEVE_IMAGE).stream().map(Received::at).sorted().toList();
      assertEquals(callers + 4, sent.size(), "requests received: one retry per 429");
      Map<Long, Long> perPeriod = sent.stream().collect(Collectors.groupingBy(
          at -> Duration.between(VirtualTime.START, at).toNanos() / period.toNanos(), TreeMap::new,
          Collectors.counting()));
      perPeriod.forEach((p, count) -> assertTrue(count <= permits,
          "period " + p + " started " + count + " attempts, more than " + permits + ": " + perPeriod));
      // Virtual time stands still while a request is in flight, so the first four requests by
      // virtual time are the four that got a 429.
      for (Instant throttledAt : sent.subList(0, 4)) {
        Instant notBefore = throttledAt.plus(retryAfter);
        sent.forEach(at -> assertFalse(at.isAfter(throttledAt) && at.isBefore(notBefore),
            "an attempt at +" + Duration.between(VirtualTime.START, at) + " started before the not-before time +"
                + Duration.between(VirtualTime.START, notBefore) + ": " + perPeriod));
      }
      assertTrue(time().waits().stream().allMatch(w -> !w.isNegative() && !w.isZero()), "waits: " + time().waits());
      assertFalse(Duration.between(VirtualTime.START, sent.get(sent.size() - 1)).compareTo(retryAfter) < 0,
          "the retries waited for Retry-After");
    });
  }

  /**
   * Row 7: server errors on each operation. 500 is retried only for reads (Contabo answers 500 to
   * some bad input); 502, 503 and 504 for everything but create. A create is never sent again; any
   * 5xx leaves its outcome open, so the audit log is asked, and as nothing was created the call ends
   * in {@link OutcomeUnknownException} carrying the 5xx.
   */
  @TestFactory
  protected Stream<DynamicTest> row7ServerErrorsAreRetriedPerTheTable() {
    return Stream.of(500, 502, 503, 504).flatMap(status -> Stream.of(ImagesOperation.values()).map(operation -> {
      boolean create = operation == ImagesOperation.CREATE_CUSTOM_IMAGE;
      boolean retried = status == 500 ? READS.contains(operation) : !create;
      String outcome = create ? ": not re-sent, outcome unknown" : retried ? ": retried" : ": not retried";
      return row(status + " on " + operation + outcome, () -> {
        ImagesPort port = port(policy().maxAttempts(2).build());
        MatrixFault fault = MatrixFault.status(status);
        script(operation, 2, fault);
        CallContext context = CallContext.create();

        if (create) {
          OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
              () -> invoke(port, operation, context));
          assertOutcomeUnknown(e, context, RECONCILE_ROUNDS, null);
          assertServiceFailure(ambiguous(e, ServerErrorException.class), fault, operation, context, 1);
          assertWaits(reconcileWaits(RECONCILE_ROUNDS));
          return;
        }
        ServerErrorException e = assertThrows(ServerErrorException.class, () -> invoke(port, operation, context));

        assertServiceFailure(e, fault, operation, context, retried ? 2 : 1);
        if (retried) {
          assertWaits(jitter(1));
        } else {
          assertWaits();
        }
      });
    }));
  }

  /** Row 8: client errors on each operation are never retried. */
  @TestFactory
  protected Stream<DynamicTest> row8ClientErrorsAreNeverRetried() {
    return new TreeMap<>(NEVER_RETRIED).entrySet().stream().flatMap(entry -> Stream.of(ImagesOperation.values())
        .map(operation -> row(entry.getKey() + " on " + operation, () -> {
          ImagesPort port = port(policy().build());
          MatrixFault fault = MatrixFault.status(entry.getKey());
          script(operation, 1, fault);
          CallContext context = CallContext.create();

          ImagesServiceException e = assertThrows(ImagesServiceException.class, () -> invoke(port, operation, context));

          assertSame(entry.getValue(), e.getClass(), "exception type");
          assertServiceFailure(e, fault, operation, context, 1);
          assertWaits();
        })));
  }

  /**
   * Row 9: a create whose connection is reset after it was sent. It is never sent again: exactly one
   * POST, then its request id is looked up in the audit log (an entry's id may differ in case),
   * with the create's trace id.
   */
  @TestFactory
  protected Stream<DynamicTest> row9AResetAfterACreateWasSentIsReconciled() {
    MatrixFault lost = MatrixFault.connection(Kind.CONNECTION_RESET).afterApplying();
    return Stream.of(
        foundInTheAuditLog("created, answer lost: found in the audit log", policy().build(), lost),
        row("created, answer lost, the log lags one lookup: found in the second round", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, lost);
          auditLogLags(1);
          CallContext context = CallContext.create();

          CreatedImage created = port.createCustomImage(NEW_IMAGE, context);

          assertReconciled(created, context, 2);
          assertWaits(reconcileWaits(2));
        }),
        row("reset before it was applied: not found in any round, outcome unknown", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, MatrixFault.connection(Kind.CONNECTION_RESET));
          CallContext context = CallContext.create();

          OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
              () -> port.createCustomImage(NEW_IMAGE, context));

          assertOutcomeUnknown(e, context, RECONCILE_ROUNDS, null);
          assertTransportFailure(ambiguous(e, ImagesTransportException.class), Failure.CONNECTION_CLOSED,
              Delivery.MAYBE_PROCESSED, context, 1);
          assertEquals(List.of(), imagesCreated(), "images created");
          assertWaits(reconcileWaits(RECONCILE_ROUNDS));
        }),
        row("the lookup is refused (403): outcome unknown at once, the 403 its cause", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, lost);
          script(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, 1, MatrixFault.status(403));
          CallContext context = CallContext.create();

          OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
              () -> port.createCustomImage(NEW_IMAGE, context));

          assertOutcomeUnknown(e, context, 1, PermissionDeniedException.class);
          assertEquals(403, ((ImagesServiceException) e.getCause()).statusCode(), "the lookup's status");
          assertEquals(1, imagesCreated().size(), "the image exists; the exception's ids let the caller find it");
          assertWaits();
        }),
        row("the lookup fails in every round (503): outcome unknown, the last 503 its cause", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, lost);
          script(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, RECONCILE_ROUNDS, MatrixFault.status(503));
          CallContext context = CallContext.create();

          OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
              () -> port.createCustomImage(NEW_IMAGE, context));

          assertOutcomeUnknown(e, context, RECONCILE_ROUNDS, ServerErrorException.class);
          assertEquals(503, ((ImagesServiceException) e.getCause()).statusCode(), "the lookup's status");
          assertEquals(1, imagesCreated().size(), "the image exists; the exception's ids let the caller find it");
          assertWaits(reconcileWaits(RECONCILE_ROUNDS));
        }));
  }

  /**
   * A create that {@code fault} fails after the service applied it: one POST, then found by the
   * first audit lookup, which carries the create's trace id.
   */
  private DynamicTest foundInTheAuditLog(String name, ResiliencePolicy policy, MatrixFault fault) {
    return row(name, () -> {
      ImagesPort port = port(policy);
      script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, fault);
      CallContext context = CallContext.create().withTraceId(TRACE_ID);

      CreatedImage created = port.createCustomImage(NEW_IMAGE, context);

      assertReconciled(created, context, 1);
      received(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST)
          .forEach(r -> assertEquals(TRACE_ID, r.traceId(), "x-trace-id of the lookup " + r.requestId()));
      assertWaits();
    });
  }

  /** Row 10: a 500 on a create is not sent again; the audit log settles what happened. */
  @TestFactory
  protected Stream<DynamicTest> row10A500OnACreateIsReconciled() {
    return Stream.of(
        row("500, nothing created: one POST, outcome unknown", () -> {
          ImagesPort port = port(policy().build());
          MatrixFault fault = MatrixFault.status(500);
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, fault);
          CallContext context = CallContext.create();

          OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
              () -> port.createCustomImage(NEW_IMAGE, context));

          assertOutcomeUnknown(e, context, RECONCILE_ROUNDS, null);
          assertServiceFailure(ambiguous(e, ServerErrorException.class), fault, ImagesOperation.CREATE_CUSTOM_IMAGE,
              context, 1);
          assertEquals(List.of(), imagesCreated(), "images created");
          assertWaits(reconcileWaits(RECONCILE_ROUNDS));
        }),
        foundInTheAuditLog("500 after the image was created: one POST, found in the audit log", policy().build(),
            MatrixFault.status(500).afterApplying()));
  }

  /**
   * Row 11: a delete whose first attempt ended ambiguously after the service deleted the image is
   * retried, and the 404 of the retry means it succeeded.
   */
  @TestFactory
  protected Stream<DynamicTest> row11ARetriedDeleteAnswered404HasSucceeded() {
    return Stream.of(MatrixFault.connection(Kind.CONNECTION_RESET).afterApplying(),
        MatrixFault.status(502).afterApplying()).map(fault -> row(fault + " on delete, then 404: success", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.DELETE_IMAGE, 1, fault);
          CallContext context = CallContext.create();

          port.deleteImage(IMAGE.imageId(), context);

          assertEquals(2, context.requestIds().size(), "attempts");
          assertEquals(context.requestIds(),
              received(ImagesOperation.DELETE_IMAGE).stream().map(Received::requestId).toList(), "requests received");
          assertWaits(jitter(1));
        }));
  }

  /**
   * Row 12: an answer whose body trickles in for a second, each chunk well within any read timeout,
   * is cut at the call's deadline (150 ms, on the real clock) plus a small margin; no retry fits in
   * what is left. A create cut that way is found in the audit log.
   */
  @TestFactory
  protected Stream<DynamicTest> row12ADribbledAnswerIsCutAtTheDeadline() {
    Duration deadline = Duration.ofMillis(150);
    ResiliencePolicy policy = policy().callTimeout(deadline).build();
    MatrixFault dribble = MatrixFault.dribbledAnswer(Duration.ofSeconds(1));
    return Stream.of(
        row("retrieveImage: TIMEOUT at the deadline, not retried", () -> {
          ImagesPort port = port(policy, Clock.systemUTC());
          script(ImagesOperation.RETRIEVE_IMAGE, 1, dribble);
          CallContext context = CallContext.create();

          long start = System.nanoTime();
          ImagesTransportException e = assertThrows(ImagesTransportException.class,
              () -> port.retrieveImage(IMAGE.imageId(), context));
          Duration took = Duration.ofNanos(System.nanoTime() - start);

          assertTrue(took.compareTo(deadline.plus(PROMPTLY)) < 0, "took " + took + ", deadline " + deadline);
          assertTransportFailure(e, Failure.TIMEOUT, Delivery.MAYBE_PROCESSED, context, 1);
          assertTrue(Stream.of(e.getSuppressed()).anyMatch(TimeoutException.class::isInstance),
              "the deadline is noted as suppressed: " + List.of(e.getSuppressed()));
          assertEquals(1, received(ImagesOperation.RETRIEVE_IMAGE).size(), "requests received");
          assertWaits();
        }),
        row("create: cut at the deadline, not re-sent, found in the audit log", () -> {
          ImagesPort port = port(policy, Clock.systemUTC());
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, dribble.afterApplying());
          CallContext context = CallContext.create();

          long start = System.nanoTime();
          CreatedImage created = port.createCustomImage(NEW_IMAGE, context);
          Duration took = Duration.ofNanos(System.nanoTime() - start);

          assertTrue(took.compareTo(deadline.plus(PROMPTLY)) < 0, "took " + took + ", deadline " + deadline);
          assertReconciled(created, context, 1);
          assertWaits();
        }));
  }

  /**
   * Row 13: an interrupt ends the call promptly, keeps the interrupt flag, and nothing more is sent:
   * during a backoff and between audit lookups (virtual time), and while the service holds an answer
   * back (real time: another thread interrupts the caller as soon as the request has arrived; the
   * answer would take 2 s).
   */
  @TestFactory
  protected Stream<DynamicTest> row13AnInterruptEndsTheCallPromptly() {
    return Stream.of(
        row("during the backoff after a reset GET: INTERRUPTED, no retry", () -> {
          ImagesPort port = port(policy().build());
          MatrixFault reset = MatrixFault.connection(Kind.CONNECTION_RESET);
          script(ImagesOperation.RETRIEVE_IMAGE, 1, reset);
          time().interruptDuringNextWait();
          CallContext context = CallContext.create();

          Interrupted<ImagesTransportException> outcome =
              interrupted(ImagesTransportException.class, () -> port.retrieveImage(IMAGE.imageId(), context));

          ImagesTransportException e = outcome.thrown();
          assertTransportFailure(e, Failure.INTERRUPTED, Delivery.MAYBE_PROCESSED, context, 1);
          assertTransportFailure((ImagesTransportException) e.getCause(), Failure.CONNECTION_CLOSED,
              Delivery.MAYBE_PROCESSED, context, 1);
          assertEquals(sendsPerAttempt(ImagesOperation.RETRIEVE_IMAGE, reset),
              received(ImagesOperation.RETRIEVE_IMAGE).size(), "requests received");
          assertWaits(jitter(1));
          assertEquals(Duration.ZERO, time().elapsed(), "virtual time did not run on");
        }),
        row("between audit lookups: outcome unknown, INTERRUPTED its cause, no further lookup", () -> {
          ImagesPort port = port(policy().build());
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, MatrixFault.connection(Kind.CONNECTION_RESET));
          time().interruptDuringNextWait();
          CallContext context = CallContext.create();

          Interrupted<OutcomeUnknownException> outcome =
              interrupted(OutcomeUnknownException.class, () -> port.createCustomImage(NEW_IMAGE, context));

          OutcomeUnknownException e = outcome.thrown();
          assertOutcomeUnknown(e, context, 1, ImagesTransportException.class);
          assertEquals(Failure.INTERRUPTED, ((ImagesTransportException) e.getCause()).failure(), "the cause");
          assertWaits(reconcileWaits(2));
        }),
        row("while a GET's answer is held back: INTERRUPTED at once", () -> {
          interruptedWhileTheAnswerIsHeldBack(ImagesOperation.RETRIEVE_IMAGE);
        }),
        row("while a create's answer is held back: INTERRUPTED at once, no audit lookup", () -> {
          interruptedWhileTheAnswerIsHeldBack(ImagesOperation.CREATE_CUSTOM_IMAGE);
        }));
  }

  private void interruptedWhileTheAnswerIsHeldBack(ImagesOperation operation) throws InterruptedException {
    ImagesPort port = port(policy().build()); // attempt timeout 30 s: only the interrupt ends the wait
    script(operation, 1, MatrixFault.slowAnswer(HELD_ANSWER));
    Thread caller = Thread.currentThread();
    AtomicLong interruptedAt = new AtomicLong();
    Thread interrupter = new Thread(() -> {
      try {
        if (awaitAnswerHeldBack(HELD_ANSWER)) {
          interruptedAt.set(System.nanoTime());
          caller.interrupt();
        }
      } catch (InterruptedException e) {
        // the row is over; nothing to interrupt
      }
    }, "fault-matrix-interrupter");
    interrupter.setDaemon(true);
    interrupter.start();
    CallContext context = CallContext.create();

    Interrupted<ImagesTransportException> outcome;
    try {
      outcome = interrupted(ImagesTransportException.class, () -> invoke(port, operation, context));
    } finally {
      interrupter.join(HELD_ANSWER.toMillis());
      Thread.interrupted(); // in case the interrupter came late; the flag was read above
    }

    assertTrue(interruptedAt.get() != 0, "the request did not reach the service");
    Duration late = Duration.ofNanos(outcome.returnedAt() - interruptedAt.get());
    assertTrue(late.compareTo(PROMPTLY) < 0, "returned " + late + " after the interrupt");
    assertTransportFailure(outcome.thrown(), Failure.INTERRUPTED, deliveryWhenInterruptedDuringAnAnswer(), context, 1);
    assertEquals(1, received(operation).size(), "requests received");
    assertEquals(0, received(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST).size(), "audit lookups");
    assertWaits();
  }

  /** What an interrupted call threw, and when it returned. */
  private record Interrupted<E extends Throwable>(E thrown, long returnedAt) {}

  /**
   * Runs a call that must end in {@code type} with the interrupt flag set; clears the flag.
   */
  private static <E extends Throwable> Interrupted<E> interrupted(Class<E> type, Executable call) {
    E thrown;
    long returnedAt;
    boolean flag;
    try {
      thrown = assertThrows(type, call);
    } finally {
      returnedAt = System.nanoTime();
      flag = Thread.interrupted();
    }
    assertTrue(flag, "the interrupt flag is kept");
    return new Interrupted<>(thrown, returnedAt);
  }

  // ================================================================ helpers

  /**
   * The policy of every row: 4 attempts, backoff bounds of 1 h, 2 h, 4 h (throttle: 2 h), {@code
   * Retry-After} honoured up to 60 s, a limiter that never binds, a call deadline of one day (the
   * longest allowed; the longest schedule, 7 h of backoff, fits), and {@value #RECONCILE_ROUNDS}
   * rounds of audit lookups 30 s apart. Hours are free on virtual time.
   */
  private static ResiliencePolicy.Builder policy() {
    return ResiliencePolicy.builder()
        .maxAttempts(4)
        .backoffBase(BACKOFF_BASE)
        .backoffMultiplier(2.0)
        .backoffCap(Duration.ofDays(1))
        .throttleBackoffBase(THROTTLE_BASE)
        .throttleBackoffCap(Duration.ofDays(1))
        .maxRetryAfter(Duration.ofSeconds(60))
        .rateLimit(1000, Duration.ofSeconds(1))
        .callTimeout(Duration.ofDays(1))
        .reconcileAttempts(RECONCILE_ROUNDS)
        .reconcileInterval(RECONCILE_INTERVAL);
  }

  /** The waits of a reconciliation that made {@code rounds} rounds: the interval between each two. */
  private static Wait[] reconcileWaits(int rounds) {
    Wait[] waits = new Wait[rounds - 1];
    Arrays.fill(waits, Wait.exactly(RECONCILE_INTERVAL));
    return waits;
  }

  /** The jittered wait before retry {@code k}: in {@code (0, base * 2^(k-1)]}. */
  private static Wait jitter(int retry) {
    return Wait.upTo(BACKOFF_BASE.multipliedBy(1L << (retry - 1)));
  }

  /** A wait the row expects: exactly {@code min}, or jittered in {@code (0, max]}. */
  private record Wait(Duration min, Duration max) {
    static Wait exactly(Duration duration) {
      return new Wait(duration, duration);
    }

    static Wait upTo(Duration bound) {
      return new Wait(Duration.ofNanos(1), bound);
    }

    boolean admits(Duration wait) {
      return wait.compareTo(min) >= 0 && wait.compareTo(max) <= 0;
    }

    @Override
    public String toString() {
      return min.equals(max) ? min.toString() : "(0, " + max + "]";
    }
  }

  private void assertWaits(Wait... expected) {
    List<Duration> waits = time().waits();
    assertEquals(expected.length, waits.size(), "waits " + waits + ", expected " + List.of(expected));
    for (int i = 0; i < expected.length; i++) {
      assertTrue(expected[i].admits(waits.get(i)), "wait " + i + " was " + waits.get(i) + ", expected " + expected[i]);
    }
  }

  private static void assertTransportFailure(
      ImagesTransportException e, Failure failure, Delivery delivery, CallContext context, int attempts) {
    assertEquals(failure, e.failure(), e.getMessage());
    assertEquals(delivery, e.delivery(), "delivery");
    assertEquals(context.requestIds(), e.requestIds(), "the exception lists every request id");
    assertEquals(attempts, e.requestIds().size(), "attempts");
  }

  /**
   * A create whose answer was lost, recovered from the audit log: exactly one POST, {@code lookups}
   * audit queries, and the image the service created, once.
   */
  private void assertReconciled(CreatedImage created, CallContext context, int lookups) {
    assertTrue(created.reconciled(), "reconciled: " + created);
    assertEquals(List.of(created.imageId()), imagesCreated(), "the image the service created, once");
    assertEquals(1, context.requestIds().size(), "attempts");
    assertEquals(context.requestIds(),
        received(ImagesOperation.CREATE_CUSTOM_IMAGE).stream().map(Received::requestId).toList(), "POSTs received");
    assertEquals(lookups, received(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST).size(), "audit lookups");
  }

  /**
   * A create the audit log could not settle: exactly one POST, {@code lookups} audit queries, every
   * request id of the create, and the lookup's failure as cause ({@code causeType}, or none).
   */
  private void assertOutcomeUnknown(
      OutcomeUnknownException e, CallContext context, int lookups, @Nullable Class<? extends Throwable> causeType) {
    assertEquals(ImagesOperation.CREATE_CUSTOM_IMAGE, e.operation(), "operation");
    assertEquals(Delivery.MAYBE_PROCESSED, e.delivery(), "delivery");
    assertEquals(context.requestIds(), e.requestIds(), "the exception lists every request id");
    assertEquals(1, e.requestIds().size(), "attempts");
    assertEquals(context.requestIds(),
        received(ImagesOperation.CREATE_CUSTOM_IMAGE).stream().map(Received::requestId).toList(), "POSTs received");
    assertEquals(lookups, received(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST).size(), "audit lookups");
    if (causeType == null) {
      assertEquals(null, e.getCause(), "no lookup failed");
    } else {
      assertSame(causeType, e.getCause() == null ? null : e.getCause().getClass(), "the lookup's failure: " + e.getCause());
    }
    assertTrue(List.of(e.getSuppressed()).contains(e.ambiguousFailure()), "the create's failure is attached");
  }

  /** How the create of an {@link OutcomeUnknownException} ended, checked to be a {@code type}. */
  private static <E extends Throwable> E ambiguous(OutcomeUnknownException e, Class<E> type) {
    Throwable failure = e.ambiguousFailure();
    assertTrue(type.isInstance(failure), "the create ended with " + failure);
    return type.cast(failure);
  }

  private void assertServiceFailure(
      ImagesServiceException e, MatrixFault fault, ImagesOperation operation, CallContext context, int attempts) {
    assertEquals(fault.status(), e.statusCode(), "status");
    assertEquals(fault.message(), e.serviceMessage(), "service message");
    assertEquals(operation, e.operation(), "operation");
    assertEquals(Delivery.ANSWERED, e.delivery(), "delivery");
    assertEquals(context.requestIds(), e.requestIds(), "the exception lists every request id");
    assertEquals(attempts, e.requestIds().size(), "attempts");
    assertEquals(attempts, received(operation).size(), "requests received");
  }

  /** Calls one operation with fixed arguments. */
  private static Object invoke(ImagesPort port, ImagesOperation operation, CallContext context) {
    switch (operation) {
      case CREATE_CUSTOM_IMAGE:
        return port.createCustomImage(NEW_IMAGE, context);
      case RETRIEVE_IMAGE_LIST:
        return port.retrieveImageList(ImageListQuery.all(), context);
      case RETRIEVE_IMAGE:
        return port.retrieveImage(IMAGE.imageId(), context);
      case UPDATE_IMAGE:
        return port.updateImage(IMAGE.imageId(), ImageUpdate.rename("matrix-renamed"), context);
      case DELETE_IMAGE:
        port.deleteImage(IMAGE.imageId(), context);
        return Boolean.TRUE;
      case RETRIEVE_CUSTOM_IMAGES_STATS:
        return port.retrieveCustomImagesStats(context);
      case RETRIEVE_IMAGE_AUDITS_LIST:
        return port.retrieveImageAuditsList(AuditQuery.all(), context);
      default:
        throw new IllegalArgumentException("unknown operation " + operation);
    }
  }

  private VirtualTime time() {
    if (time == null) {
      throw new IllegalStateException("not in a row");
    }
    return time;
  }

  /** A port from the hook with the row's virtual time; closed after the row. */
  private ImagesPort port(ResiliencePolicy policy) {
    return port(policy, time().clock());
  }

  /** A port from the hook with the row's recording sleeper and this clock; closed after the row. */
  private ImagesPort port(ResiliencePolicy policy, Clock clock) {
    ImagesPort port = newPort(policy, time().sleeper(), clock);
    opened.add(port);
    return port;
  }

  /** A dynamic test that runs as a row of its own: fresh service, fresh virtual time. */
  private DynamicTest row(String name, Executable body) {
    return dynamicTest(name, () -> inRow(body));
  }

  private void inRow(Executable body) throws Throwable {
    time = new VirtualTime();
    try {
      begin(time.clock(), IMAGE);
      body.execute();
      end();
    } finally {
      time = null;
      for (ImagesPort port : opened) {
        if (port instanceof AutoCloseable) {
          ((AutoCloseable) port).close();
        }
      }
      opened.clear();
    }
  }
}
