package io.github.contabo4j.images.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Misuse that the engine would only report as a failing test, driven through hand-made contexts so
 * that each error message is asserted.
 */
class FakeImagesExtensionMisuseTest {

  /** Stand-ins for a user's test class: a constructor and a method taking the testkit's types. */
  static final class UserTest {
    UserTest(FakeImages fake) {}

    void test(FakeImages fake, FakeImagesServer server, String other) {}
  }

  private static final Method TEST = testMethod();

  @Test
  void accessorsOutsideATestSayWhen() {
    FakeImagesExtension images = FakeImagesExtension.withHttpFace();

    assertThatThrownBy(images::fake).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fake() was called while no test is running").hasMessageContaining("@BeforeAll");
    assertThatThrownBy(images::baseUri).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUri() was called while no test is running");
  }

  @Test
  void anInMemoryExtensionTakesNoFaceOptions() {
    assertThatThrownBy(() -> FakeImagesExtension.inMemory().faceOptions(face -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("faceOptions()")
        .hasMessageContaining("withHttpFace()");
  }

  @Test
  void anInMemoryExtensionRefusesAServerParameter() {
    FakeImagesExtension images = FakeImagesExtension.inMemory();
    ExtensionContext test = StubContexts.test(TEST);
    ParameterContext server = StubContexts.parameter(TEST, 1);

    assertThat(images.supportsParameter(server, test)).as("claimed, so the error is ours, not 'no resolver'").isTrue();
    assertThatThrownBy(() -> images.resolveParameter(server, test))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("cannot give a FakeImagesServer parameter").hasMessageContaining("withHttpFace()");
  }

  @Test
  void onlyItsOwnTypesAreResolved() {
    FakeImagesExtension images = new FakeImagesExtension();

    assertThat(images.supportsParameter(StubContexts.parameter(TEST, 2), StubContexts.test(TEST))).isFalse();
  }

  @Test
  void constructorAndBeforeAllParametersAreRefused() throws Exception {
    FakeImagesExtension images = FakeImagesExtension.inMemory();
    ParameterContext constructorParameter =
        StubContexts.parameter(UserTest.class.getDeclaredConstructor(FakeImages.class), 0);

    assertThatThrownBy(() -> images.resolveParameter(constructorParameter, StubContexts.classLevel()))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("FakeImages parameter")
        .hasMessageContaining("injected into @Test, @BeforeEach and @AfterEach methods only");
  }

  @Test
  void aSupplierHandingOutTheSameFakeTwiceIsCaught() {
    FakeImages shared = FakeImages.create();
    FakeImagesExtension images = FakeImagesExtension.inMemory(() -> shared);
    ExtensionContext first = StubContexts.test(TEST);
    images.beforeEach(first);
    images.afterEach(first);

    assertThatThrownBy(() -> images.beforeEach(StubContexts.test(TEST)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned the same fake");
  }

  @Test
  void accessorsRefuseToGuessWhileTestsRunInParallel() {
    FakeImagesExtension images = FakeImagesExtension.inMemory();
    ExtensionContext one = StubContexts.test(TEST);
    ExtensionContext two = StubContexts.test(TEST);
    images.beforeEach(one);
    images.beforeEach(two);

    assertThatThrownBy(images::fake).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 tests run at once").hasMessageContaining("as a parameter instead");
    Object twosFake = images.resolveParameter(StubContexts.parameter(TEST, 0), two);
    assertThat(twosFake).as("parameters still know their test")
        .isNotSameAs(images.resolveParameter(StubContexts.parameter(TEST, 0), one));

    images.afterEach(one);
    assertThat(images.fake()).isSameAs(twosFake);
    images.afterEach(two);
  }

  @Test
  void afterEachClosesTheFaceAndIsHarmlessTwice() {
    FakeImagesExtension images = FakeImagesExtension.withHttpFace();
    ExtensionContext test = StubContexts.test(TEST);
    images.beforeEach(test);
    FakeImagesServer server = images.server();

    images.afterEach(test);
    images.afterEach(test);

    assertThatThrownBy(server::baseUri).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(images.toString()).contains("with HTTP face").contains("running tests=0");
  }

  @Test
  void nullArgumentsAreNamed() {
    assertThatThrownBy(() -> FakeImagesExtension.inMemory((FakeImages.Builder) null))
        .isInstanceOf(NullPointerException.class).hasMessage("fake == null");
    assertThatThrownBy(() -> FakeImagesExtension.withHttpFace().faceOptions(null))
        .isInstanceOf(NullPointerException.class).hasMessage("options == null");
  }

  private static Method testMethod() {
    try {
      return UserTest.class.getDeclaredMethod("test", FakeImages.class, FakeImagesServer.class, String.class);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
