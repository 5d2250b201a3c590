package io.github.contabo4j.images.resilience;

import static io.github.contabo4j.images.resilience.ScriptedPort.status;
import static io.github.contabo4j.images.resilience.ScriptedPort.transport;
import static io.github.contabo4j.images.resilience.ScriptedPort.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.CapturedLogs;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.OutcomeUnknownException;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.internal.transport.TransportBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** Every event kind the decorator reports, on virtual time; and a throwing listener breaks nothing. */
class ListenerTest {
  private static final String ID = "0b4a4bb5-0bb1-4b4b-9a0e-c4a1b2c3d4e5";
  private static final CreateCustomImage REQUEST =
      CreateCustomImage.of("img", "https://example.com/a.qcow2", OsType.LINUX, "1");
  private static final ImagesOperation GET = ImagesOperation.RETRIEVE_IMAGE;

  private final VirtualTime time = new VirtualTime();
  private final ScriptedPort port = new ScriptedPort(time);
  private final Recording heard = new Recording();

  /** Records every event as text, and the objects passed, for identity checks. */
  static final class Recording implements ImagesListener {
    final List<String> events = new ArrayList<>();
    final List<Object> objects = new ArrayList<>();

    @Override
    public void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {
      events.add("retry " + operation + " #" + failedAttempt + " " + failure.getClass().getSimpleName() + " " + wait);
      objects.add(failure);
    }

    @Override
    public void onRateLimitWait(ImagesOperation operation, Duration wait) {
      events.add("rateLimitWait " + operation + " " + wait);
    }

    @Override
    public void onThrottled(ImagesOperation operation, Duration wait) {
      events.add("throttled " + operation + " " + wait);
    }

    @Override
    public void onReconciled(CreatedImage image, String requestId) {
      events.add("reconciled " + image.imageId() + " " + requestId);
    }

    @Override
    public void onOutcomeUnknown(OutcomeUnknownException failure) {
      events.add("outcomeUnknown");
      objects.add(failure);
    }

    @Override
    public void onCompleted(
        ImagesOperation operation, Duration latency, @Nullable String requestId, @Nullable RuntimeException failure) {
      events.add("completed " + operation + " " + latency + " " + requestId + " "
          + (failure == null ? "ok" : failure.getClass().getSimpleName()));
      if (failure != null) {
        objects.add(failure);
      }
    }
  }

  private ResilientImagesPort resilient(ResiliencePolicy policy, ImagesListener listener) {
    return ResilientImagesPort.builder().delegate(port).policy(policy).sleeper(time.sleeper()).clock(time)
        .random(new Random(5)).listener(listener).build();
  }

  private ResilientImagesPort resilient(ResiliencePolicy policy) {
    return resilient(policy, heard);
  }

  private static ResiliencePolicy.Builder unlimited() {
    return ResiliencePolicy.builder().noRateLimit();
  }

  private String id(int attempt) {
    return port.attempts().get(attempt).requestId();
  }

  @Test
  void aRetryAndTheSuccessfulAttemptsRequestIdAreReported() {
    port.then(status(503));

    resilient(unlimited().build()).retrieveImage("img-1");

    Duration backoff = time.waits().get(0);
    assertThat(heard.events).containsExactly(
        "retry retrieveImage #1 ServerErrorException " + backoff,
        "completed retrieveImage " + backoff + " " + id(1) + " ok");
  }

  @Test
  void aFailedCallIsReportedOnceWithItsFailureAndLastRequestId() {
    port.then(status(503), status(503), status(404));

    ImageNotFoundException e = catchThrowableOfType(ImageNotFoundException.class,
        () -> resilient(unlimited().build()).retrieveImage("img-1"));

    assertThat(heard.events).hasSize(3).filteredOn(s -> s.startsWith("retry")).hasSize(2);
    assertThat(heard.events.get(1)).startsWith("retry retrieveImage #2 ServerErrorException");
    assertThat(heard.events.get(2)).isEqualTo("completed retrieveImage " + time.elapsed() + " " + id(2)
        + " ImageNotFoundException");
    assertThat(heard.objects).last().isSameAs(e);
  }

  @Test
  void aWaitForARateLimitPermitIsReported() {
    ResilientImagesPort resilient = resilient(ResiliencePolicy.builder().rateLimit(1, Duration.ofSeconds(1)).build());

    resilient.retrieveImage("img-1");
    resilient.retrieveImage("img-1");

    assertThat(heard.events).containsExactly(
        "completed retrieveImage PT0S " + id(0) + " ok",
        "rateLimitWait retrieveImage PT1S",
        "completed retrieveImage PT1S " + id(1) + " ok");
  }

