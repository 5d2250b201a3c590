package io.github.contabo4j.images.micrometer;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesCall;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesInterceptor;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** An observation around every call, and a long task timer around every {@code awaitDownloaded}. */
final class ObservingInterceptor implements ImagesInterceptor {
  private final ObservationRegistry registry;
  private final @Nullable ImagesObservationConvention convention;
  private final String transport;
  private final @Nullable LongTaskTimer awaitDownloaded;

  ObservingInterceptor(ObservationRegistry registry, @Nullable ImagesObservationConvention convention,
      String transport, @Nullable MeterRegistry meters) {
    this.registry = registry;
    this.convention = convention;
    this.transport = transport;
    this.awaitDownloaded = meters == null ? null
        : LongTaskTimer.builder(ImagesObservation.AWAIT_DOWNLOADED)
            .description("Waits for an uploaded image to finish downloading")
            .tag("transport", transport).register(meters);
  }

  @Override
  public <R> R intercept(ImagesCall<R> call, Chain chain) {
    ImagesObservationContext context = new ImagesObservationContext(call.operation(), transport);
    Observation observation = Observation.createNotStarted(
        convention, DefaultImagesObservationConvention.INSTANCE, () -> context, registry).start();
    String failedRequestId = null;
    Observation.Scope scope = observation.openScope(); // the parent of observations made inside the call
    try {
      return chain.proceed(call);
    } catch (RuntimeException e) {
      if (e instanceof ImagesException images) {
        failedRequestId = images.lastRequestId().orElse(null);
      }
      observation.error(e);
      throw e;
    } finally {
      scope.close();
      // The call's own context names the last attempt; a failure carries its ids too, in case an inner
      // interceptor passed the call on with another context.
      context.end(call.context().lastRequestId().orElse(failedRequestId));
      observation.stop();
    }
  }

  @Override
  public Image interceptAwaitDownloaded(String imageId, Duration timeout, Supplier<Image> wait) {
    return awaitDownloaded == null ? wait.get() : awaitDownloaded.record(wait);
  }

  @Override
  public String toString() {
    return "ImagesObservation.interceptor{transport=" + transport + "}";
  }
}
