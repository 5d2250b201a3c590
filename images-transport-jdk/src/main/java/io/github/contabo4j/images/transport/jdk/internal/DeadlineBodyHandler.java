package io.github.contabo4j.images.transport.jdk.internal;

import io.github.contabo4j.images.internal.wire.BodyBuffer;
import io.github.contabo4j.images.internal.wire.ResponseLimit;
import io.github.contabo4j.images.internal.wire.ResponseTooLargeException;
import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Reads the body into a byte array, never past a deadline and never past core's {@link
 * ResponseLimit}.
 *
 * <p><b>Deadline.</b> A body that trickles in, or stops, would hold a synchronous {@code send}
 * forever. At the attempt's deadline the client's {@link SendWatch} calls {@link #expire()}, which
 * cancels the subscription (aborting the exchange, so the connection is closed rather than pooled)
 * and fails the body with an {@link HttpTimeoutException}, so {@code send} returns. An answer whose
 * body subscribes after the deadline is cut at once. The wait for the headers is the watch's (or the
 * JDK's request timer's) business, not this handler's.
 *
 * <p><b>Size.</b> A 2xx answer whose {@code Content-Length} exceeds the limit fails at once with a
 * {@link ResponseTooLargeException}, before any allocation; a chunked or close-delimited one as soon
 * as one byte too many arrives. An error body longer than the error-body cap is cut there and
 * completes with its first bytes. Either way the subscription is cancelled, which makes the JDK close
 * that connection instead of pooling it. The JDK client never asks for compression and never
 * decodes, so the bytes counted are the bytes used.
 *
 * <p><b>The JDK's own subscriber where it is safe.</b> The JDK hands a body to a subscriber of its
 * own ({@code BodySubscribers.ofByteArray()}) on the thread that read it, but one of ours through its
 * executor: one more thread hand-off per call, measured in {@code docs/PERFORMANCE.md}. So a 2xx
 * answer that declares a {@code Content-Length} within the limit, on an attempt whose {@link
 * SendWatch} interrupts {@code send} at the deadline, is read by the JDK's subscriber: the JDK reads
 * exactly the declared length, so the limit holds, and the interrupt aborts the exchange, so the
 * deadline holds. Every other answer (error bodies, chunked or close-delimited bodies, bodies over the
 * limit, attempts whose deadline the JDK's request timer holds) goes through this handler's own
 * subscriber.
 *
 * <p>It keeps the {@link Flow} protocol: it requests only after it has been subscribed and signals
 * nothing before that.
 */
public final class DeadlineBodyHandler implements BodyHandler<byte[]> {
  private final long deadlineNanos;
  private final Duration timeout;
  private final ResponseLimit limit;
  private final boolean interruptedAtDeadline;
  private volatile boolean expired;
  private volatile @Nullable Bounded current;

  /**
   * Creates the handler for one attempt.
   *
   * @param deadlineNanos the deadline on {@link System#nanoTime()}
   * @param timeout the attempt's timeout, for the message
   * @param limit how much of the answer may be read
   * @param interruptedAtDeadline whether the attempt's {@link SendWatch} interrupts {@code send} at
   *     the deadline, so that the JDK's own subscriber may read a body of known, allowed length
   */
  public DeadlineBodyHandler(
      long deadlineNanos, Duration timeout, ResponseLimit limit, boolean interruptedAtDeadline) {
    this.interruptedAtDeadline = interruptedAtDeadline;
    this.deadlineNanos = deadlineNanos;
    this.timeout = timeout;
    this.limit = Objects.requireNonNull(limit, "limit == null");
  }

  @Override
  public BodySubscriber<byte[]> apply(ResponseInfo responseInfo) {
    int status = responseInfo.statusCode();
    long declaredLength = responseInfo.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (interruptedAtDeadline && !expired && limit.allowsDeclared(status, declaredLength)) {
      return BodySubscribers.ofByteArray();
    }
    Bounded body = new Bounded(status, declaredLength);
    current = body;
    if (expired) {
      body.expire(); // the deadline passed while the headers were read: cut as soon as it subscribes
    }
    return body;
  }

  /**
   * The deadline has passed: cuts the body being read, or the one still to come, with an {@link
   * HttpTimeoutException}, and cancels its subscription. Called by the attempt's {@link SendWatch}, on
   * the client's ticker thread.
   */
  public void expire() {
    expired = true;
    Bounded body = current;
    if (body != null) {
      body.expire();
    }
  }

  private final class Bounded implements BodySubscriber<byte[]> {
    private final int statusCode;
    private final long declaredLength;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Flow.@Nullable Subscription subscription;
    private @Nullable BodyBuffer buffer;

    Bounded(int statusCode, long declaredLength) {
      this.statusCode = statusCode;
      this.declaredLength = declaredLength;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      Objects.requireNonNull(s, "subscription == null");
      if (subscription != null) {
        s.cancel(); // a second subscription is refused (Reactive Streams rule 2.5)
        return;
      }
      subscription = s;
      if (done.get()) { // expired before the subscription came: it is cancelled now
        s.cancel();
        return;
      }
      try {
        buffer = limit.open(statusCode, declaredLength);
      } catch (ResponseTooLargeException e) {
        fail(e);
        return;
      }
      if (expired || deadlineNanos - System.nanoTime() <= 0) {
        expire();
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      BodyBuffer b = buffer;
      if (done.get() || b == null) {
        return;
      }
      for (ByteBuffer item : items) {
        if (!b.append(item)) {
          // More than the cap: a 2xx is too large, an error body is cut; the rest stays unread.
          if (done.compareAndSet(false, true)) {
            cancelSubscription();
            complete(b);
          }
          return;
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      if (done.compareAndSet(false, true)) {
        body.completeExceptionally(throwable);
      }
    }

    @Override
    public void onComplete() {
      BodyBuffer b = buffer;
      if (b != null && done.compareAndSet(false, true)) {
        complete(b);
      }
    }

    private void complete(BodyBuffer b) {
      try {
        body.complete(b.bytes());
      } catch (IOException e) {
        body.completeExceptionally(e);
      }
    }

    void expire() {
      if (done.compareAndSet(false, true)) {
        cancelSubscription();
        body.completeExceptionally(new HttpTimeoutException("no complete answer within " + timeout));
      }
    }

    private void fail(IOException e) {
      if (done.compareAndSet(false, true)) {
        cancelSubscription();
        body.completeExceptionally(e);
      }
    }

    private void cancelSubscription() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
