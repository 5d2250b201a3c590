package io.github.contabo4j.images.testkit.resilience;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.internal.wire.RetryAfter;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.resilience.ResilientImagesPort;
import io.github.contabo4j.images.testkit.FakeFaults;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.MutableClock;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The fault matrix on the fake, wrapped in the resilience decorator, with the fake's own faults. */
class FakeFaultMatrixTest extends FaultMatrixContract {
  private FakeImages fake = FakeImages.create();
  private Clock clock = Clock.systemUTC();

  @Override
  protected void begin(MutableClock clock, Image image) {
    this.clock = clock;
    fake = FakeImages.builder().clock(clock).seedStandardImages(false).build();
    fake.seed(image);
  }

  @Override
  protected ImagesPort newPort(ResiliencePolicy policy, Sleeper sleeper, Clock clock) {
    return ResilientImagesPort.builder().delegate(fake).policy(policy).sleeper(sleeper).clock(clock).build();
  }

  /**
   * A 429's raw {@code Retry-After} is parsed the way a transport parses it (core's one parser,
   * against the row's clock), since the fake takes the delay, not the header. A slow answer is the
   * fake's {@code timeout()}: the fake applies no attempt timeout itself (the transports do), so it
   * reports the timeout the transport would have.
   */
  @Override
  protected void script(ImagesOperation operation, int attempts, MatrixFault fault) {
    FakeFaults.Next next = fake.faults().nextCalls(operation, attempts);
    switch (fault.kind()) {
      case STATUS:
        if (fault.status() == 429) {
          next.rateLimited(RetryAfter.parse(fault.retryAfter(), clock));
        } else {
          next.status(fault.status(), fault.message());
        }
        break;
      case CONNECTION_REFUSED:
        next.connectionRefused();
        break;
      case CONNECTION_RESET:
        next.connectionReset();
        break;
      case SLOW_ANSWER:
        next.timeout();
        break;
      default:
        throw new IllegalArgumentException("the fake has no bytes to garble: " + fault);
    }
  }

  @Override
  protected List<Received> received(ImagesOperation operation) {
    return fake.calls(operation).stream().map(c -> new Received(c.requestId(), c.traceId(), c.at())).toList();
  }

  /** The fake records each call before its faults apply, a refused one included. */
  @Override
  protected boolean countsRefusedAttempts() {
    return true;
  }

  /** Row 3 is about bytes on the wire; the fake has none. Its nearest fault, a reset, is row 1. */
  @Override
  @TestFactory
  @Disabled("empty, malformed-chunk and random-byte answers exist only on the wire; the fake has no bytes to garble")
  protected Stream<DynamicTest> row3GarbledAnswersFailTheSameEverywhere() {
    return Stream.empty();
  }
}
