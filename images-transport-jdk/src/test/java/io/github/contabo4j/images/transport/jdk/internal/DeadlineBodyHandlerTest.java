package io.github.contabo4j.images.transport.jdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.internal.wire.ResponseLimit;
import io.github.contabo4j.images.internal.wire.ResponseTooLargeException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The body handler keeps the Flow protocol and the response-size limit. */
class DeadlineBodyHandlerTest {
  private final List<String> signals = new ArrayList<>();

  private final Flow.Subscription subscription = new Flow.Subscription() {
    @Override
    public void request(long n) {
      signals.add("request");
    }

    @Override
    public void cancel() {
      signals.add("cancel");
    }
  };

  private static ResponseInfo info(int status, Map<String, List<String>> headers) {
    return new ResponseInfo() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public HttpHeaders headers() {
        return HttpHeaders.of(headers, (name, value) -> true);
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  private DeadlineBodyHandler handler(long deadlineNanos) {
    return new DeadlineBodyHandler(deadlineNanos, Duration.ofSeconds(1), new ResponseLimit(1024), false);
  }

  private static Throwable failure(BodySubscriber<byte[]> body) {
    CompletableFuture<byte[]> future = body.getBody().toCompletableFuture();
    assertThat(future).isCompletedExceptionally();
    try {
      future.get();
      throw new AssertionError("completed normally");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCompleteBodyIsRequestedOnceAndReturned() throws Exception {
    BodySubscriber<byte[]> body = handler(System.nanoTime() + TimeUnit.SECONDS.toNanos(30)).apply(info(200, Map.of()));

    body.onSubscribe(subscription);
    body.onNext(List.of(ByteBuffer.wrap("{}".getBytes())));
    body.onComplete();

    assertThat(body.getBody().toCompletableFuture().get()).isEqualTo("{}".getBytes());
    assertThat(signals).containsExactly("request");
  }

  @Test
  void aDeadlineAlreadyPastFailsOnlyAfterTheSubscriptionArrived() {
    BodySubscriber<byte[]> body = handler(System.nanoTime() - 1).apply(info(200, Map.of()));
    assertThat(body.getBody().toCompletableFuture()).as("no signal before onSubscribe").isNotDone();

    body.onSubscribe(subscription);

    assertThat(failure(body)).isInstanceOf(HttpTimeoutException.class);
    assertThat(signals).containsExactly("cancel");
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyRequest() {
    BodySubscriber<byte[]> body = handler(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))
        .apply(info(200, Map.of("Content-Length", List.of("2000000000"))));

    body.onSubscribe(subscription);

    assertThat(failure(body)).isInstanceOf(ResponseTooLargeException.class);
    assertThat(signals).containsExactly("cancel");
  }

  @Test
  void aChunkedBodyOverTheLimitIsCancelledAtTheFirstByteTooMany() {
    BodySubscriber<byte[]> body = handler(System.nanoTime() + TimeUnit.SECONDS.toNanos(30)).apply(info(200, Map.of()));
    body.onSubscribe(subscription);

    body.onNext(List.of(ByteBuffer.allocate(1024)));
    assertThat(body.getBody().toCompletableFuture()).isNotDone();
    body.onNext(List.of(ByteBuffer.allocate(1)));

    assertThat(failure(body)).isInstanceOf(ResponseTooLargeException.class);
    assertThat(signals).containsExactly("request", "cancel");
  }

  @Test
  void expiringCutsABodyBeingReadAndCancelsItsSubscription() {
    DeadlineBodyHandler handler = handler(System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
    BodySubscriber<byte[]> body = handler.apply(info(200, Map.of()));
    body.onSubscribe(subscription);
    body.onNext(List.of(ByteBuffer.wrap("{\"trick".getBytes()))); // then the server stalls

    handler.expire();

    assertThat(failure(body)).isInstanceOf(HttpTimeoutException.class).hasMessage("no complete answer within PT1S");
    assertThat(signals).containsExactly("request", "cancel");
    body.onComplete(); // too late: the body stays failed
    assertThat(failure(body)).isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void expiringBeforeTheHeadersArriveCutsTheBodyAsSoonAsItSubscribes() {
    DeadlineBodyHandler handler = handler(System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
    handler.expire();

    BodySubscriber<byte[]> body = handler.apply(info(200, Map.of()));
    body.onSubscribe(subscription);

    assertThat(failure(body)).isInstanceOf(HttpTimeoutException.class);
    assertThat(signals).containsExactly("cancel");
  }

  @Test
  void onAnInterruptedAttemptTheJdksOwnSubscriberReadsA2xxOfDeclaredAllowedLength() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    DeadlineBodyHandler interrupting = new DeadlineBodyHandler(deadline, Duration.ofSeconds(1), new ResponseLimit(1024), true);

    BodySubscriber<byte[]> jdks = interrupting.apply(info(200, Map.of("Content-Length", List.of("1024"))));
    jdks.onSubscribe(subscription);
    jdks.onNext(List.of(ByteBuffer.wrap("{}".getBytes())));
    jdks.onComplete();

    assertThat(jdks.getClass().getName()).startsWith("jdk.internal.net.http.");
    assertThat(jdks.getBody().toCompletableFuture().get()).isEqualTo("{}".getBytes());
  }

  @Test
  void everyOtherAnswerGoesThroughTheBoundedSubscriber() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    DeadlineBodyHandler interrupting = new DeadlineBodyHandler(deadline, Duration.ofSeconds(1), new ResponseLimit(1024), true);
    String ours = DeadlineBodyHandler.class.getName();

    assertThat(interrupting.apply(info(200, Map.of())).getClass().getName()).as("chunked").startsWith(ours);
    assertThat(interrupting.apply(info(200, Map.of("Content-Length", List.of("1025")))).getClass().getName())
        .as("over the limit").startsWith(ours);
    assertThat(interrupting.apply(info(404, Map.of("Content-Length", List.of("10")))).getClass().getName())
        .as("an error body").startsWith(ours);
    assertThat(handler(deadline).apply(info(200, Map.of("Content-Length", List.of("10")))).getClass().getName())
        .as("the JDK's request timer holds the deadline").startsWith(ours);
    interrupting.expire();
    assertThat(interrupting.apply(info(200, Map.of("Content-Length", List.of("10")))).getClass().getName())
        .as("already expired").startsWith(ours);
  }

  @Test
  void aSecondSubscriptionIsCancelled() {
    BodySubscriber<byte[]> body = handler(System.nanoTime() + TimeUnit.SECONDS.toNanos(30)).apply(info(200, Map.of()));
    body.onSubscribe(subscription);

    body.onSubscribe(subscription);

    assertThat(signals).containsExactly("request", "cancel");
  }
}
