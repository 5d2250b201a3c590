package io.github.contabo4j.images.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.AuthenticationException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.TokenSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One 401 invalidates the token used and replays once; a second 401 is the authentication error. */
class ReauthenticatingImagesPortTest {
  private static final ImageStats STATS = ImageStats.builder()
      .currentImagesCount(1)
      .totalSizeMb(100)
      .usedSizeMb(10)
      .freeSizeMb(90)
      .build();

  /** A token source that hands out t1, then t2 once t1 is invalidated, and so on. */
  static final class RotatingTokens implements TokenSource {
    final List<String> invalidated = new ArrayList<>();
    int generation = 1;

    @Override
    public synchronized String accessToken() {
      return "t" + generation;
    }

    @Override
    public synchronized void invalidate(String rejectedToken) {
      invalidated.add(rejectedToken);
      if (rejectedToken.equals(accessToken())) {
        generation++;
      }
    }
  }

  /** A port that records the token each call carried and fails with scripted exceptions first. */
  static final class StubPort {
    final List<String> tokensSeen = new ArrayList<>();
    final Deque<RuntimeException> failures = new ArrayDeque<>();
    final ImagesPort port;
    final SentTokens sent;

    StubPort(TokenSource tokens) {
      sent = new SentTokens(tokens);
      port = (ImagesPort) Proxy.newProxyInstance(ImagesPort.class.getClassLoader(), new Class<?>[] {ImagesPort.class},
          (proxy, method, args) -> {
            tokensSeen.add(sent.accessToken()); // as the wire reads it per attempt
            if (!failures.isEmpty()) {
              throw failures.pop();
            }
            return method.getReturnType() == ImageStats.class ? STATS : null;
          });
    }

    StubPort then(RuntimeException... thrown) {
      failures.addAll(Arrays.asList(thrown));
      return this;
    }
  }

  private static AuthenticationException unauthorized() {
    return new AuthenticationException(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, "Unauthorized", List.of(), null);
  }

  @Test
  void oneUnauthorizedInvalidatesTheTokenUsedAndReplaysOnce() {
    RotatingTokens tokens = new RotatingTokens();
    StubPort stub = new StubPort(tokens).then(unauthorized());

    ImageStats stats = ReauthenticatingImagesPort.wrap(stub.port, stub.sent).retrieveCustomImagesStats(CallContext.create());

    assertThat(stats).isSameAs(STATS);
    assertThat(tokens.invalidated).containsExactly("t1");
    assertThat(stub.tokensSeen).containsExactly("t1", "t2");
  }

  @Test
  void aSecondUnauthorizedIsThrownAfterExactlyTwoCalls() {
    RotatingTokens tokens = new RotatingTokens();
    AuthenticationException first = unauthorized();
    AuthenticationException second = unauthorized();
    StubPort stub = new StubPort(tokens).then(first, second, unauthorized());

    AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
        () -> ReauthenticatingImagesPort.wrap(stub.port, stub.sent).retrieveCustomImagesStats(CallContext.create()));

