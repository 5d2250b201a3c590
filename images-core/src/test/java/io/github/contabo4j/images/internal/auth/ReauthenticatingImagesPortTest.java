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
  private static final ImageStats STATS = new ImageStats(null, null, 1, 100, 10, 90);

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

    StubPort(TokenSource tokens) {
      port = (ImagesPort) Proxy.newProxyInstance(ImagesPort.class.getClassLoader(), new Class<?>[] {ImagesPort.class},
          (proxy, method, args) -> {
            tokensSeen.add(tokens.accessToken()); // as a transport reads it per attempt
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

    ImageStats stats = ReauthenticatingImagesPort.wrap(stub.port, tokens).retrieveCustomImagesStats(CallContext.create());

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
        () -> ReauthenticatingImagesPort.wrap(stub.port, tokens).retrieveCustomImagesStats(CallContext.create()));

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
        () -> ReauthenticatingImagesPort.wrap(stub.port, fixed).retrieveCustomImagesStats(CallContext.create()));

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
        () -> ReauthenticatingImagesPort.wrap(stub.port, tokens).retrieveCustomImagesStats(CallContext.create()));

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
    ImagesPort port = ReauthenticatingImagesPort.wrap(stub.port, tokens);
    @Nullable Object[] args = new Object[operation.getParameterCount()];
    args[args.length - 1] = CallContext.create(); // the other arguments pass through untouched

    try {
      operation.invoke(port, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(operation.getName() + " was not replayed", e.getCause());
    }

    assertThat(stub.tokensSeen).as(operation.getName()).containsExactly("t1", "t2");
  }

  @Test
  void theOperationsAreTheSevenOfThePort() {
    assertThat(operations().map(Method::getName))
        .containsExactlyInAnyOrder("createCustomImage", "retrieveImageList", "retrieveImage", "updateImage",
            "deleteImage", "retrieveCustomImagesStats", "retrieveImageAuditsList");
    assertThat(operations()).allMatch(m -> m.getParameterTypes()[m.getParameterCount() - 1] == CallContext.class);
  }
}
