package io.github.contabo4j.images.tck.resilience;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.internal.wire.RetryAfter;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.resilience.ResilientImagesPort;
import io.github.contabo4j.images.testkit.FakeFaults;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The fault matrix on the fake, wrapped in the resilience decorator, with the fake's own faults. */
class FakeFaultMatrixTest extends FaultMatrixContract {
  private FakeImages fake = FakeImages.create();
  private Clock clock = Clock.systemUTC();
  private Duration attemptTimeout = ResiliencePolicy.defaults().attemptTimeout();
  private CountDownLatch held = new CountDownLatch(1);
  private final AtomicInteger lagging = new AtomicInteger();

  /**
   * The fake's simulated latency is a real, interruptible {@link Thread#sleep} (only the rows that
   * interrupt a held-back answer script any), which signals when it begins.
   */
  @Override
  protected void begin(MutableClock clock, Image image) {
    this.clock = clock;
    CountDownLatch rowHeld = new CountDownLatch(1);
    held = rowHeld;
    lagging.set(0);
    Sleeper real = Sleeper.system();
    fake = FakeImages.builder().clock(clock).seedStandardImages(false).sleeper(duration -> {
      rowHeld.countDown();
      real.sleep(duration);
    }).build();
    fake.seed(image);
  }

  @Override
  protected ImagesPort newPort(ResiliencePolicy policy, Sleeper sleeper, Clock clock) {
    attemptTimeout = policy.attemptTimeout();
    return ResilientImagesPort.builder().delegate(new LaggingAuditLog()).policy(policy).sleeper(sleeper).clock(clock)
        .build();
  }

  /**
   * A 429's raw {@code Retry-After} is parsed the way a transport parses it (core's one parser,
   * against the row's clock), since the fake takes the delay, not the header. The fake applies no
   * attempt timeout itself (the transports do), so a slow answer past the row's attempt timeout is
   * the fake's {@code timeout()}, the failure the transport would report, and one within it is the
   * fake's {@code delay()}. A reset after applying is the fake's {@code answerLost()}.
   */
  @Override
  protected void script(ImagesOperation operation, int attempts, MatrixFault fault) {
    FakeFaults.Next calls = fake.faults().nextCalls(operation, attempts);
    FakeFaults.Next next = fault.applied() ? calls.afterApplying() : calls;
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
        if (fault.applied()) {
          calls.answerLost();
        } else {
          calls.connectionReset();
        }
        break;
      case SLOW_ANSWER:
        if (fault.delay().compareTo(attemptTimeout) > 0) {
          next.timeout();
        } else {
          next.delay(fault.delay());
        }
        break;
      default:
        throw new IllegalArgumentException("the fake has no bytes to garble: " + fault);
    }
  }

  @Override
  protected List<Received> received(ImagesOperation operation) {
    return fake.calls(operation).stream().map(c -> new Received(c.requestId(), c.traceId(), c.at())).toList();
  }

  @Override
  protected void auditLogLags(int lookups) {
    lagging.set(lookups);
  }

  /** The fake's own audit log: one {@code CREATED} entry per create it applied. */
  @Override
  protected List<String> imagesCreated() {
    return fake.audits().stream()
        .filter(a -> a.action() != null && a.action().is(AuditAction.CREATED))
        .map(AuditEntry::imageId)
        .toList();
  }

  @Override
  protected boolean awaitAnswerHeldBack(Duration timeout) throws InterruptedException {
    return held.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The fake records each call before its faults apply, a refused one included. */
  @Override
  protected boolean countsRefusedAttempts() {
    return true;
  }

  /** The fake simulates latency before it applies anything, so an interrupt there sent nothing. */
  @Override
  protected Delivery deliveryWhenInterruptedDuringAnAnswer() {
    return Delivery.NOT_SENT;
  }

  /** Row 3 is about bytes on the wire; the fake has none. Its nearest fault, a reset, is row 1. */
  @Override
  @TestFactory
  @Disabled("empty, malformed-chunk and random-byte answers exist only on the wire; the fake has no bytes to garble")
  protected Stream<DynamicTest> row3GarbledAnswersFailTheSameEverywhere() {
    return Stream.empty();
  }

  /** Row 12 cuts a body that trickles in over a socket; the fake answers whole or not at all. */
  @Override
  @TestFactory
  @Disabled("a dribbled body exists only on the wire; the fake answers whole objects and applies no attempt timeout")
  protected Stream<DynamicTest> row12ADribbledAnswerIsCutAtTheDeadline() {
    return Stream.empty();
  }

  /**
   * The fake, with an audit log that may lag: while {@link #auditLogLags} says so, an audit query
   * reaches the fake (and is recorded) but its answer lists no entry, as if the log had not caught
   * up yet.
   */
  private final class LaggingAuditLog implements ImagesPort {
    @Override
    public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
      return fake.createCustomImage(request, context);
    }

    @Override
    public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
      return fake.retrieveImageList(query, context);
    }

    @Override
    public Image retrieveImage(String imageId, CallContext context) {
      return fake.retrieveImage(imageId, context);
    }

    @Override
    public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
      return fake.updateImage(imageId, update, context);
    }

    @Override
    public void deleteImage(String imageId, CallContext context) {
      fake.deleteImage(imageId, context);
    }

    @Override
    public ImageStats retrieveCustomImagesStats(CallContext context) {
      return fake.retrieveCustomImagesStats(context);
    }

    @Override
    public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
      Page<AuditEntry> page = fake.retrieveImageAuditsList(query, context);
      if (lagging.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
        return page;
      }
      return new Page<>(List.of(), page.pagination(), page.links());
    }
  }
}
