package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImagesOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decorator's construction and pass-through behaviour. */
class ResilientImagesPortTest {
  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);

  @ParameterizedTest
  @EnumSource(ImagesOperation.class)
  void successPassesTheDelegatesResultThroughWithOneAttempt(ImagesOperation op) {
    ResilientImagesPort resilient = ResilientImagesPort.decorate(port, ResiliencePolicy.defaults());
    CallContext context = CallContext.create();

    assertThat(ScriptedPort.invoke(resilient, op, context)).isEqualTo(ScriptedPort.expected(op));
    assertThat(port.attempts()).extracting(ScriptedPort.Attempt::operation).containsExactly(op);
    assertThat(context.requestIds()).hasSize(1);
  }

  @Test
  void decorateUsesThePolicyGiven() {
    ResiliencePolicy policy = ResiliencePolicy.builder().maxAttempts(2).build();

    assertThat(ResilientImagesPort.decorate(port, policy).policy()).isSameAs(policy);
    assertThat(ResilientImagesPort.builder().delegate(port).build().policy()).isEqualTo(ResiliencePolicy.defaults());
  }

  @Test
  void theBuilderNamesWhatIsMissing() {
    assertThatThrownBy(() -> ResilientImagesPort.builder().build()).hasMessage("delegate == null");
    assertThatThrownBy(() -> ResilientImagesPort.builder().policy(null)).hasMessage("policy == null");
    assertThatThrownBy(() -> ResilientImagesPort.builder().sleeper(null)).hasMessage("sleeper == null");
    assertThatThrownBy(() -> ResilientImagesPort.builder().clock(null)).hasMessage("clock == null");
    assertThatThrownBy(() -> ResilientImagesPort.builder().random(null)).hasMessage("random == null");
  }

  @Test
  void aNullContextIsRejectedBeforeAnyAttempt() {
    ResilientImagesPort resilient = ResilientImagesPort.decorate(port, ResiliencePolicy.defaults());

    assertThatThrownBy(() -> resilient.retrieveCustomImagesStats(null)).hasMessage("context == null");
    assertThat(port.attemptCount()).isZero();
  }

  @Test
  void theDefaultSleeperClockAndRandomWorkWhenNoWaitIsNeeded() {
    // Backoff zero: the real sleeper is never asked to wait, so this runs in no time.
    ResilientImagesPort resilient = ResilientImagesPort.decorate(port, ResiliencePolicy.builder()
        .backoffBase(java.time.Duration.ZERO).backoffCap(java.time.Duration.ZERO).build());
    port.then(status(503));

    resilient.retrieveImage("img-1");

    assertThat(port.attemptCount()).isEqualTo(2);
  }

  @Test
  void toStringShowsThePolicyAndTheDelegateTypeOnly() {
    assertThat(ResilientImagesPort.decorate(port, ResiliencePolicy.none()).toString())
        .contains("maxAttempts=1").contains("delegate=ScriptedPort");
  }
}
