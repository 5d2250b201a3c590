package io.github.contabo4j.images.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @ExtendWith}: parameters only, a default fake per test, a face only for tests that ask. */
@ExtendWith(FakeImagesExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeImagesExtensionParametersTest {
  private static FakeImages firstFake;
  private static FakeImagesServer firstServer;
  private FakeImages beforeEachFake;

  @BeforeEach
  void setUp(FakeImages fake) {
    beforeEachFake = fake;
  }

  @Test
  @Order(1)
  void aFakeAndAFaceServingIt(FakeImages fake, FakeImagesServer server) {
    assertThat(fake).isSameAs(beforeEachFake);
    assertThat(fake.images()).as("default fake: the standard catalogue").isNotEmpty();
    assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.token()).isNotBlank();
    firstFake = fake;
    firstServer = server;
  }

  @Test
  @Order(2)
  void aFreshFakeAndTheFaceOfTheLastTestIsClosed(FakeImages fake) {
    assertThat(fake).isNotSameAs(firstFake).isSameAs(beforeEachFake);
    assertThatThrownBy(firstServer::port).isInstanceOf(IllegalStateException.class);
  }
}
