package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.OutcomeUnknownException;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A create that ends ambiguously is never sent again; the audit log settles it, or the caller gets
 * an {@link OutcomeUnknownException} with every request id.
 */
class SafeCreateTest {
  private static final String ID = "0b4a4bb5-0bb1-4b4b-9a0e-c4a1b2c3d4e5";
  private static final CreateCustomImage REQUEST =
      CreateCustomImage.of("img", "https://example.com/a.qcow2", OsType.LINUX, "1");

  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);
  private final CallContext context = CallContext.create().withRequestId(ID).withTraceId("deploy-42");

  private ResilientImagesPort resilient(ResiliencePolicy policy) {
    return ResilientImagesPort.builder().delegate(port).policy(policy).sleeper(time.sleeper()).clock(time)
        .random(new Random(3)).build();
  }

  private ResilientImagesPort resilient() {
    return resilient(ResiliencePolicy.defaults());
  }

  static AuditEntry entry(AuditAction action, String requestId, String imageId) {
    return AuditEntry.builder()
        .id(7)
        .action(action)
        .timestamp(VirtualTime.START)
        .tenantId(TenantId.of("DE"))
        .customerId("cust-1")
        .changedBy("user-1")
        .username("someone")
        .requestId(requestId)
        .traceId("deploy-42")
        .imageId(imageId)
        .changes(Map.of())
        .build();
  }

  @SafeVarargs
  static Page<AuditEntry> page(AuditEntry... entries) {
    return new Page<>(List.of(entries), new Pagination(1, 10, entries.length, 1), PageLinks.none());
  }

  private List<ScriptedPort.Attempt> posts() {
    return port.attempts(ImagesOperation.CREATE_CUSTOM_IMAGE);
  }

  private List<ScriptedPort.Attempt> lookups() {
    return port.attempts(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST);
  }

  @Test
  void aResetAfterThePostWasSentIsSettledByTheAuditLogAtOnce() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED))
        .auditPages(page(entry(AuditAction.CREATED, ID, "img-9")));

    CreatedImage created = resilient().createCustomImage(REQUEST, context);

    assertThat(created).isEqualTo(CreatedImage.builder().imageId("img-9").tenantId(TenantId.of("DE")).customerId("cust-1").reconciled(true).build());
    assertThat(posts()).hasSize(1);
    assertThat(lookups()).extracting(ScriptedPort.Attempt::auditRequestId).containsExactly(ID);
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void anEntryThatAppearsOnlyAfterTheLogCaughtUpIsFoundByTheNextRound() {
    port.then(transport(Failure.TIMEOUT, Delivery.MAYBE_PROCESSED))
        .auditPages(page(), page(entry(AuditAction.CREATED, ID, "img-9")));

    CreatedImage created = resilient().createCustomImage(REQUEST, context);

    assertThat(created.imageId()).isEqualTo("img-9");
    assertThat(created.reconciled()).isTrue();
    assertThat(posts()).hasSize(1);
    assertThat(lookups()).extracting(ScriptedPort.Attempt::auditRequestId).containsExactly(ID, ID);
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(1)); // reconcileInterval
  }

  @Test
  void noEntryWithinTheBudgetThrowsOutcomeUnknownWithEveryRequestId() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient().createCustomImage(REQUEST, context));

    assertThat(e.requestIds()).containsExactly(ID).isEqualTo(context.requestIds());
    assertThat(e.traceId()).contains("deploy-42");
    assertThat(e.operation()).isEqualTo(ImagesOperation.CREATE_CUSTOM_IMAGE);
    assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
    assertThat(e.getCause()).isNull();
    assertThat(e.ambiguousFailure()).isInstanceOfSatisfying(ImagesTransportException.class,
        f -> assertThat(f.failure()).isEqualTo(Failure.CONNECTION_CLOSED));
    assertThat(e.getSuppressed()).containsExactly(e.ambiguousFailure());
    assertThat(e.getMessage()).contains("outcome unknown", "3 lookup rounds", ID);
    assertThat(posts()).hasSize(1);
    assertThat(lookups()).hasSize(3);
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void everyRequestIdTheCreateSentIsLookedUpNewestFirstAndCarriedByTheException() {
    // NOT_SENT and 429 are re-sent; the third POST's answer is lost.
    port.then(transport(Failure.CONNECT_FAILED, Delivery.NOT_SENT), status(429),
        transport(Failure.EMPTY_RESPONSE, Delivery.MAYBE_PROCESSED));
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder().reconcileAttempts(2).build());

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient.createCustomImage(REQUEST, context));

    List<String> sent = posts().stream().map(ScriptedPort.Attempt::requestId).toList();
    assertThat(sent).hasSize(3).startsWith(ID);
    assertThat(e.requestIds()).isEqualTo(sent);
    List<String> newestFirst = List.of(sent.get(2), sent.get(1), sent.get(0));
    assertThat(lookups()).extracting(ScriptedPort.Attempt::auditRequestId)
        .containsExactlyElementsOf(concat(newestFirst, newestFirst));
  }

  @Test
  void theLookupsHaveTheirOwnRequestIdsAndTheCallsTraceIdAndTakePermits() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED))
        .auditPages(page(entry(AuditAction.CREATED, ID, "img-9")));
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder().rateLimit(1, Duration.ofSeconds(5)).build());

    resilient.createCustomImage(REQUEST, context);

    ScriptedPort.Attempt lookup = lookups().get(0);
    assertThat(lookup.requestId()).isNotEqualTo(ID);
    assertThat(lookup.traceId()).isEqualTo("deploy-42");
    assertThat(context.requestIds()).containsExactly(ID); // the lookup did not add to the create's ids
    assertThat(lookup.at()).isEqualTo(VirtualTime.START.plusSeconds(5)); // the next period's permit
    assertThat(lookup.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aLookupThatFailsForGoodThrowsOutcomeUnknownWithThatFailureAsCause() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED), status(403));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient().createCustomImage(REQUEST, context));

    assertThat(e.getCause()).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.requestIds()).containsExactly(ID);
    assertThat(e.getMessage()).contains("the audit lookup failed");
    assertThat(posts()).hasSize(1);
    assertThat(lookups()).hasSize(1);
  }

  @Test
  void aLookupThatFailsInEveryRoundGivesTheLastFailureAsCause() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED), status(503), status(502), status(504));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient().createCustomImage(REQUEST, context));

    assertThat(e.getCause()).isInstanceOfSatisfying(ServerErrorException.class,
        c -> assertThat(c.statusCode()).isEqualTo(504));
    assertThat(lookups()).hasSize(3);
    assertThat(posts()).hasSize(1);
  }

  @Test
  void aLookupThatFailsOnceIsRepeatedInTheNextRound() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED),
            transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED))
        .auditPages(page(entry(AuditAction.CREATED, ID, "img-9")));

    assertThat(resilient().createCustomImage(REQUEST, context).imageId()).isEqualTo("img-9");
    assertThat(lookups()).hasSize(2);
  }

  @Test
  void aThrottledLookupWaitsItsRetryAfterBeforeTheNextRound() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED), status(429, Duration.ofSeconds(4)))
        .auditPages(page(entry(AuditAction.CREATED, ID, "img-9")));

    assertThat(resilient(ResiliencePolicy.builder().noRateLimit().build()).createCustomImage(REQUEST, context)
        .reconciled()).isTrue();
    assertThat(lookups().get(1).at()).isEqualTo(VirtualTime.START.plusSeconds(4));
  }

  @ParameterizedTest(name = "HTTP {0} on the POST")
  @ValueSource(ints = {500, 502, 503, 504})
  void aServerErrorOnThePostIsNotResentButReconciled(int statusCode) {
    port.then(status(statusCode)).auditPages(page(entry(AuditAction.CREATED, ID, "img-9")));

    CreatedImage created = resilient().createCustomImage(REQUEST, context);

    assertThat(created.reconciled()).isTrue();
    assertThat(created.imageId()).isEqualTo("img-9");
    assertThat(posts()).hasSize(1);
  }

  @ParameterizedTest(name = "{0} (maybe processed) on the POST")
  @EnumSource(value = Failure.class, names = {"TIMEOUT", "CONNECTION_CLOSED", "EMPTY_RESPONSE", "MALFORMED_RESPONSE",
      "IO_ERROR"})
  void everyAmbiguousTransportFailureOnThePostIsReconciled(Failure failure) {
    port.then(transport(failure, Delivery.MAYBE_PROCESSED)).auditPages(page(entry(AuditAction.CREATED, ID, "img-9")));

    assertThat(resilient().createCustomImage(REQUEST, context).reconciled()).isTrue();
    assertThat(posts()).hasSize(1);
  }

  @Test
  void requestIdsMatchIgnoringCase() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED))
        .auditPages(page(entry(AuditAction.of("created"), ID.toUpperCase(Locale.ROOT), "img-9")));

    assertThat(resilient().createCustomImage(REQUEST, context).imageId()).isEqualTo("img-9");
  }

  @Test
  void onlyACreatedEntryOfTheSameRequestCounts() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED))
        .auditPages(
            page(entry(AuditAction.UPDATED, ID, "img-1")),
            page(entry(AuditAction.CREATED, "11111111-1111-4111-8111-111111111111", "img-2")),
            page(entry(AuditAction.DELETED, ID, "img-3")));

    assertThat(catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient().createCustomImage(REQUEST, context))).isNotNull();
    assertThat(lookups()).hasSize(3);
  }

  @ParameterizedTest(name = "HTTP {0} on the POST")
  @ValueSource(ints = {400, 401, 403, 409, 415, 422})
  void anAnsweredClientErrorIsNotAmbiguousAndNotLookedUp(int statusCode) {
    port.then(status(statusCode));

    ImagesServiceException e = catchThrowableOfType(ImagesServiceException.class,
        () -> resilient().createCustomImage(REQUEST, context));

    assertThat(e.statusCode()).isEqualTo(statusCode);
    assertThat(lookups()).isEmpty();
  }

  @Test
  void attemptsThatRanOutWithoutAnythingSentAreNotLookedUp() {
    port.times(4, transport(Failure.CONNECT_FAILED, Delivery.NOT_SENT));

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> resilient().createCustomImage(REQUEST, context));

    assertThat(e.delivery()).isEqualTo(Delivery.NOT_SENT);
    assertThat(posts()).hasSize(4);
    assertThat(lookups()).isEmpty();
  }

  @Test
  void anInterruptedPostIsThrownAsItIsWithoutALookup() {
    port.then(transport(Failure.INTERRUPTED, Delivery.MAYBE_PROCESSED));

    ImagesTransportException e = catchThrowableOfType(ImagesTransportException.class,
        () -> resilient().createCustomImage(REQUEST, context));

    assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED);
    assertThat(lookups()).isEmpty();
  }

  @Test
  void withReconciliationOffTheAmbiguousFailureIsThrownUnchanged() {
    port.then(status(503));

    ServerErrorException e = catchThrowableOfType(ServerErrorException.class,
        () -> resilient(ResiliencePolicy.builder().reconcileAttempts(0).build()).createCustomImage(REQUEST, context));

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(lookups()).isEmpty();
  }

  @Test
  void theLookupIsNotCutShortByTheCreatesDeadline() {
    // The POST hangs until the whole call deadline is used up, then times out.
    port.then((op, ids, trace) -> {
      time.advance(Duration.ofSeconds(10));
      return new ImagesTransportException(op, Failure.TIMEOUT, Delivery.MAYBE_PROCESSED, "cut at the deadline", null,
          ids, trace);
    }).auditPages(page(), page(entry(AuditAction.CREATED, ID, "img-9")));
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder().callTimeout(Duration.ofSeconds(10)).build());

    assertThat(resilient.createCustomImage(REQUEST, context).reconciled()).isTrue();
    assertThat(posts().get(0).attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(lookups()).extracting(ScriptedPort.Attempt::at)
        .containsExactly(VirtualTime.START.plusSeconds(10), VirtualTime.START.plusSeconds(11));
  }

  @Test
  void theLookupHasABudgetOfItsOwnThatBoundsItsRounds() {
    // One more callTimeout (3 s) for the lookup: a 5 s interval does not fit, so one round only.
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED));
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder().callTimeout(Duration.ofSeconds(3))
        .reconcileInterval(Duration.ofSeconds(5)).build());

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient.createCustomImage(REQUEST, context));

    assertThat(e.getMessage()).contains("after 1 lookup round [");
    assertThat(lookups()).hasSize(1);
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void theAmbiguousFailureIsReachableFromTheException() {
    port.then(status(500));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient().createCustomImage(REQUEST, context));

    ImagesException failure = e.ambiguousFailure();
    assertThat(failure).isInstanceOfSatisfying(ServerErrorException.class,
        f -> assertThat(f.statusCode()).isEqualTo(500));
    assertThat(failure.requestIds()).isEqualTo(e.requestIds());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
