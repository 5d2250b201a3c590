package io.github.contabo4j.images.transport.jdk.internal;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the body into a byte array, but never past a deadline. {@code HttpRequest.timeout()} only
 * bounds the wait for the response headers; a body that trickles in, or stops, would hold a
 * synchronous {@code send} forever. This handler arms one timer per answer on a shared scheduler: at
 * the deadline it cancels the subscription (which aborts the exchange) and fails the body with an
 * {@link HttpTimeoutException}, so {@code send} returns. The calling thread stays the one that sends,
 * with no hand-off to another executor on the way back.
 */
public final class DeadlineBodyHandler implements BodyHandler<byte[]> {
  private final ScheduledExecutorService scheduler;
  private final long deadlineNanos;
  private final Duration timeout;

  /**
   * Creates the handler for one attempt.
   *
   * @param scheduler the shared timer thread
   * @param deadlineNanos the deadline on {@link System#nanoTime()}
   * @param timeout the attempt's timeout, for the message
   */
  public DeadlineBodyHandler(ScheduledExecutorService scheduler, long deadlineNanos, Duration timeout) {
    this.scheduler = scheduler;
    this.deadlineNanos = deadlineNanos;
    this.timeout = timeout;
  }

  @Override
  public BodySubscriber<byte[]> apply(ResponseInfo responseInfo) {
    return new Bounded(BodySubscribers.ofByteArray());
  }

  private final class Bounded implements BodySubscriber<byte[]> {
    private final BodySubscriber<byte[]> delegate;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile ScheduledFuture<?> timer;

    Bounded(BodySubscriber<byte[]> delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        expire(subscription);
        return;
      }
      timer = scheduler.schedule(() -> expire(subscription), remaining, TimeUnit.NANOSECONDS);
      delegate.onSubscribe(subscription);
    }

    private void expire(Flow.Subscription subscription) {
      if (done.compareAndSet(false, true)) {
        subscription.cancel();
        delegate.onError(new HttpTimeoutException("no complete answer within " + timeout));
      }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      if (!done.get()) {
        delegate.onNext(item);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      if (done.compareAndSet(false, true)) {
        cancelTimer();
        delegate.onError(throwable);
      }
    }

    @Override
    public void onComplete() {
      if (done.compareAndSet(false, true)) {
        cancelTimer();
        delegate.onComplete();
      }
    }

    private void cancelTimer() {
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
    }
  }
}
