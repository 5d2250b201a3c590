package io.github.contabo4j.images.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.spring.boot.test.ContaboImagesFake;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.tck.logging.CapturingLogs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;
import org.springframework.boot.test.context.FilteredClassLoader;

class ContaboImagesFakeTest {
  private static final String FAKE_LOGGER = ContaboImagesFakeAutoConfiguration.class.getName();

  @TempDir Path home;

  @Test
  void theFakePropertyPointsTheClientAtTheTestkitsFakeWithNoCredentialsNeeded() {
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(ContaboImagesFake.class);
      ContaboImagesFake fake = context.getBean(ContaboImagesFake.class);
      ImagesClient client = context.getBean(ImagesClient.class);
      assertThat(client.baseUri()).isEqualTo(fake.baseUri());
      assertThat(fake.baseUri().getHost()).isEqualTo("127.0.0.1");

      CreatedImage created = client.createCustomImage(CreateCustomImage.of("golden",
          "https://example.com/golden.qcow2", OsType.LINUX, "24.04"));
      assertThat(fake.images().image(created.imageId())).isPresent();
      assertThat(client.retrieveImageList(ImageListQuery.builder().name("golden").build()).items())
          .extracting(i -> i.imageId()).containsExactly(created.imageId());
      client.deleteImage(created.imageId());
      assertThat(fake.images().image(created.imageId())).isEmpty();
      assertThat(fake.server().tokenRequestCount()).isEqualTo(1); // the made-up credentials got a token
    });
  }

  @Test
  void theFakeIsClosedWithTheContext() {
    FakeImagesServer[] server = new FakeImagesServer[1];
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true")
        .run(context -> server[0] = context.getBean(ContaboImagesFake.class).server());
    assertThat(server[0].toString()).contains("closed");
  }

  @Test
  void aUserDefinedFakeIsTheOneUsed() {
    FakeImages seeded = FakeImages.builder().seedStandardImages(false).build();
    seeded.seedCustomImage("pre-seeded");
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true")
        .withBean(ContaboImagesFake.class, () -> ContaboImagesFake.of(seeded))
        .run(context -> assertThat(context.getBean(ImagesPort.class)
            .retrieveImageList(ImageListQuery.builder().build()).items())
            .extracting(i -> i.name()).containsExactly("pre-seeded"));
  }

  @Test
  void theFakeIsAnnouncedWithAWarnAtStartUp() {
    int before = warnings().size();
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true").run(context -> {
      assertThat(warnings()).hasSize(before + 1);
      assertThat(warnings().get(before).message()).contains("FAKE API at " + context.getBean(ContaboImagesFake.class).baseUri());
    });
  }

  @Test
  void withoutTheTestkitTheFakePropertyIsIgnoredLoudlyAndTheRealPathApplies() {
    int before = warnings().size();
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true")
        .withClassLoader(new FilteredClassLoader(FakeImagesServer.class))
        .run(context -> {
          assertThat(context).hasFailed(); // the real path: no credentials on this (empty) chain
          assertThat(context.getStartupFailure()).hasStackTraceContaining(ImagesConnection.NO_CREDENTIALS);
          assertThat(warnings()).hasSize(before + 1);
          assertThat(warnings().get(before).message()).contains("contabo.images.fake=true is IGNORED");
        });
  }

  @Test
  void withoutTheFakePropertyNoFakeStarts() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS)
        .run(context -> assertThat(context).doesNotHaveBean(ContaboImagesFake.class));
  }

  private static java.util.List<CapturingLogs.Event> warnings() {
    return CapturingLogs.events(e -> e.level() == Level.WARN && e.logger().equals(FAKE_LOGGER));
  }
}