  @Test
  void a429HoldOffIsReportedAtTheSharedGate() {
    port.then(status(429, Duration.ofSeconds(2)));

    resilient(ResiliencePolicy.builder().rateLimit(100, Duration.ofSeconds(1)).build()).retrieveImage("img-1");

    assertThat(heard.events).containsExactly(
        "retry retrieveImage #1 RateLimitedException PT2S",
        "throttled retrieveImage PT2S",
        "completed retrieveImage PT2S " + id(1) + " ok");
  }

  @Test
  void a429HoldOffIsReportedWithoutARateLimitToo() {
    port.then(status(429)); // no Retry-After: the throttle backoff, jittered in [0, 1 s]

    resilient(unlimited().build()).retrieveImage("img-1");

    Duration wait = time.waits().get(0);
    assertThat(wait).isPositive();
    assertThat(heard.events).containsExactly(
        "retry retrieveImage #1 RateLimitedException " + wait,
        "throttled retrieveImage " + wait,
        "completed retrieveImage " + wait + " " + id(1) + " ok");
  }

  @Test
  void aReconciledCreateIsReportedWithTheRequestIdTheAuditLogNames() {
    port.then(transport(Failure.TIMEOUT, Delivery.MAYBE_PROCESSED))
        .auditPages(SafeCreateTest.page(SafeCreateTest.entry(AuditAction.CREATED, ID, "img-9")));

    CreatedImage created = resilient(unlimited().build()).createCustomImage(REQUEST, CallContext.create().withRequestId(ID));

    assertThat(created.reconciled()).isTrue();
    assertThat(heard.events).containsExactly("reconciled img-9 " + ID, "completed createCustomImage PT0S " + ID + " ok");
  }

  @Test
  void anUnsettledCreateIsReportedAsOutcomeUnknownAndAsTheCallsFailure() {
    port.then(status(503));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class,
        () -> resilient(unlimited().reconcileAttempts(2).build()).createCustomImage(REQUEST, CallContext.create()));