    assertThat(e).isSameAs(second);
    assertThat(e.getSuppressed()).containsExactly(first);
    assertThat(stub.tokensSeen).containsExactly("t1", "t2");
    assertThat(tokens.invalidated).containsExactly("t1");
  }

  @Test
  void aSourceWithNoOtherTokenIsNotReplayed() {
    TokenSource fixed = TokenSource.fixed("only-token");
    AuthenticationException first = unauthorized();
    StubPort stub = new StubPort(fixed).then(first);

    AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
        () -> ReauthenticatingImagesPort.wrap(stub.port, stub.sent).retrieveCustomImagesStats(CallContext.create()));

    assertThat(e).isSameAs(first);
    assertThat(stub.tokensSeen).hasSize(1);
  }

  @Test
  void otherFailuresAreNeitherInvalidatedNorReplayed() {
    RotatingTokens tokens = new RotatingTokens();
    PermissionDeniedException denied =
        new PermissionDeniedException(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, "Forbidden", List.of(), null);
    StubPort stub = new StubPort(tokens).then(denied);

    PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class,
        () -> ReauthenticatingImagesPort.wrap(stub.port, stub.sent).retrieveCustomImagesStats(CallContext.create()));

    assertThat(e).isSameAs(denied);
    assertThat(stub.tokensSeen).hasSize(1);
    assertThat(tokens.invalidated).isEmpty();
  }

  static Stream<Method> operations() {
    return Arrays.stream(ImagesPort.class.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers()));
  }

  @ParameterizedTest
  @MethodSource("operations")
  void everyOperationIsReplayed(Method operation) throws Exception {
    RotatingTokens tokens = new RotatingTokens();
    StubPort stub = new StubPort(tokens).then(unauthorized());
    ImagesPort port = ReauthenticatingImagesPort.wrap(stub.port, stub.sent);
    Object[] args = Arrays.stream(operation.getParameterTypes()).map(ReauthenticatingImagesPortTest::sample).toArray();

    try {
      operation.invoke(port, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(operation.getName() + " was not replayed", e.getCause());
    }

    assertThat(stub.tokensSeen).as(operation.getName()).containsExactly("t1", "t2");
  }

  /** A valid argument of each type the operations take (they pass through to the stub untouched). */
  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "image-1";
    } else if (type == CallContext.class) {
      return CallContext.create();
    } else if (type == io.github.contabo4j.images.CreateCustomImage.class) {
      return io.github.contabo4j.images.CreateCustomImage.of(
          "n", "https://example.com/a.qcow2", io.github.contabo4j.images.OsType.LINUX, "1");
    } else if (type == io.github.contabo4j.images.ImageUpdate.class) {
      return io.github.contabo4j.images.ImageUpdate.rename("n");
    } else if (type == io.github.contabo4j.images.ImageListQuery.class) {
      return io.github.contabo4j.images.ImageListQuery.builder().build();
    } else if (type == io.github.contabo4j.images.AuditQuery.class) {
      return io.github.contabo4j.images.AuditQuery.builder().build();
    }
    throw new AssertionError("no sample for " + type);
  }

  @Test
  void theOperationsAreTheSevenOfThePort() {
    assertThat(operations().map(Method::getName))
        .containsExactlyInAnyOrder("createCustomImage", "retrieveImageList", "retrieveImage", "updateImage",
            "deleteImage", "retrieveCustomImagesStats", "retrieveImageAuditsList");
    assertThat(operations()).allMatch(m -> m.getParameterTypes()[m.getParameterCount() - 1] == CallContext.class);
  }

  @Test
  void theTokenInvalidatedIsTheOneTheAttemptSentNotTheOneTheSourceHoldsByThen() {
    RotatingTokens tokens = new RotatingTokens();
    StubPort stub = new StubPort(tokens);
    ImagesPort renewedMeanwhile = (ImagesPort) Proxy.newProxyInstance(ImagesPort.class.getClassLoader(),
        new Class<?>[] {ImagesPort.class}, (proxy, method, args) -> {
          String sent = stub.sent.accessToken();
          stub.tokensSeen.add(sent);
          if (sent.equals("t1")) {
            tokens.invalidate("t1"); // another thread met a 401 first and renewed: the source now holds t2
            throw unauthorized();
          }
          return STATS;
        });

    ImageStats stats = ReauthenticatingImagesPort.wrap(renewedMeanwhile, stub.sent)
        .retrieveCustomImagesStats(CallContext.create());

    assertThat(stats).isSameAs(STATS);
    assertThat(tokens.invalidated).containsExactly("t1", "t1"); // never the fresh t2
    assertThat(stub.tokensSeen).containsExactly("t1", "t2");
    assertThat(tokens.accessToken()).isEqualTo("t2"); // no second renewal
  }

  /** A caching source like ContaboCredentials: compare-then-invalidate, one renewal per drop. */
  static final class CountingCache implements TokenSource {
    final java.util.concurrent.atomic.AtomicInteger renewals = new java.util.concurrent.atomic.AtomicInteger();
    private @Nullable String current = "stale";

    @Override
    public synchronized String accessToken() {
      if (current == null) {
        current = "fresh-" + renewals.incrementAndGet();
      }
      return current;
    }

    @Override
    public synchronized void invalidate(String rejectedToken) {
      if (rejectedToken.equals(current)) {
        current = null;
      }
    }
  }

  @Test
  void twentyConcurrent401sWithTheSameStaleTokenCauseOneRenewal() throws Exception {
    int callers = 20;
    CountingCache cache = new CountingCache();
    SentTokens sent = new SentTokens(cache);
    java.util.concurrent.CountDownLatch allSentStale = new java.util.concurrent.CountDownLatch(callers);
    ImagesPort api = (ImagesPort) Proxy.newProxyInstance(ImagesPort.class.getClassLoader(),
        new Class<?>[] {ImagesPort.class}, (proxy, method, args) -> {
          String token = sent.accessToken();
          if (token.equals("stale")) {
            allSentStale.countDown();
            allSentStale.await(); // every caller has sent the stale token before any 401 is handled
            throw unauthorized();
          }
          return STATS;
        });
    ImagesPort port = ReauthenticatingImagesPort.wrap(api, sent);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
    try {
      List<java.util.concurrent.Future<ImageStats>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> port.retrieveCustomImagesStats(CallContext.create())));
      }
      for (java.util.concurrent.Future<ImageStats> result : results) {
        assertThat(result.get(20, java.util.concurrent.TimeUnit.SECONDS)).isSameAs(STATS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(cache.renewals).hasValue(1);
  }

  @Test
  void aSourceThatCannotRenewEndsTheCallAsNotSentWithTheCallsIdsAndTheCause() {
    IllegalStateException endpointDown = new IllegalStateException("token endpoint unreachable");
    TokenSource failsAfterInvalidate = new TokenSource() {
      volatile boolean invalidated;

      @Override
      public String accessToken() {
        if (invalidated) {
          throw endpointDown;
        }
        return "t1";
      }

      @Override
      public void invalidate(String rejectedToken) {
        invalidated = true;
      }
    };
    AuthenticationException first = new AuthenticationException(
        ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, "Unauthorized", List.of("req-1"), "trace-1");
    StubPort stub = new StubPort(failsAfterInvalidate).then(first);

    io.github.contabo4j.images.ImagesTransportException e = catchThrowableOfType(
        io.github.contabo4j.images.ImagesTransportException.class,
        () -> ReauthenticatingImagesPort.wrap(stub.port, stub.sent).retrieveCustomImagesStats(CallContext.create()));

    assertThat(e.failure()).isEqualTo(io.github.contabo4j.images.ImagesTransportException.Failure.TOKEN_UNAVAILABLE);
    assertThat(e.delivery()).isEqualTo(io.github.contabo4j.images.Delivery.NOT_SENT);
    assertThat(e.getCause()).isSameAs(endpointDown);
    assertThat(e.requestIds()).containsExactly("req-1");
    assertThat(e.getSuppressed()).containsExactly(first);
  }
}
