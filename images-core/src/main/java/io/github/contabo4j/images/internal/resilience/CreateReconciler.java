package io.github.contabo4j.images.internal.resilience;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.OutcomeUnknownException;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.internal.Deadline;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settles a create that ended ambiguously by asking the audit log which of its request ids made an
 * image: the "safe create" workflow of {@code ResilientImagesPort} (whose class description states
 * the rules), kept apart from its retry loop. Each lookup is one attempt through the same {@link
 * AttemptPacer} as every other attempt. Thread-safe.
 */
public final class CreateReconciler {

  /** A settled create: the image and the request id the audit log names for it. */
  public record Reconciled(CreatedImage image, String requestId) {}

  private final ImagesPort delegate;
  private final ResiliencePolicy policy;
  private final Clock clock;
  private final AttemptPacer pacer;
  private final ImagesListener listener;

  /**
   * Creates the reconciler.
   *
   * @param delegate the port the lookups go to (below the retry loop)
   * @param policy the policy: rounds, interval, call timeout
   * @param clock the clock of the lookup's own deadline
   * @param pacer the gate, limiter and sleeper every attempt waits on
   * @param listener told how the reconciliation ended; must not throw
   */
  public CreateReconciler(
      ImagesPort delegate, ResiliencePolicy policy, Clock clock, AttemptPacer pacer, ImagesListener listener) {
    this.delegate = delegate;
    this.policy = policy;
    this.clock = clock;
    this.pacer = pacer;
    this.listener = listener;
  }

  /**
   * Looks the create's request ids up in the audit log.
   *
   * @param ambiguous how the create ended
   * @param context the create's context, listing the ids it sent
   * @return the image the create made, reconciled, and the request id that made it
   * @throws OutcomeUnknownException if the lookup settles nothing
   */
  public Reconciled reconcile(ImagesException ambiguous, CallContext context) {
    try {
      Reconciled reconciled = lookUpAll(ambiguous, context);
      listener.onReconciled(reconciled.image(), reconciled.requestId());
      return reconciled;
    } catch (OutcomeUnknownException e) {
      listener.onOutcomeUnknown(e);
      throw e;
    }
  }

  /** The rounds of audit lookups of {@link #reconcile}. */
  private Reconciled lookUpAll(ImagesException ambiguous, CallContext context) {
    List<String> sent = context.requestIds();
    @Nullable String traceId = context.traceId().orElse(null);
    Deadline deadline = Deadline.after(clock, policy.callTimeout());
    int rounds = 0;
    @Nullable RuntimeException lookupFailure = null;
    Duration nextWait = policy.reconcileInterval();
    try {
      while (rounds < policy.reconcileAttempts()) {
        if (rounds > 0 && !pacer.sleepWithin(nextWait, deadline)) {
          break;
        }
        rounds++;
        lookupFailure = null;
        nextWait = policy.reconcileInterval();
        for (int i = sent.size() - 1; i >= 0; i--) {
          String requestId = sent.get(i);
          CallContext lookup = traceId == null ? CallContext.create() : CallContext.create().withTraceId(traceId);
          try {
            Optional<CreatedImage> created = lookUp(requestId, lookup, deadline);
            if (created.isPresent()) {
              return new Reconciled(created.get(), requestId);
            }
          } catch (RuntimeException e) {
            if (!RetryRules.retryable(e, policy)) {
              throw new OutcomeUnknownException(ambiguous, e, rounds);
            }
            lookupFailure = e;
            if (RetryRules.throttled(e)) {
              Duration hold = Duration.ofMillis(RetryRules.delayMillis(1, e, policy, pacer::uniform));
              if (!pacer.holdOff(hold) && hold.compareTo(nextWait) > 0) {
                nextWait = hold; // no shared gate without a rate limit: this lookup waits itself
                if (deadline.allows(hold)) {
                  listener.onThrottled(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, hold);
                }
              }
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ImagesTransportException cause = new ImagesTransportException(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST,
          ImagesTransportException.Failure.INTERRUPTED, Delivery.NOT_SENT, "interrupted while reconciling a create",
          e, List.of(), traceId);
      throw new OutcomeUnknownException(ambiguous, cause, rounds);
    }
    throw new OutcomeUnknownException(ambiguous, lookupFailure, rounds);
  }

  /** One audit lookup: one attempt through the gate and the limiter, within the lookup's deadline. */
  private Optional<CreatedImage> lookUp(String requestId, CallContext lookup, Deadline deadline)
      throws InterruptedException {
    ImagesOperation operation = ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST;
    if (!pacer.awaitTurn(operation, deadline)) {
      throw AttemptPacer.deadlineReached(operation, lookup, null, deadline);
    }
    pacer.limitAttempt(operation, lookup, null, deadline);
    Page<AuditEntry> page = delegate.retrieveImageAuditsList(AuditQuery.byRequestId(requestId), lookup);
    for (AuditEntry entry : page.items()) {
      AuditAction action = entry.action();
      String imageId = entry.imageId();
      if (entry.madeBy(requestId) && action != null && action.is(AuditAction.CREATED) && imageId != null) {
        return Optional.of(CreatedImage.builder().imageId(imageId).tenantId(entry.tenantId()).customerId(entry.customerId()).reconciled(true).build());
      }
    }
    return Optional.empty();
  }
}
