package io.github.contabo4j.images.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.auth.CredentialsRejectedException;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.tck.SecretLeakScanner;
import io.github.contabo4j.images.tck.logging.CapturingLogs;
import io.github.contabo4j.images.tck.logging.TestSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Runs last: real secrets (the testkit's well-known ones) go through the properties, the token
 * endpoint, a rejection and the health details, then nothing the JVM logged at TRACE, no exception
 * and no {@code toString()} may hold one.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpringSecretLeakTest {
  private static final List<String> SECRETS = secrets();

  @TempDir Path home;

  private static List<String> secrets() {
    List<String> all = new ArrayList<>(TestSecrets.all());
    all.add("spring-test-client-secret-4711");
    all.add("spring-test-password-0815");
    all.add("fake-client-secret");
    all.add("fake-password");
    all.add("health-client-secret-1");
    all.add("health-password-1");
    all.add("not-the-password");
    return all;
  }

  @Test
  @Order(1)
  void secretsFlowingThroughTheStarterLeakNowhere() {
    List<String> texts = new ArrayList<>();
    try (FakeImagesServer server = FakeImagesServer.builder(FakeImages.create())
        .client(TestSecrets.CLIENT_ID, TestSecrets.CLIENT_SECRET).user(TestSecrets.USERNAME, TestSecrets.PASSWORD)
        .start()) {
      String[] settings = {"contabo.images.base-url=" + server.baseUri(),
          "contabo.images.token-url=" + server.tokenEndpoint(), "management.health.contabo-images.enabled=true",
          "contabo.images.credentials.client-id=" + TestSecrets.CLIENT_ID,
          "contabo.images.credentials.username=" + TestSecrets.USERNAME};
      for (String transport : List.of("jdk", "feign")) {
        Contexts.runner(home).withPropertyValues(settings).withPropertyValues("contabo.images.transport=" + transport,
            "contabo.images.credentials.client-secret=" + TestSecrets.CLIENT_SECRET,
            "contabo.images.credentials.password=" + TestSecrets.PASSWORD).run(context -> {
          ImagesPort images = context.getBean(ImagesPort.class);
          images.retrieveImageList(ImageListQuery.builder().build());
          texts.add(context.getBean(ContaboImagesProperties.class).toString());
          texts.add(images.toString());
          texts.add(context.getBean(ImagesConnection.class).tokens().toString());
          texts.add(context.getBean(HealthIndicator.class).health(true).toString());
        });
        Contexts.runner(home).withPropertyValues(settings).withPropertyValues("contabo.images.transport=" + transport,
            "contabo.images.credentials.client-secret=" + TestSecrets.CLIENT_SECRET,
            "contabo.images.credentials.password=" + TestSecrets.PASSWORD + "-wrong").run(context -> {
          ImagesPort images = context.getBean(ImagesPort.class);
          Throwable rejected = org.assertj.core.api.Assertions.catchThrowable(
              () -> images.retrieveImageList(ImageListQuery.builder().build()));
          assertThat(rejected).isInstanceOf(ImagesTransportException.class)
              .hasCauseInstanceOf(CredentialsRejectedException.class);
          SecretLeakScanner.assertNoLeak(SECRETS, rejected);
          texts.add(context.getBean(HealthIndicator.class).health(true).toString());
        });
      }
      Contexts.runner(home).withPropertyValues("contabo.images.credentials.client-secret=" + TestSecrets.CLIENT_SECRET,
          "contabo.images.credentials.password=" + TestSecrets.PASSWORD).run(context -> {
        assertThat(context).hasFailed();
        SecretLeakScanner.assertNoLeak(SECRETS, context.getStartupFailure());
      });
    }
    SecretLeakScanner.assertNoLeak(SECRETS, texts.toArray(CharSequence[]::new));
  }

  @Test
  @Order(2)
  void nothingLoggedInTheWholeRunHoldsASecret() {
    assertThat(CapturingLogs.installed()).isTrue();
    assertThat(CapturingLogs.assertNoLeak(SECRETS)).isPositive();
  }
}
