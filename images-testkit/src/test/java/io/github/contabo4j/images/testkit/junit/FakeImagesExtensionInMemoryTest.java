package io.github.contabo4j.images.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An in-memory extension in a static field: a fresh fake per test, with its own clock. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeImagesExtensionInMemoryTest {
  private static final Instant T0 = Instant.parse("2024-06-03T08:00:00Z");

  @RegisterExtension
  static FakeImagesExtension images =
      FakeImagesExtension.inMemory(() -> FakeImages.builder().clock(MutableClock.at(T0)).build());

  private static FakeImages firstTestsFake;
  private FakeImages beforeEachFake;

  @BeforeEach
  void seesTheSameFakeAsTheTest(FakeImages fake) {
    beforeEachFake = fake;
  }

  @Test
  @Order(1)
  void aTestChangesItsFake(FakeImages fake) {
    assertThat(fake).isSameAs(images.fake()).isSameAs(beforeEachFake);
    fake.seedCustomImage("left-behind");
    fake.faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST).serverError(503);
    ((MutableClock) fake.clock()).advance(Duration.ofHours(1));
    firstTestsFake = fake;
  }

  @Test
  @Order(2)
  void theNextTestGetsAFreshOne() {
    FakeImages fake = images.fake();
    assertThat(fake).isNotSameAs(firstTestsFake).isSameAs(beforeEachFake);
    assertThat(fake.images()).noneMatch(image -> "left-behind".equals(image.name()));
    assertThat(fake.faults().pending(ImagesOperation.RETRIEVE_IMAGE_LIST)).isZero();
    assertThat(fake.clock().instant()).isEqualTo(T0);
    assertThat(fake.images()).as("the standard catalogue is seeded").isNotEmpty();
  }

  @Test
  @Order(3)
  void hasNoHttpFace() {
    assertThatThrownBy(images::baseUri).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inMemory() starts no HTTP face").hasMessageContaining("baseUri()")
        .hasMessageContaining("withHttpFace()");
    assertThatThrownBy(images::token).isInstanceOf(IllegalStateException.class).hasMessageContaining("token()");
    assertThatThrownBy(images::server).isInstanceOf(IllegalStateException.class).hasMessageContaining("server()");
  }

  @AfterAll
  static void noFakeOutsideTests() {
    assertThatThrownBy(images::fake).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no test is running");
  }
}
