package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Listeners;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Hears what the resilience decorator does: retries, waits, reconciliations, and the end of every
 * call with its latency and request id. Give one to {@code ResilientImagesPort.builder().listener(..)}
 * or to a transport's builder ({@code listener(..)}); every method has a no-op default, so a listener
 * overrides only what it needs, and a listener meant for metrics needs no other glue:
 *
 * <pre>{@code
 * ImagesListener metrics = new ImagesListener() {
 *   public void onCompleted(ImagesOperation op, Duration latency, String requestId, RuntimeException failure) {
 *     timer(op, failure == null ? "ok" : failure.getClass().getSimpleName()).record(latency);
 *   }
 * };
 * }</pre>
 *
 * <p><b>When and where.</b> Methods are called synchronously on the thread making the call, in the
 * order things happen, with the decorator's injected clock as the time base; keep them quick and
 * thread-safe (one listener serves every call). A method that throws a {@link RuntimeException} never
 * breaks a call: the exception is logged at DEBUG (logger {@code
 * io.github.contabo4j.images.resilience.ResilientImagesPort}) and ignored. Nothing passed here holds a
 * token or secret.
 *
 * <p><b>What is reported.</b>
 *
 * <ul>
 *   <li>{@link #onRetry}: an attempt failed in a way the policy retries, and another attempt follows
 *       after a wait.
 *   <li>{@link #onRateLimitWait}: an attempt waits for a permit of the client-side rate limiter.
 *   <li>{@link #onThrottled}: an attempt holds off because the service answered 429 (to this call or
 *       to another call through the same decorator), for its {@code Retry-After} or the throttle
 *       backoff.
 *   <li>{@link #onReconciled} / {@link #onOutcomeUnknown}: a create that ended ambiguously was, or was
 *       not, settled through the audit log.
 *   <li>{@link #onCompleted}: a call ended, successfully or not, once per call (not per attempt), after
 *       all its retries, waits and any reconciliation. The audit lookups of a reconciliation and the
 *       polls of {@link ImagesPort#awaitDownloaded} are not calls of their own here, except that each
 *       poll is an ordinary {@code retrieveImage} call and is reported as one. Input rejected before
 *       any attempt ({@link InvalidRequestException}) is not reported.
 * </ul>
 */
public interface ImagesListener {

  /**
   * A listener that ignores everything: the default.
   *
   * @return the no-op listener
   */
  static ImagesListener none() {
    return Listeners.NONE;
  }

  /**
   * An attempt failed and will be repeated. Called once the retry is decided, before its wait; if the
   * call's deadline leaves no time for that wait and another attempt, the call then ends with {@code
   * failure} instead.
   *
   * @param operation the operation
   * @param failedAttempt the number of the attempt that failed, 1 for the first
   * @param failure how it failed (it carries the status, {@code Retry-After} and request ids)
   * @param wait the backoff or {@code Retry-After} before the next attempt, before any rate-limit wait
   */
  default void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {}

  /**
   * An attempt waits for a permit of the client-side rate limiter ({@code permitsPerPeriod} per
   * {@code ratePeriod}). Not called when a permit is free at once.
   *
   * @param operation the operation the attempt belongs to (audit lookups of a reconciliation report
   *     {@link ImagesOperation#RETRIEVE_IMAGE_AUDITS_LIST})
   * @param wait how long it waits, more than zero
   */
  default void onRateLimitWait(ImagesOperation operation, Duration wait) {}

  /**
   * An attempt holds off because the service throttled: it answered 429 to this call or, with a rate
   * limit in the policy, to another call through the same decorator (they all hold off together).
   * The wait is the 429's {@code Retry-After}, or the throttle backoff when it sent none.
   *
   * @param operation the operation the waiting attempt belongs to
   * @param wait how long it waits, more than zero
   */
  default void onThrottled(ImagesOperation operation, Duration wait) {}

  /**
   * A create that ended ambiguously turned out to have succeeded: the audit log shows the image it
   * made. The create returns {@code image}, with {@code reconciled() == true}.
   *
   * @param image the image the create made
   * @param requestId the {@code x-request-id} of the attempt that made it
   */
  default void onReconciled(CreatedImage image, String requestId) {}

  /**
   * A create that ended ambiguously could not be settled: it throws {@code failure} next.
   *
   * @param failure the exception the create throws, carrying every request id it sent
   */
  default void onOutcomeUnknown(OutcomeUnknownException failure) {}

  /**
   * A call ended. Called once per call, success or failure, after every retry, wait and
   * reconciliation.
   *
   * @param operation the operation
   * @param latency the whole call's duration on the decorator's clock, waits included
   * @param requestId the {@code x-request-id} of the attempt that got the final answer: on success the
   *     successful attempt's, for a reconciled create the one the audit log names; null if no attempt
   *     was sent
   * @param failure what the call throws, or null if it succeeded
   */
  default void onCompleted(
      ImagesOperation operation, Duration latency, @Nullable String requestId, @Nullable RuntimeException failure) {}
}

