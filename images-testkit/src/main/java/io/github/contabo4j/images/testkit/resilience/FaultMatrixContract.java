package io.github.contabo4j.images.testkit.resilience;

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
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TenantId;
import io.github.contabo4j.images.UnsupportedImageFormatException;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.testkit.MutableClock;
import io.github.contabo4j.images.testkit.resilience.MatrixFault.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
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
 * script a fault for the next attempts of an operation ({@link #script}) and what reached the
 * service ({@link #received}); {@link #begin} starts each row on a fresh service. Counts that differ
 * between adapters for a documented reason are overridable: {@link
 * #getSendsWhenTheConnectionDiesBeforeTheFirstByte()} and {@link #countsRefusedAttempts()}. A row an
 * adapter cannot express is skipped only by overriding its method with a {@code @Disabled} that
 * gives the reason.
 *
 * <p><b>Each row asserts</b> the requests that reached the service, the exception (type, {@link
 * Failure}, {@link Delivery}, status) or the complete result, and the waits the decorator asked its
 * {@link Sleeper} for. Rows:
 *
 * <ol>
 *   <li>a connection reset on a GET is retried, then succeeds; each attempt has a fresh {@code
 *       x-request-id} and the same {@code x-trace-id};
 *   <li>a refused connection is retried for every operation, create included;
 *   <li>an empty response, a malformed chunk, or random bytes: the same failure on every adapter,
 *       never a half-parsed object;
 *   <li>an answer slower than the attempt timeout is a {@code TIMEOUT}, retried except for create;
 *   <li>429 with {@code Retry-After} in seconds, as an HTTP-date (against the injected clock), as
 *       garbage, missing, and above the cap;
 *   <li>429s under 16 concurrent callers: attempts per limiter period stay within the setting and
 *       no attempt starts before the "not before" time;
 *   <li>500, 502, 503, 504 for each operation: 500 is retried for reads only, the others for all but
 *       create;
 *   <li>400, 401, 403, 404, 409 and 415 for each operation: never retried.
 * </ol>
 *
 * <p><b>Virtual time.</b> Every row runs on a {@link MutableClock} that only the decorator's waits
 * move: a recording {@link Sleeper} advances it. Backoff bounds are hours long, so a wait never
 * costs real time and a jittered wait is never drawn as zero in practice. Real time is spent only
 * where a socket needs it (row 4: a 100 ms attempt timeout). Row 6 runs its callers as a
 * discrete-event simulation: virtual time moves only when every caller waits, so a request sent at
 * virtual time {@code t} is answered before any request sent later, and each attempt's virtual time
 * is known exactly (WireMock's journal timestamps are real time and say nothing about the limiter's
 * virtual periods).
 */
public abstract class FaultMatrixContract {
  /** The image every row can read; {@link #begin} makes it retrievable. */
  protected static final Image IMAGE = new Image("4a6d1a4e-2ab5-4bb8-8a66-5a1a1f3d2c10", TenantId.DE, "54321",
      "matrix", "the fault matrix's image", "https://images.example.com/matrix.qcow2", 2048, 2048, OsType.LINUX,
      "24.04", ImageFormat.QCOW2, ImageStatus.DOWNLOADED, "", false, Instant.parse("2025-03-01T08:00:00Z"),
      Instant.parse("2025-03-01T08:10:00Z"), List.of());

  /** The create every row sends. */
  protected static final CreateCustomImage NEW_IMAGE =
      CreateCustomImage.of("matrix-new", "https://images.example.com/new.iso", OsType.LINUX, "24.04");

  private static final String TRACE_ID = "fault-matrix-trace";
  private static final Duration BACKOFF_BASE = Duration.ofHours(1);
  private static final Duration THROTTLE_BASE = Duration.ofHours(2);
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
    return operation.method().equals("GET") && fault.diesBeforeTheFirstByte()
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

          assertFalse(created.imageId().isEmpty(), "created image id");
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
   * create fails at once with the same failure on every adapter.
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
            row(kind + " on create: " + failures.get(kind) + ", not retried", () -> {
              ImagesPort port = port(policy().build());
              script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, MatrixFault.connection(kind));
              CallContext context = CallContext.create();

              ImagesTransportException e = assertThrows(ImagesTransportException.class,
                  () -> port.createCustomImage(NEW_IMAGE, context));

              assertTransportFailure(e, failures.get(kind), Delivery.MAYBE_PROCESSED, context, 1);
              assertEquals(1, received(ImagesOperation.CREATE_CUSTOM_IMAGE).size(), "requests received");
              assertWaits();
            })));
  }

  /**
   * Row 4: an answer later than the attempt timeout (100 ms of real time; the answer comes after
   * 250 ms) is a {@code TIMEOUT} that may have been processed: retried for a GET, not for a create.
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
        row("create: timed out, not retried", () -> {
          ImagesPort port = port(policy);
          script(ImagesOperation.CREATE_CUSTOM_IMAGE, 1, slow);
          CallContext context = CallContext.create();

          ImagesTransportException e = assertThrows(ImagesTransportException.class,
              () -> port.createCustomImage(NEW_IMAGE, context));

          assertTransportFailure(e, Failure.TIMEOUT, Delivery.MAYBE_PROCESSED, context, 1);
          assertEquals(1, received(ImagesOperation.CREATE_CUSTOM_IMAGE).size(), "requests received");
          assertWaits();
        }));
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

          assertFalse(port.createCustomImage(NEW_IMAGE, context).imageId().isEmpty());

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
   * some bad input); 502, 503 and 504 for everything but create.
   */
  @TestFactory
  protected Stream<DynamicTest> row7ServerErrorsAreRetriedPerTheTable() {
    return Stream.of(500, 502, 503, 504).flatMap(status -> Stream.of(ImagesOperation.values()).map(operation -> {
      boolean retried = status == 500 ? READS.contains(operation) : operation != ImagesOperation.CREATE_CUSTOM_IMAGE;
      return row(status + " on " + operation + (retried ? ": retried" : ": not retried"), () -> {
        ImagesPort port = port(policy().maxAttempts(2).build());
        MatrixFault fault = MatrixFault.status(status);
        script(operation, 2, fault);
        CallContext context = CallContext.create();

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

  // ================================================================ helpers

  /**
   * The policy of every row: 4 attempts, backoff bounds of 1 h, 2 h, 4 h (throttle: 2 h), {@code
   * Retry-After} honoured up to 60 s, a limiter that never binds. Hours are free on virtual time.
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
        .rateLimit(1000, Duration.ofSeconds(1));
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
    VirtualTime t = time();
    ImagesPort port = newPort(policy, t.sleeper(), t.clock());
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
