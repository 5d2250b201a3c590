package io.github.contabo4j.images.internal.resilience;

import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * The retry classification and the waits, written once: the code of the retry table, which is
 * written down in one place only, {@link io.github.contabo4j.images.resilience.ResilientImagesPort}'s
 * description. The fault matrix of the shared suites proves each row on every transport.
 */
public final class RetryRules {
  private RetryRules() {}

  /**
   * Whether a failed attempt may be repeated.
   *
   * @param thrown what the attempt threw
   * @param policy the policy (for {@code maxRetryAfter})
   * @return true if the table above allows another attempt
   */
  public static boolean retryable(Throwable thrown, ResiliencePolicy policy) {
    if (!(thrown instanceof ImagesException)) {
      return false;
    }
    ImagesException e = (ImagesException) thrown;
    ImagesOperation op = e.operation();
    if (e instanceof ImagesTransportException) {
      Failure failure = ((ImagesTransportException) e).failure();
      if (failure == Failure.INTERRUPTED || failure == Failure.RESPONSE_TOO_LARGE
          || failure == Failure.TOKEN_UNAVAILABLE) {
        return false;
      }
      return e.delivery() == Delivery.NOT_SENT || !op.createsResources();
    }
    if (!(e instanceof ImagesServiceException)) {
      return false;
    }
    ImagesServiceException s = (ImagesServiceException) e;
    Optional<Duration> retryAfter = s.retryAfter();
    if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
      return false;
    }
    switch (s.statusCode()) {
      case 429:
        return true;
      case 502:
      case 503:
      case 504:
        return !op.createsResources();
      case 500:
        return op.readOnly();
      default:
        return false;
    }
  }

  /**
   * Whether a failure leaves open whether the service applied the request: a transport failure that
   * {@linkplain Delivery#MAYBE_PROCESSED may have been processed} (an interrupt excepted: the caller
   * asked to stop), or a 5xx answer, which a gateway may give for a request the service went on to
   * apply. After such a failure a create is looked up in the audit log, and a retried delete that
   * finds the image gone has succeeded.
   *
   * @param thrown what an attempt threw
   * @return true if the request may or may not have been applied
   */
  public static boolean ambiguous(Throwable thrown) {
    if (thrown instanceof ImagesTransportException) {
      ImagesTransportException t = (ImagesTransportException) thrown;
      return t.failure() != Failure.INTERRUPTED && t.delivery() == Delivery.MAYBE_PROCESSED;
    }
    if (thrown instanceof ImagesServiceException) {
      int status = ((ImagesServiceException) thrown).statusCode();
      return status >= 500 && status <= 599;
    }
    return false;
  }

  /**
   * Whether the failure is the service throttling: an HTTP 429.
   *
   * @param thrown what the attempt threw
   * @return true for a 429
   */
  public static boolean throttled(Throwable thrown) {
    return thrown instanceof ImagesServiceException && ((ImagesServiceException) thrown).statusCode() == 429;
  }

  /**
   * The wait before the next attempt, for a failure {@link #retryable} allowed: the service's {@code
   * Retry-After} if it sent one, else the throttle backoff for a 429, else the normal backoff.
   *
   * @param failedAttempts attempts that failed so far, at least 1
   * @param thrown the latest failure
   * @param policy the policy
   * @param uniform draws a uniform random long in {@code [0, bound]} for a {@code bound >= 0}
   * @return the wait in milliseconds, at least 0
   */
  public static long delayMillis(
      int failedAttempts, Throwable thrown, ResiliencePolicy policy, LongUnaryOperator uniform) {
    if (thrown instanceof ImagesServiceException) {
      Optional<Duration> retryAfter = ((ImagesServiceException) thrown).retryAfter();
      if (retryAfter.isPresent()) {
        return Math.max(0, retryAfter.get().toMillis());
      }
    }
    boolean throttled = throttled(thrown);
    long bound = backoffBoundMillis(
        throttled ? policy.throttleBackoffBase() : policy.backoffBase(),
        policy.backoffMultiplier(),
        throttled ? policy.throttleBackoffCap() : policy.backoffCap(),
        failedAttempts);
    return bound == 0 ? 0 : uniform.applyAsLong(bound);
  }

  /**
   * The full-jitter bound before retry {@code k}: {@code min(cap, base * multiplier^(k-1))}.
   *
   * @param base the first bound
   * @param multiplier growth per retry, at least 1
   * @param cap the largest bound
   * @param retry {@code k}, 1 for the first retry
   * @return the bound in milliseconds
   */
  public static long backoffBoundMillis(Duration base, double multiplier, Duration cap, int retry) {
    double bound = base.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
    long capMillis = cap.toMillis();
    return bound >= capMillis ? capMillis : (long) bound;
  }
}
