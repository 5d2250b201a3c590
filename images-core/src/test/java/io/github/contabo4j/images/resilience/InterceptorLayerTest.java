package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.ImagesCall;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesInterceptor;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ServerErrorException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Where a transport builder puts the interceptors: outside the 401 replay and the retries, so an
 * interceptor sees each call once, with its final outcome and the request id that got it.
 */
class InterceptorLayerTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);

  /** Records what it saw of each call: operation, outcome, and the last request id. */
  static final class Recording implements ImagesInterceptor {
    final List<String> seen = new ArrayList<>();
    private final String name;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public <R> R intercept(ImagesCall<R> call, Chain chain) {
      try {
        R result = chain.proceed(call);
        seen.add(name + " " + call.operation() + " ok " + call.context().requestIds().size() + " attempts, last "
            + call.context().lastRequestId().orElse("-"));
        return result;
      } catch (RuntimeException e) {
        seen.add(name + " " + call.operation() + " " + e.getClass().getSimpleName());
        throw e;
      }
    }
  }

  /** A client as a transport's build() makes it: the builder's layers around the port, the interceptors in ImagesClient. */
  private ImagesClient client(ImagesInterceptor... interceptors) {
    ListenerTest.TestTransport builder = new ListenerTest.TestTransport().tokenSource(() -> "t1").clock(time)
        .sleeper(time.sleeper()).resilience(ResiliencePolicy.builder().rateLimit(1000, Duration.ofSeconds(1)).build());
    for (ImagesInterceptor interceptor : interceptors) {
      builder.addInterceptor(interceptor);
    }
    ImagesPort layers = builder.decorate(port);
    return new ImagesClient("TestClient", URI.create("https://api.contabo.com"), Duration.ofSeconds(30), "test", null,
        builder.interceptors()) {
      @Override
      protected ImagesPort delegate() {
        return layers;
      }

      @Override
      protected void release() {}
    };
  }

  @Test
  void anInterceptorSeesARetriedCallOnceWithItsFinalOutcome() {
    Recording recording = new Recording("a");
    port.times(2, status(503));

    client(recording).retrieveImage("img-1");

    assertThat(port.attempts()).hasSize(3);
    assertThat(recording.seen).containsExactly(
        "a retrieveImage ok 3 attempts, last " + port.attempts().get(2).requestId());
  }

  @Test
  void interceptorsRunInTheOrderAddedAndSeeTheFailureTheCallerGets() {
    Recording outer = new Recording("outer");
    Recording inner = new Recording("inner");
    port.times(10, status(500)); // a 500 on a write is not retried

    assertThatThrownBy(() -> client(outer, inner).deleteImage("img-1")).isInstanceOf(ServerErrorException.class);

    assertThat(inner.seen).containsExactly("inner deleteImage ServerErrorException");
    assertThat(outer.seen).containsExactly("outer deleteImage ServerErrorException");
    assertThat(port.attempts()).hasSize(1);
  }

  @Test
  void addedListenersAllHearEveryEventAndListenerReplacesThem() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    ImagesListener a = new ImagesListener() {
      @Override
      public void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {
        first.add("retry " + failedAttempt);
        throw new IllegalStateException("a broken listener does not keep the event from the next");
      }
    };
    ImagesListener b = new ImagesListener() {
      @Override
      public void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {
        second.add("retry " + failedAttempt);
      }

      @Override
      public void onCompleted(ImagesOperation operation, Duration latency, @Nullable String requestId,
          @Nullable RuntimeException failure) {
        second.add("completed " + operation);
      }
    };
    port.times(1, status(503));

    new ListenerTest.TestTransport().tokenSource(() -> "t1").clock(time).sleeper(time.sleeper())
        .listener(ImagesListener.none()).addListener(a).addListener(b).decorate(port).retrieveCustomImagesStats();

    assertThat(first).containsExactly("retry 1");
    assertThat(second).containsExactly("retry 1", "completed retrieveCustomImagesStats");
    assertThat(new ListenerTest.TestTransport().tokenSource(() -> "t1").addListener(a).addListener(b)
        .listener(ImagesListener.none())
        .listenerInEffect()).isSameAs(ImagesListener.none());
  }

  @Test
  void aClosedClientRefusesCallsBeforeAnyInterceptorRuns() {
    Recording recording = new Recording("a");
    ImagesClient client = client(recording);
    client.close();

    assertThatThrownBy(() -> client.retrieveCustomImagesStats()).isInstanceOf(IllegalStateException.class)
        .hasMessage("TestClient is closed");
    assertThat(recording.seen).isEmpty();
    assertThat(port.attempts()).isEmpty();
  }

  @Test
  void theBuilderRejectsANullInterceptorOrListener() {
    assertThatThrownBy(() -> new ListenerTest.TestTransport().addInterceptor(null)).hasMessage("interceptor == null");
    assertThatThrownBy(() -> new ListenerTest.TestTransport().addListener(null)).hasMessage("listener == null");
  }
}
