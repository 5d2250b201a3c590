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
import org.junit.jupiter.api.Test;

/**
 * "An ambiguous delete, then 404, means done" holds across the 401 replay, which wraps the resilient
 * call from outside: timeout, then 401, then (replayed) 404 is a success.
 */
class DeleteAcrossReplayTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort script = new ScriptedPort(time);

  private ImagesPort client() {
    // ListenerTest's transport reads the token per attempt through the settings' source, as the wire does.
    return new ListenerTest.TestTransport().tokenSource(new ListenerTest.RotatingTokens()).clock(time)
        .sleeper(time.sleeper()).resilience(ResiliencePolicy.builder().rateLimit(1000, java.time.Duration.ofSeconds(1)).build())
        .decorate(script);
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
