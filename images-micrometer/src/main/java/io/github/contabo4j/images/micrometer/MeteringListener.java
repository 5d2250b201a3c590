package io.github.contabo4j.images.micrometer;

import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.OutcomeUnknownException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Meters for what happens inside a call. The end of a call is left to the observation, which sees it
 * once, outside the retries.
 */
final class MeteringListener implements ImagesListener {
  private final MeterRegistry meters;
  private final String transport;
  private final Counter reconciled;
  private final Counter outcomeUnknown;

  MeteringListener(MeterRegistry meters, String transport) {
    this.meters = meters;
    this.transport = transport;
    this.reconciled = Counter.builder(ImagesObservation.RECONCILED_CREATES)
        .description("Creates whose answer was lost and that the audit log showed to have succeeded")
        .tag("transport", transport).register(meters);
    this.outcomeUnknown = Counter.builder(ImagesObservation.UNKNOWN_OUTCOMES)
        .description("Creates whose answer was lost and that the audit log could not settle")
        .tag("transport", transport).register(meters);
  }

  @Override
  public void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {
    Counter.builder(ImagesObservation.RETRIES)
        .description("Attempts that failed and were repeated")
        .tag("operation", operation.operationId())
        .tag("error", failure.getClass().getSimpleName())
        .tag("status.class", DefaultImagesObservationConvention.statusClass(failure))
        .tag("transport", transport)
        .register(meters).increment();
  }

  @Override
  public void onRateLimitWait(ImagesOperation operation, Duration wait) {
    waitTimer(ImagesObservation.RATE_LIMIT_WAITS, "Waits for a permit of the client-side rate limiter", operation)
        .record(wait);
  }

  @Override
  public void onThrottled(ImagesOperation operation, Duration wait) {
    waitTimer(ImagesObservation.THROTTLE_WAITS, "Waits after the service answered 429", operation).record(wait);
  }

  @Override
  public void onReconciled(CreatedImage image, String requestId) {
    reconciled.increment();
  }

  @Override
  public void onOutcomeUnknown(OutcomeUnknownException failure) {
    outcomeUnknown.increment();
  }

  private Timer waitTimer(String name, String description, ImagesOperation operation) {
    return Timer.builder(name).description(description)
        .tag("operation", operation.operationId()).tag("transport", transport).register(meters);
  }

  @Override
  public String toString() {
    return "ImagesObservation.listener{transport=" + transport + "}";
  }
}
