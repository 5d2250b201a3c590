package io.github.contabo4j.images.internal.upload;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that keeps at most {@code limit} bytes and then cancels the subscription, which
 * makes the JDK client close the connection: a server that would stream gigabytes is cut off after
 * the first {@code limit} bytes. What arrived so far can be read at any time ({@link #snapshot()}),
 * e.g. after a timeout.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final byte[] buffer;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private int length;
  private Flow.@org.jspecify.annotations.Nullable Subscription subscription;

  BoundedBody(int limit) {
    this.buffer = new byte[limit];
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    Flow.Subscription s;
    synchronized (this) {
      for (ByteBuffer item : items) {
        int take = Math.min(item.remaining(), buffer.length - length);
        item.get(buffer, length, take);
        length += take;
      }
      s = subscription;
    }
    if (full()) {
      if (s != null) {
        s.cancel();
      }
      result.complete(snapshot());
    } else if (s != null) {
      s.request(1);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(snapshot());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  /** The bytes kept so far. */
  synchronized byte[] snapshot() {
    return Arrays.copyOf(buffer, length);
  }

  private synchronized boolean full() {
    return length == buffer.length;
  }
}
