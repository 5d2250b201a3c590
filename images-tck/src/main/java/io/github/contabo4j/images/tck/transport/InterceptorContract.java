package io.github.contabo4j.images.tck.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesCall;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesInterceptor;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.client.ImagesClientBuilder;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interceptors and listeners added on a transport's builder, the same on every transport: each
 * interceptor sees each call once, outside the retries and the 401 replay, in the order added, with
 * the call's final outcome and the request id that got it; added listeners all hear what happens
 * inside the call; a closed client runs no interceptor. Runs against the testkit's fake over HTTP.
 *
 * <pre>{@code
 * class MyInterceptorTest extends InterceptorContract {
 *   protected ImagesClientBuilder<?, ?> newBuilder() {
 *     return MyImagesClient.builder();
 *   }
 * }
 * }</pre>
 */
public abstract class InterceptorContract {
  private FakeImages fake;
  private FakeImagesServer server;

  /**
   * A builder of the transport under test with nothing set; the suite sets the base URI, the token,
   * a sleeper that does not sleep, the interceptors and the listeners.
   *
   * @return a new builder
   */
  protected abstract ImagesClientBuilder<?, ?> newBuilder();

  @BeforeEach
  void startFake() {
    fake = FakeImages.create();
    server = FakeImagesServer.start(fake);
  }

  @AfterEach
  void stopFake() {
    server.close();
  }

  /** Records, per call, what the interceptor saw when the call ended. */
  static final class Recording implements ImagesInterceptor {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<String> awaits = new CopyOnWriteArrayList<>();
    private final String name;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public <R> R intercept(ImagesCall<R> call, Chain chain) {
      seen.add(name + " in " + call.operation());
      try {
        R result = chain.proceed(call);
        seen.add(name + " out " + call.operation() + " ok after " + call.context().requestIds().size()
            + " attempts, last " + call.context().lastRequestId().orElse("-"));
        return result;
      } catch (RuntimeException e) {
        seen.add(name + " out " + call.operation() + " " + e.getClass().getSimpleName());
        throw e;
      }
    }

    @Override
    public Image interceptAwaitDownloaded(String imageId, Duration timeout, Supplier<Image> wait) {
      awaits.add(name + " waits for " + imageId);
      Image image = wait.get();
      awaits.add(name + " saw " + image.status());
      return image;
    }
  }

  private ImagesClient client(List<? extends ImagesInterceptor> interceptors, List<? extends ImagesListener> listeners) {
    ImagesClientBuilder<?, ?> builder = newBuilder().baseUri(server.baseUri()).token(server.token())
        .sleeper(duration -> {}); // the retry's backoff and the poll interval: no real wait
    for (ImagesInterceptor interceptor : interceptors) {
      builder.addInterceptor(interceptor);
    }
    for (ImagesListener listener : listeners) {
      builder.addListener(listener);
    }
    return builder.build();
  }

  @Test
  void anInterceptorSeesARetriedCallOnceWithTheRequestIdThatGotTheAnswer() {
    Recording recording = new Recording("a");
    fake.faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST).serverError(503);

    try (ImagesClient client = client(List.of(recording), List.of())) {
      CallContext context = CallContext.create();
      client.retrieveImageList(io.github.contabo4j.images.ImageListQuery.builder().build(), context);

      List<String> sent = server.requests().stream().map(FakeImagesServer.RecordedRequest::requestId)
          .collect(Collectors.toList());
      assertEquals(2, sent.size(), "one retry over the wire");
      assertEquals(List.of("a in retrieveImageList",
          "a out retrieveImageList ok after 2 attempts, last " + sent.get(1)), recording.seen);
    }
  }

  @Test
  void interceptorsNestInTheOrderAddedAndSeeTheFailureTheCallerGets() {
    Recording outer = new Recording("outer");
    Recording inner = new Recording("inner");

    try (ImagesClient client = client(List.of(outer, inner), List.of())) {
      ImageNotFoundException e = assertThrows(ImageNotFoundException.class, () -> client.retrieveImage("no-such"));

      assertEquals(ImagesOperation.RETRIEVE_IMAGE, e.operation());
      assertEquals(List.of("outer in retrieveImage", "outer out retrieveImage ImageNotFoundException"), outer.seen);
      assertEquals(List.of("inner in retrieveImage", "inner out retrieveImage ImageNotFoundException"), inner.seen);
    }
  }

  @Test
  void addedListenersAllHearTheRetriesInsideTheCall() {
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    fake.faults().next(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS).serverError(503);

    try (ImagesClient client = client(List.of(), List.of(listener(first), listener(second)))) {
      client.retrieveCustomImagesStats();
    }

    assertEquals(List.of("retry 1 ServerErrorException", "completed retrieveCustomImagesStats"), first);
    assertEquals(first, second);
  }

  private static ImagesListener listener(List<String> heard) {
    return new ImagesListener() {
      @Override
      public void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {
        heard.add("retry " + failedAttempt + " " + failure.getClass().getSimpleName());
      }

      @Override
      public void onCompleted(ImagesOperation operation, Duration latency, String requestId, RuntimeException failure) {
        heard.add("completed " + operation);
      }
    };
  }

  @Test
  void awaitDownloadedIsInterceptedAsAWhole() {
    Recording recording = new Recording("a");
    String imageId = fake.images().get(0).imageId();

    try (ImagesClient client = client(List.of(recording), List.of())) {
      Image image = client.awaitDownloaded(imageId, Duration.ofMinutes(1));

      assertTrue(image.isDownloaded());
      assertEquals(List.of("a waits for " + imageId, "a saw " + image.status()), recording.awaits);
    }
  }

  @Test
  void aClosedClientRunsNoInterceptor() {
    Recording recording = new Recording("a");
    ImagesClient client = client(List.of(recording), List.of());
    client.close();

    IllegalStateException e = assertThrows(IllegalStateException.class, client::retrieveCustomImagesStats);

    assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
    assertEquals(List.of(), recording.seen);
    assertEquals(0, server.requests().size());
    assertSame(Boolean.TRUE, client.isClosed());
  }
}
