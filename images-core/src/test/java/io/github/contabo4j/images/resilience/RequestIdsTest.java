package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every attempt draws a fresh x-request-id from the one CallContext; the trace id stays. */
class RequestIdsTest {
  private static final String FIRST_ID = "6f1c1c2e-3b9a-4d51-9a57-0d5cbd2f3a10";

  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);
  private final ResilientImagesPort resilient = ResilientImagesPort.builder().delegate(port)
      .policy(ResiliencePolicy.builder().noRateLimit().build())
      .sleeper(time.sleeper()).clock(time).random(new Random(1)).build();

  @Test
  void everyAttemptHasANewRequestIdAndTheSameTraceIdAndTheErrorListsThemAll() {
    port.then(transport(Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED), status(503), status(502), status(504));
    CallContext context = CallContext.create().withTraceId("deploy-42");

    ImagesException e = catchThrowableOfType(ImagesException.class, () -> resilient.retrieveImage("img-1", context));

    List<String> sent = port.attempts().stream().map(ScriptedPort.Attempt::requestId).toList();
    assertThat(sent).hasSize(4).doesNotHaveDuplicates();
    assertThat(port.attempts()).extracting(ScriptedPort.Attempt::traceId).containsOnly("deploy-42");
    assertThat(e.requestIds()).isEqualTo(sent);
    assertThat(e.traceId()).contains("deploy-42");
    assertThat(e.getMessage()).contains(sent.get(0)).contains(sent.get(3));
    assertThat(context.requestIds()).isEqualTo(sent);
  }

  @Test
  void aCallerChosenIdGoesOnTheFirstAttemptOnlyAndSuccessNamesTheLastId() {
    port.then(status(429));
    CallContext context = CallContext.create().withRequestId(FIRST_ID);

    resilient.retrieveCustomImagesStats(context);

    List<String> sent = port.attempts().stream().map(ScriptedPort.Attempt::requestId).toList();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).isEqualTo(FIRST_ID);
    assertThat(sent.get(1)).isNotEqualTo(FIRST_ID);
    assertThat(context.lastRequestId()).contains(sent.get(1));
  }
}
