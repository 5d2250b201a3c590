package io.github.contabo4j.images.spring.boot;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.micrometer.DefaultImagesObservationConvention;
import io.github.contabo4j.images.micrometer.ImagesObservation;
import io.github.contabo4j.images.micrometer.ImagesObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The images-micrometer binding, applied when an ObservationRegistry bean is present, and only then. */
class ContaboImagesObservationAutoConfigurationTest {
  private static final String REQUESTS = DefaultImagesObservationConvention.NAME;

  @TempDir Path home;

  private ApplicationContextRunner runner() {
    return Contexts.runner(home).withPropertyValues("contabo.images.fake=true")
        .withConfiguration(AutoConfigurations.of(ContaboImagesObservationAutoConfiguration.class));
  }

  private static void call(org.springframework.context.ApplicationContext context) {
    context.getBean(ImagesPort.class).retrieveImageList(ImageListQuery.builder().build());
  }

  @Test
  void withARegistryBeanEveryCallIsObservedAndMeteredTaggedWithTheJdkTransport() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    runner().withPropertyValues("contabo.images.transport=jdk")
        .withBean(ObservationRegistry.class, () -> observations).withBean(MeterRegistry.class, () -> meters)
        .run(context -> {
          assertThat(context).hasNotFailed().hasBean("contaboImagesJdkObservation");
          call(context);
          assertThat(observations).hasObservationWithNameEqualTo(REQUESTS).that()
              .hasContextualNameEqualTo("retrieveImageList")
              .hasLowCardinalityKeyValue("outcome", "success")
              .hasLowCardinalityKeyValue("transport", "jdk");
          assertThat(meters.find(ImagesObservation.AWAIT_DOWNLOADED).tag("transport", "jdk").longTaskTimer())
              .as("the listener's and long task timer's meters go to the MeterRegistry bean").isNotNull();
        });
  }

  @Test
  void theFeignClientIsTaggedFeign() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    runner().withPropertyValues("contabo.images.transport=feign")
        .withBean(ObservationRegistry.class, () -> observations)
        .run(context -> {
          assertThat(context).hasNotFailed().hasBean("contaboImagesFeignObservation");
          call(context);
          assertThat(observations).hasObservationWithNameEqualTo(REQUESTS).that()
              .hasLowCardinalityKeyValue("transport", "feign");
        });
  }

  private final List<String> observed = new CopyOnWriteArrayList<>();

  /** Boot's own observation auto-configuration, with a handler bean that records what it sees. */
  private ApplicationContextRunner withBootsRegistry() {
    ObservationHandler<Observation.Context> recorder = new ObservationHandler<>() {
      @Override
      public void onStop(Observation.Context context) {
        observed.add(context.getName() + " " + context.getContextualName());
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    };
    return Contexts.runner(home).withPropertyValues("contabo.images.fake=true", "contabo.images.transport=jdk")
        .withConfiguration(AutoConfigurations.of(
            ContaboImagesObservationAutoConfiguration.class, ObservationAutoConfiguration.class))
        .withBean("recorder", ObservationHandler.class, () -> recorder);
  }

  @Test
  void springBootsOwnObservationRegistryIsFoundAfterItsAutoConfiguration() {
    withBootsRegistry().run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(ObservationRegistry.class)
          .hasBean("contaboImagesJdkObservation");
      call(context);
      assertThat(observed).contains(REQUESTS + " retrieveImageList");
    });
  }

  @Test
  void bootsObservationPropertyTurnsTheClientsObservationsOff() {
    withBootsRegistry().withPropertyValues("management.observations.enable.contabo.images=false").run(context -> {
      call(context);
      assertThat(observed).noneMatch(name -> name.startsWith("contabo.images"));
    });
  }

  @Test
  void anImagesObservationConventionBeanReplacesTheDefaultNames() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    runner().withBean(ObservationRegistry.class, () -> observations)
        .withBean(ImagesObservationConvention.class, () -> new DefaultImagesObservationConvention() {
          @Override
          public String getName() {
            return "my.contabo.calls";
          }
        })
        .run(context -> {
          call(context);
          assertThat(observations).hasNumberOfObservationsWithNameEqualTo(REQUESTS, 0)
              .hasObservationWithNameEqualTo("my.contabo.calls");
        });
  }

  @Test
  void withoutARegistryBeanNothingIsBound() {
    runner().run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(ImagesPort.class)
          .doesNotHaveBean("contaboImagesJdkObservation").doesNotHaveBean("contaboImagesFeignObservation");
      call(context);
    });
  }

  @Test
  void withoutImagesMicrometerOnTheClasspathNothingIsBound() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    runner().withClassLoader(new FilteredClassLoader(ImagesObservation.class))
        .withBean(ObservationRegistry.class, () -> observations)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(ImagesPort.class)
              .doesNotHaveBean("contaboImagesJdkObservation").doesNotHaveBean("contaboImagesFeignObservation");
          call(context);
          assertThat(observations).doesNotHaveAnyObservation();
        });
  }
}
