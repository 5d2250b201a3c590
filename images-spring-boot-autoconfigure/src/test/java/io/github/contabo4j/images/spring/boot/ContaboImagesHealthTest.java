package io.github.contabo4j.images.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.auth.CredentialsRejectedException;
import io.github.contabo4j.images.spring.boot.test.ContaboImagesFake;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;

class ContaboImagesHealthTest {
  private static final String ENABLED = "management.health.contabo-images.enabled=true";

  @TempDir Path home;

  @Test
  void offByDefault() {
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true")
        .run(context -> assertThat(context).doesNotHaveBean(HealthIndicator.class));
  }

  @Test
  void onWhenEnabledAndSpendsNoCallPerProbe() {
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true", ENABLED).run(context -> {
      HealthIndicator health = context.getBean("contaboImagesHealthIndicator", HealthIndicator.class);
      ContaboImagesFake fake = context.getBean(ContaboImagesFake.class);
      Health first = health.health(true);
      assertThat(first.getStatus()).isEqualTo(Status.UNKNOWN);
      health.health(true);
      assertThat(fake.server().requestCount()).isZero();
      assertThat(fake.server().tokenRequestCount()).isZero();

      context.getBean(ImagesPort.class).retrieveImageList(ImageListQuery.builder().build());
      Health up = health.health(true);
      assertThat(up.getStatus()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).containsKeys("token", "lastCall");
      assertThat(up.getDetails().get("token")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("state", "fetched");
      assertThat(up.getDetails().get("lastCall")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("operation", "RETRIEVE_IMAGE_LIST")
          .containsEntry("outcome", "success").containsKey("requestId");
      health.health(true);
      assertThat(fake.server().requestCount()).isEqualTo(1);
      assertThat(fake.server().tokenRequestCount()).isEqualTo(1);
    });
  }

  @Test
  void aClientErrorLeavesItUpAServerErrorTurnsItDown() {
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true", ENABLED,
        "contabo.images.resilience.max-attempts=1").run(context -> {
      HealthIndicator health = context.getBean("contaboImagesHealthIndicator", HealthIndicator.class);
      ImagesPort images = context.getBean(ImagesPort.class);
      assertThatThrownBy(() -> images.retrieveImage("no-such-image")).isInstanceOf(ImageNotFoundException.class);
      Health notFound = health.health(true);
      assertThat(notFound.getStatus()).isEqualTo(Status.UP);
      assertThat(notFound.getDetails().get("lastCall")).asInstanceOf(InstanceOfAssertFactories.MAP)
          .containsEntry("outcome", "ImageNotFoundException").containsEntry("statusCode", 404);

      context.getBean(ContaboImagesFake.class).images().faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST)
          .serverError(503);
      assertThatThrownBy(() -> images.retrieveImageList(ImageListQuery.builder().build()))
          .isInstanceOf(ServerErrorException.class);
      Health down = health.health(true);
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails().get("lastCall")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("statusCode", 503);
    });
  }

  @Test
  void aFailedTokenFetchTurnsItDown() {
    Contexts.runner(home).withPropertyValues(ENABLED, "contabo.images.credentials.required=false").run(context -> {
      HealthIndicator health = context.getBean("contaboImagesHealthIndicator", HealthIndicator.class);
      assertThatThrownBy(() -> context.getBean(ImagesPort.class).retrieveImage("abc"))
          .isInstanceOf(ImagesTransportException.class).hasCauseInstanceOf(IllegalStateException.class)
          .extracting(e -> ((ImagesTransportException) e).failure()).isEqualTo(ImagesTransportException.Failure.TOKEN_UNAVAILABLE);
      Health down = health.health(true);
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails().get("token")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("state", "failed")
          .containsEntry("failure", "IllegalStateException");
    });
  }

  @Test
  void rejectedCredentialsTurnItDown() {
    try (FakeImagesServer server = FakeImagesServer.builder(FakeImages.create())
        .client("health-client", "health-client-secret-1").user("ops@example.com", "health-password-1").start()) {
      Contexts.runner(home).withPropertyValues(ENABLED, "contabo.images.base-url=" + server.baseUri(),
          "contabo.images.token-url=" + server.tokenEndpoint(), "contabo.images.credentials.client-id=health-client",
          "contabo.images.credentials.client-secret=health-client-secret-1",
          "contabo.images.credentials.username=ops@example.com",
          "contabo.images.credentials.password=not-the-password").run(context -> {
        HealthIndicator health = context.getBean("contaboImagesHealthIndicator", HealthIndicator.class);
        assertThatThrownBy(() -> context.getBean(ImagesPort.class).retrieveImage("abc"))
            .isInstanceOf(ImagesTransportException.class).hasCauseInstanceOf(CredentialsRejectedException.class);
        Health down = health.health(true);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("token")).asInstanceOf(InstanceOfAssertFactories.MAP)
            .containsEntry("state", "failed").containsEntry("failure", "CredentialsRejectedException");
        assertThat(server.requestCount()).isZero(); // no API call was made without a token
      });
    }
  }

  @Test
  void absentWithoutSpringBootsHealthModule() {
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true", ENABLED)
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("contaboImagesHealthIndicator"));
  }

  @Test
  void absentWhenTheApplicationBringsItsOwnPort() {
    Contexts.runner(home).withPropertyValues(ENABLED)
        .withBean(ImagesPort.class, FakeImages::create)
        .run(context -> assertThat(context).doesNotHaveBean("contaboImagesHealthIndicator"));
  }
}
