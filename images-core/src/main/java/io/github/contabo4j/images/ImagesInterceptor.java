package io.github.contabo4j.images;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Observes or changes every call a client makes, whatever the operation, in the manner of OkHttp's
 * interceptors and AWS SDK v2's execution interceptors: register it on a transport's builder ({@code
 * addInterceptor}), or put it around any port with {@link #around}. It runs once per call, outside
 * the retries, so it sees the call's final outcome; what happens inside a call (retries, waits,
 * reconciled creates) goes to an {@link ImagesListener}.
 *
 * <pre>{@code
 * ImagesInterceptor timing = new ImagesInterceptor() {
 *   public <R> R intercept(ImagesCall<R> call, Chain chain) {
 *     long start = System.nanoTime();
 *     try {
 *       return chain.proceed(call);
 *     } finally {
 *       log.info("{} took {} µs", call.operation(), (System.nanoTime() - start) / 1_000);
 *     }
 *   }
 * };
 * }</pre>
 *
 * <p>An interceptor must call {@link Chain#proceed} at most once per call and let its exceptions
 * propagate (or throw its own); it may pass on the call {@linkplain ImagesCall#withContext with
 * another context}. It runs on the calling thread and must be thread-safe.
 */
public interface ImagesInterceptor {

  /**
   * Handles one call.
   *
   * @param call the call
   * @param chain the rest of the chain
   * @param <R> what the operation returns
   * @return the result ({@code null} for a delete)
   */
  <R> R intercept(ImagesCall<R> call, Chain chain);

  /**
   * Wraps one {@link ImagesPort#awaitDownloaded} as a whole (e.g. to time it). The polls inside go
   * on to the port without passing {@link #intercept} one by one. The default just waits.
   *
   * @param imageId the image waited for
   * @param timeout how long the wait may take
   * @param wait the wait itself: the next interceptor's, or the port's
   * @return the downloaded image
   */
  default Image interceptAwaitDownloaded(String imageId, Duration timeout, Supplier<Image> wait) {
    return wait.get();
  }

  /** The rest of the chain: the next interceptor, or the port. */
  interface Chain {
    /**
     * Passes the call on.
     *
     * @param call the call, as received or with another context
     * @param <R> what the operation returns
     * @return the result ({@code null} for a delete)
     */
    <R> R proceed(ImagesCall<R> call);
  }

  /**
   * A port that runs every call through the interceptors, first to last, and then through {@code
   * port}. {@code awaitDownloaded} is {@linkplain #interceptAwaitDownloaded intercepted as a whole}
   * and then left to {@code port}.
   *
   * @param port the port the calls end at
   * @param interceptors the interceptors, outermost first
   * @return the intercepted port
   */
  static ImagesPort around(ImagesPort port, List<? extends ImagesInterceptor> interceptors) {
    Objects.requireNonNull(port, "port == null");
    List<ImagesInterceptor> list = List.copyOf(interceptors);
    if (list.isEmpty()) {
      return port;
    }
    // The chain is linked once, innermost first; a call only walks it.
    Chain chain = new Chain() {
      @Override
      public <R> R proceed(ImagesCall<R> call) {
        return Objects.requireNonNull(call, "call == null").sendTo(port);
      }
    };
    for (int i = list.size() - 1; i >= 0; i--) {
      ImagesInterceptor interceptor = list.get(i);
      Chain next = chain;
      chain = new Chain() {
        @Override
        public <R> R proceed(ImagesCall<R> call) {
          return interceptor.intercept(Objects.requireNonNull(call, "call == null"), next);
        }
      };
    }
    Chain first = chain;
    return new ImagesCallHandler() {
      @Override
      protected <R> R handle(ImagesCall<R> call) {
        return first.proceed(call);
      }

      @Override
      public Image awaitDownloaded(String imageId, Duration timeout) {
        return awaitThrough(list, port, imageId, timeout);
      }

      @Override
      public String toString() {
        return "ImagesInterceptor.around(" + port + ", " + list + ")";
      }
    };
  }

  /**
   * Runs {@code port.awaitDownloaded} inside every interceptor's {@link #interceptAwaitDownloaded},
   * first to last.
   *
   * @param interceptors the interceptors, outermost first
   * @param port the port that waits
   * @param imageId the image
   * @param timeout how long the wait may take
   * @return the downloaded image
   */
  private static Image awaitThrough(
      List<ImagesInterceptor> interceptors, ImagesPort port, String imageId, Duration timeout) {
    Supplier<Image> wait = () -> port.awaitDownloaded(imageId, timeout);
    for (int i = interceptors.size() - 1; i >= 0; i--) {
      ImagesInterceptor interceptor = interceptors.get(i);
      Supplier<Image> inner = wait;
      wait = () -> interceptor.interceptAwaitDownloaded(imageId, timeout, inner);
    }
    return wait.get();
  }
}
