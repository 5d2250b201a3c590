package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the client bean last did, as the health indicator reports it: the last token fetch and the
 * last call's outcome. It learns both from the client's own traffic (a token source wrapper and an
 * {@link ImagesListener}), so reading it never costs an API call. It holds no token or secret: only
 * times, operation names, status codes, request ids and exception class names.
 */
final class ImagesActivity {
  private final Clock clock;
  private volatile @Nullable TokenEvent lastToken;
  private volatile @Nullable CallEvent lastCall;

  ImagesActivity(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** A token fetch: when, and how it failed (null for success). */
  record TokenEvent(Instant at, @Nullable String failure) {}

  /** A finished call. */
  record CallEvent(Instant at, ImagesOperation operation, Duration latency, @Nullable String requestId,
      @Nullable String failure, @Nullable Integer statusCode) {}

  @Nullable TokenEvent lastToken() {
    return lastToken;
  }

  @Nullable CallEvent lastCall() {
    return lastCall;
  }

  /** Wraps a token source so that each fetch is recorded; the wrapper shows no token. */
  TokenSource record(TokenSource tokens) {
    return new TokenSource() {
      @Override
      public String accessToken() {
        try {
          String token = tokens.accessToken();
          lastToken = new TokenEvent(clock.instant(), null);
          return token;
        } catch (RuntimeException e) {
          lastToken = new TokenEvent(clock.instant(), e.getClass().getSimpleName());
          throw e;
        }
      }

      @Override
      public void invalidate(String rejectedToken) {
        tokens.invalidate(rejectedToken);
      }

      @Override
      public String toString() {
        return tokens.toString();
      }
    };
  }

  /**
   * The listener the client reports to: this activity first, then the application's own listeners.
   *
   * @param others the {@code ImagesListener} beans, in order
   * @return the listener
   */
  ImagesListener listener(List<ImagesListener> others) {
    ImagesListener recorder = new ImagesListener() {
      @Override
      public void onCompleted(ImagesOperation operation, Duration latency, @Nullable String requestId,
          @Nullable RuntimeException failure) {
        lastCall = new CallEvent(clock.instant(), operation, latency, requestId,
            failure == null ? null : failure.getClass().getSimpleName(),
            failure instanceof ImagesServiceException service ? service.statusCode() : null);
      }
    };
    return others.isEmpty() ? recorder : new CompositeListener(recorder, others);
  }
}
