package io.github.contabo4j.images.internal;

import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.OutcomeUnknownException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The no-op {@link ImagesListener} and the guard the decorator calls listeners through: every event
 * is also logged at DEBUG, and a listener that throws is logged at DEBUG and ignored, so it can never
 * break a call.
 */
public final class Listeners {
  /** The listener behind {@link ImagesListener#none()}. */
  public static final ImagesListener NONE = new ImagesListener() {
    @Override
    public String toString() {
      return "ImagesListener.none()";
    }
  };

  private static final Logger LOG = LoggerFactory.getLogger("io.github.contabo4j.images.resilience.ResilientImagesPort");

  private Listeners() {}

  /**
   * Wraps a listener so that nothing it throws escapes, and logs each event at DEBUG.
   *
   * @param listener the user's listener
   * @return the guarded listener
   */
  public static ImagesListener guarded(ImagesListener listener) {
    return listener instanceof Guarded ? listener : new Guarded(listener);
  }

  /**
   * One listener that tells each of {@code listeners}, in order, about every event; one that throws
   * does not keep the event from the others.
   *
   * @param listeners the listeners
   * @return them as one ({@link #NONE} for none, the listener itself for one)
   */
  public static ImagesListener all(List<ImagesListener> listeners) {
    List<ImagesListener> list = List.copyOf(listeners);
    if (list.isEmpty()) {
      return NONE;
    }
    if (list.size() == 1) {
      return list.get(0);
    }
    return new All(list);
  }

  private static final class All implements ImagesListener {
    private final List<ImagesListener> listeners;

    All(List<ImagesListener> listeners) {
      this.listeners = listeners;
    }

    @Override
    public void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {
      each("onRetry", l -> l.onRetry(operation, failedAttempt, failure, wait));
    }

    @Override
    public void onRateLimitWait(ImagesOperation operation, Duration wait) {
      each("onRateLimitWait", l -> l.onRateLimitWait(operation, wait));
    }

    @Override
    public void onThrottled(ImagesOperation operation, Duration wait) {
      each("onThrottled", l -> l.onThrottled(operation, wait));
    }

    @Override
    public void onReconciled(CreatedImage image, String requestId) {
      each("onReconciled", l -> l.onReconciled(image, requestId));
    }

    @Override
    public void onOutcomeUnknown(OutcomeUnknownException failure) {
      each("onOutcomeUnknown", l -> l.onOutcomeUnknown(failure));
    }

    @Override
    public void onCompleted(
        ImagesOperation operation, Duration latency, @Nullable String requestId, @Nullable RuntimeException failure) {
      each("onCompleted", l -> l.onCompleted(operation, latency, requestId, failure));
    }

    private void each(String event, Consumer<ImagesListener> call) {
      for (ImagesListener listener : listeners) {
        try {
          call.accept(listener);
        } catch (RuntimeException e) {
          LOG.debug("ImagesListener {} threw from {}; ignored", listener.getClass().getName(), event, e);
        }
      }
    }

    @Override
    public String toString() {
      return listeners.toString();
    }
  }

  private static final class Guarded implements ImagesListener {
    private final ImagesListener listener;

    Guarded(ImagesListener listener) {
      this.listener = listener;
    }

    @Override
    public void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {
      LOG.debug("{} attempt {} failed, retrying after {} ms: {}", operation, failedAttempt, wait.toMillis(),
          failure.getMessage());
      run("onRetry", () -> listener.onRetry(operation, failedAttempt, failure, wait));
    }

    @Override
    public void onRateLimitWait(ImagesOperation operation, Duration wait) {
      LOG.debug("{} waits {} ms for a rate-limit permit", operation, wait.toMillis());
      run("onRateLimitWait", () -> listener.onRateLimitWait(operation, wait));
    }

    @Override
    public void onThrottled(ImagesOperation operation, Duration wait) {
      LOG.debug("{} holds off {} ms after HTTP 429", operation, wait.toMillis());
      run("onThrottled", () -> listener.onThrottled(operation, wait));
    }

    @Override
    public void onReconciled(CreatedImage image, String requestId) {
      LOG.debug("ambiguous create settled by the audit log: image {} made by x-request-id {}", image.imageId(),
          requestId);
      run("onReconciled", () -> listener.onReconciled(image, requestId));
    }

    @Override
    public void onOutcomeUnknown(OutcomeUnknownException failure) {
      LOG.debug("ambiguous create not settled: {}", failure.getMessage());
      run("onOutcomeUnknown", () -> listener.onOutcomeUnknown(failure));
    }

    @Override
    public void onCompleted(
        ImagesOperation operation, Duration latency, @Nullable String requestId, @Nullable RuntimeException failure) {
      run("onCompleted", () -> listener.onCompleted(operation, latency, requestId, failure));
    }

    private void run(String event, Runnable call) {
      try {
        call.run();
      } catch (RuntimeException e) {
        LOG.debug("ImagesListener {} threw from {}; ignored", listener.getClass().getName(), event, e);
      }
    }

    @Override
    public String toString() {
      return listener.toString();
    }
  }
}
