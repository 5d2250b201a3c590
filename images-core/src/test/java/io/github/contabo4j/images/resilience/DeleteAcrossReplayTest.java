package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.transport.TransportBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * "An ambiguous delete, then 404, means done" holds across the 401 replay, which wraps the resilient
 * call from outside: timeout, then 401, then (replayed) 404 is a success.
 */
class DeleteAcrossReplayTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort script = new ScriptedPort(time);

  /** Hands out t1 until t1 is invalidated, then t2. */
  private static final class RotatingTokens implements TokenSource {
    private volatile String current = "t1";

    @Override
    public String accessToken() {
      return current;
    }

    @Override
    public void invalidate(String rejectedToken) {
      if (rejectedToken.equals(current)) {
        current = "t2";
      }
    }
  }

  private static final class TestTransport extends TransportBuilder<TestTransport> {
    @Override
    protected String transportName() {
      return "test";
    }

    ImagesPort client(ScriptedPort script) {
      TransportBuilder.Settings settings = resolve();
      // Reads the token per attempt through the settings' source, as the wire does.
      ImagesPort raw = (ImagesPort) Proxy.newProxyInstance(ImagesPort.class.getClassLoader(),
          new Class<?>[] {ImagesPort.class}, (proxy, method, args) -> {
            settings.tokenSource().accessToken();
            try {
              return method.invoke(script, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      return settings.decorate(raw);
    }
  }

  private ImagesPort client() {
    return new TestTransport().tokenSource(new RotatingTokens()).clock(time).sleeper(time.sleeper())
        .resilience(ResiliencePolicy.builder().rateLimit(1000, java.time.Duration.ofSeconds(1)).build())
        .client(script);
  }

  @Test
  void timeoutThen401ThenReplayed404IsDone() {
    script.then(transport(Failure.TIMEOUT, Delivery.MAYBE_PROCESSED), status(401), status(404));

    client().deleteImage("img-1", CallContext.create());

    assertThat(script.attempts(ImagesOperation.DELETE_IMAGE)).hasSize(3);
  }

  @Test
  void a401WithoutAnAmbiguousAttemptBeforeItKeepsThe404() {
    script.then(status(401), status(404));

    assertThatThrownBy(() -> client().deleteImage("img-1", CallContext.create()))
        .isInstanceOf(ImageNotFoundException.class);
  }
}
