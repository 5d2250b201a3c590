package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.OutcomeUnknownException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Several listeners as one, called in order. One that throws does not stop the others from hearing
 * the event; the first exception is rethrown afterwards (the resilience decorator logs and ignores it).
 */
final class CompositeListener implements ImagesListener {
  private final List<ImagesListener> listeners;

  CompositeListener(ImagesListener first, List<ImagesListener> rest) {
    List<ImagesListener> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    this.listeners = List.copyOf(all);
  }

  private void each(java.util.function.Consumer<ImagesListener> event) {
    RuntimeException first = null;
    for (ImagesListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {
    each(l -> l.onRetry(operation, failedAttempt, failure, wait));
  }

  @Override
  public void onRateLimitWait(ImagesOperation operation, Duration wait) {
    each(l -> l.onRateLimitWait(operation, wait));
  }

  @Override
  public void onThrottled(ImagesOperation operation, Duration wait) {
    each(l -> l.onThrottled(operation, wait));
  }

  @Override
  public void onReconciled(CreatedImage image, String requestId) {
    each(l -> l.onReconciled(image, requestId));
  }

  @Override
  public void onOutcomeUnknown(OutcomeUnknownException failure) {
    each(l -> l.onOutcomeUnknown(failure));
  }

  @Override
  public void onCompleted(
      ImagesOperation operation, Duration latency, @Nullable String requestId, @Nullable RuntimeException failure) {
    each(l -> l.onCompleted(operation, latency, requestId, failure));
  }
}