    assertThat(heard.events).containsExactly("outcomeUnknown",
        "completed createCustomImage PT1S " + id(0) + " OutcomeUnknownException");
    assertThat(heard.objects).containsExactly(e, e);
  }

  @Test
  void aThrowingListenerNeverBreaksACall() {
    List<String> thrown = new ArrayList<>();
    ImagesListener throwing = new ImagesListener() {
      private RuntimeException bug(String event) {
        thrown.add(event);
        return new IllegalStateException("listener bug");
      }

      @Override
      public void onRetry(ImagesOperation operation, int failedAttempt, ImagesException failure, Duration wait) {
        throw bug("onRetry");
      }

      @Override
      public void onThrottled(ImagesOperation operation, Duration wait) {
        throw bug("onThrottled");
      }

      @Override
      public void onReconciled(CreatedImage image, String requestId) {
        throw bug("onReconciled");
      }

      @Override
      public void onOutcomeUnknown(OutcomeUnknownException failure) {
        throw bug("onOutcomeUnknown");
      }

      @Override
      public void onCompleted(ImagesOperation op, Duration latency, @Nullable String requestId,
          @Nullable RuntimeException failure) {
        throw bug("onCompleted");
      }
    };
    ResilientImagesPort resilient = resilient(unlimited().reconcileAttempts(1).build(), throwing);
    port.then(status(503), status(429), ScriptedPort.ok()) // get: retried twice, once after a 429
        .then(transport(Failure.TIMEOUT, Delivery.MAYBE_PROCESSED), ScriptedPort.ok()) // create, its lookup
        .auditPages(SafeCreateTest.page(SafeCreateTest.entry(AuditAction.CREATED, ID, "img-9")))
        .then(status(404), transport(Failure.TIMEOUT, Delivery.MAYBE_PROCESSED)); // delete; create, no entry

    CapturedLogs.start();
    try {
      assertThat(resilient.retrieveImage("img-1")).isEqualTo(ScriptedPort.IMAGE);
      assertThat(resilient.createCustomImage(REQUEST, CallContext.create().withRequestId(ID)).imageId())
          .isEqualTo("img-9");
      assertThatThrownBy(() -> resilient.deleteImage("img-1")).isInstanceOf(ImageNotFoundException.class);
      assertThatThrownBy(() -> resilient.createCustomImage(REQUEST)).isInstanceOf(OutcomeUnknownException.class);
    } finally {
      CapturedLogs.stop();
    }
    assertThat(thrown).containsOnly("onRetry", "onThrottled", "onReconciled", "onOutcomeUnknown", "onCompleted");
    List<String> debug = CapturedLogs.messages(ResilientImagesPort.class.getName(), Level.DEBUG);
    assertThat(debug).filteredOn(m -> m.endsWith("threw from onRetry; ignored")).hasSize(2);
    assertThat(debug).anySatisfy(m -> assertThat(m).startsWith("retrieveImage attempt 1 failed, retrying after"));
  }

  @Test
  void theNoOpListenerIsTheDefault() {
    assertThat(ImagesListener.none()).hasToString("ImagesListener.none()");
    ImagesListener.none().onCompleted(GET, Duration.ZERO, null, null); // does nothing, throws nothing
    port.then(status(503));
    assertThat(ResilientImagesPort.builder().delegate(port).sleeper(time.sleeper()).clock(time).build()
        .retrieveImage("img-1")).isEqualTo(ScriptedPort.IMAGE);
    assertThatThrownBy(() -> ResilientImagesPort.builder().listener(null)).hasMessage("listener == null");
  }

  /** A transport's builder in miniature: what JdkImagesClient and FeignImagesClient do in build(). */
  static final class TestTransport extends TransportBuilder<TestTransport, ImagesClient> {
    @Override
    protected String transportName() {
      return "test";
    }

    @Override
    public ImagesClient build() {
      throw new UnsupportedOperationException("tests read the settings, not a client");
    }

    ImagesPort decorate(ImagesPort raw) {
      TransportBuilder.Settings settings = resolve();
      // Reads the token per attempt through the settings' source, as the wire does.
      ImagesPort reading = (ImagesPort) java.lang.reflect.Proxy.newProxyInstance(ImagesPort.class.getClassLoader(),
          new Class<?>[] {ImagesPort.class}, (proxy, method, args) -> {
            settings.tokenSource().accessToken();
            try {
              return method.invoke(raw, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
      return settings.decorate(reading);
    }

    java.util.List<io.github.contabo4j.images.ImagesInterceptor> interceptors() {
      return resolve().interceptors();
    }

    ImagesListener listenerInEffect() {
      return resolve().listener();
    }
  }

  /** A source that hands out t1 until t1 is invalidated, then t2. */
  static final class RotatingTokens implements TokenSource {
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

  @Test
  void aTransportBuilderPassesTheListenerOnAndAwaitsThroughThe401Replay() {
    RotatingTokens tokens = new RotatingTokens();
    ImagesPort client = new TestTransport().tokenSource(tokens).clock(time).sleeper(time.sleeper())
        .resilience(unlimited().build()).listener(heard).decorate(port);
    Image downloading = withStatus("downloading", "");
    port.images(downloading, withStatus("downloaded", "")).then(ScriptedPort.ok(), status(401));

    Image image = client.awaitDownloaded("img-1", Duration.ofMinutes(1));

    assertThat(image.isDownloaded()).isTrue();
    assertThat(tokens.accessToken()).isEqualTo("t2");
    assertThat(time.waits()).containsExactly(Duration.ofMillis(200)); // the decorator's schedule, virtual time
    assertThat(heard.events).containsExactly(
        "completed retrieveImage PT0S " + id(0) + " ok",
        "completed retrieveImage PT0S " + id(1) + " AuthenticationException",
        "completed retrieveImage PT0S " + id(2) + " ok");
  }

  @Test
  void theTransportBuilderRejectsANullListener() {
    assertThatThrownBy(() -> new TestTransport().listener(null)).hasMessage("listener == null");
    assertThat(new TestTransport().toString()).contains("listeners=0");
  }

  @Test
  void rateLimitWaitsOfReconciliationLookupsAreReportedUnderTheAuditOperation() {
    port.then(status(503));
    ResiliencePolicy policy = ResiliencePolicy.builder().rateLimit(1, Duration.ofSeconds(1)).reconcileAttempts(1).build();

    assertThatThrownBy(() -> resilient(policy).createCustomImage(REQUEST)).isInstanceOf(OutcomeUnknownException.class);

    assertThat(heard.events).containsExactly(
        "rateLimitWait retrieveImageAuditsList PT1S",
        "outcomeUnknown",
        "completed createCustomImage PT1S " + id(0) + " OutcomeUnknownException");
    assertThat(heard.objects.get(0)).isInstanceOf(OutcomeUnknownException.class);
  }
}
