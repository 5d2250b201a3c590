package io.github.contabo4j.images.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ContaboImagesAutoConfigurationTest {
  @TempDir Path home;

  @Test
  void everyPropertyIsBoundAndReachesTheClient() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS)
        .withPropertyValues("contabo.images.transport=jdk", "contabo.images.base-url=https://api.example.test/",
            "contabo.images.token-url=https://auth.example.test/token", "contabo.images.connect-timeout=3s",
            "contabo.images.attempt-timeout=7s", "contabo.images.call-timeout=40s",
            "contabo.images.resilience.max-attempts=2", "contabo.images.resilience.backoff-base=50ms",
            "contabo.images.resilience.backoff-multiplier=3.0", "contabo.images.resilience.backoff-cap=2s",
            "contabo.images.resilience.throttle-backoff-base=500ms", "contabo.images.resilience.throttle-backoff-cap=9s",
            "contabo.images.resilience.max-retry-after=20s", "contabo.images.resilience.reconcile-attempts=5",
            "contabo.images.resilience.reconcile-interval=300ms", "contabo.images.resilience.rate-limit.permits-per-period=4",
            "contabo.images.resilience.rate-limit.period=2s", "contabo.images.feign.max-connections=7")
        .run(context -> {
          assertThat(context).hasNotFailed();
          ContaboImagesProperties properties = context.getBean(ContaboImagesProperties.class);
          assertThat(properties.resiliencePolicy()).isEqualTo(ResiliencePolicy.builder().maxAttempts(2)
              .backoffBase(Duration.ofMillis(50)).backoffMultiplier(3.0).backoffCap(Duration.ofSeconds(2))
              .throttleBackoffBase(Duration.ofMillis(500)).throttleBackoffCap(Duration.ofSeconds(9))
              .maxRetryAfter(Duration.ofSeconds(20)).reconcileAttempts(5).reconcileInterval(Duration.ofMillis(300))
              .rateLimit(4, Duration.ofSeconds(2)).attemptTimeout(Duration.ofSeconds(7))
              .callTimeout(Duration.ofSeconds(40)).build());
          assertThat(properties.getFeign().getMaxConnections()).isEqualTo(7);
          JdkImagesClient client = context.getBean(JdkImagesClient.class);
          assertThat(client.baseUri()).isEqualTo(URI.create("https://api.example.test"));
          assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
          assertThat(client.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
          assertThat(context.getBean(ImagesConnection.class).tokens().toString())
              .contains("tokenUri=https://auth.example.test/token", "clientId=spring-test-client");
        });
  }

  @Test
  void unsetPropertiesKeepTheLibraryDefaults() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS).withPropertyValues("contabo.images.transport=jdk")
        .run(context -> {
          assertThat(context.getBean(ContaboImagesProperties.class).resiliencePolicy())
              .isEqualTo(ResiliencePolicy.defaults());
          JdkImagesClient client = context.getBean(JdkImagesClient.class);
          assertThat(client.baseUri()).isEqualTo(URI.create("https://api.contabo.com"));
          assertThat(client.connectTimeout()).contains(Duration.ofSeconds(10));
        });
  }

  @Test
  void rateLimitCanBeSwitchedOff() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS)
        .withPropertyValues("contabo.images.resilience.rate-limit.enabled=false")
        .run(context -> assertThat(context.getBean(ContaboImagesProperties.class).resiliencePolicy().rateLimited())
            .isFalse());
  }

  @Test
  void aBadPropertyValueFailsStartUpNamingTheSetting() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS)
        .withPropertyValues("contabo.images.base-url=http://api.example.test")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("baseUri "));
  }

  @Test
  void oneClientExposedAsThePortAndAsItsOwnTypeClosedWithTheContext() {
    ImagesClient[] seen = new ImagesClient[1];
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS).run(context -> {
      assertThat(context).hasSingleBean(ImagesPort.class).hasSingleBean(ImagesClient.class);
      ImagesClient client = context.getBean(ImagesClient.class);
      assertThat(context.getBean(ImagesPort.class)).isSameAs(client);
      assertThat(context.getBean(FeignImagesClient.class)).isSameAs(client);
      assertThat(context.getBeanNamesForType(FeignImagesClient.class))
          .containsExactly(ContaboImagesAutoConfiguration.CLIENT_BEAN);
      assertThat(client.isClosed()).isFalse();
      seen[0] = client;
    });
    assertThat(seen[0].isClosed()).isTrue();
  }

  // ---------------------------------------------------------------- the transport

  @Test
  void unsetTransportIsFeignWhenItsModuleIsPresent() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS)
        .run(context -> assertThat(context.getBean(ImagesPort.class)).isInstanceOf(FeignImagesClient.class));
  }

  @Test
  void unsetTransportIsJdkWithoutTheFeignModule() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS)
        .withClassLoader(new FilteredClassLoader(FeignImagesClient.class))
        .run(context -> assertThat(context.getBean(ImagesPort.class)).isInstanceOf(JdkImagesClient.class));
  }

  @Test
  void unsetTransportIsFeignWithoutTheJdkModule() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS)
        .withClassLoader(new FilteredClassLoader(JdkImagesClient.class))
        .run(context -> assertThat(context.getBean(ImagesPort.class)).isInstanceOf(FeignImagesClient.class));
  }

  @Test
  void theTransportPropertyWinsOverTheClasspath() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS).withPropertyValues("contabo.images.transport=JDK")
        .run(context -> assertThat(context.getBean(ImagesPort.class)).isInstanceOf(JdkImagesClient.class));
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS).withPropertyValues("contabo.images.transport=feign")
        .run(context -> assertThat(context.getBean(ImagesPort.class)).isInstanceOf(FeignImagesClient.class));
  }

  @Test
  void aTransportWhoseModuleIsMissingFailsStartUpNamingTheModule() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS).withPropertyValues("contabo.images.transport=feign")
        .withClassLoader(new FilteredClassLoader(FeignImagesClient.class))
        .run(context -> assertThat(context).getFailure().rootCause().hasMessage(
            "contabo.images.transport=feign but io.github.contabo4j:images-transport-feign is not on the classpath: "
                + "add it, or unset contabo.images.transport"));
  }

  @Test
  void noTransportModuleAtAllFailsStartUpSayingWhatToAdd() {
    Contexts.runner(home).withPropertyValues(Contexts.CREDENTIALS)
        .withClassLoader(new FilteredClassLoader(FeignImagesClient.class, JdkImagesClient.class))
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("No Contabo Images transport on the classpath")
            .hasMessageContaining("images-spring-boot-starter"));
  }

  // ---------------------------------------------------------------- backing off

  @Test
  void aUserDefinedPortWinsAndNothingElseIsCreated() {
    FakeImages own = FakeImages.create();
    Contexts.runner(home).withBean("myImages", ImagesPort.class, () -> own).run(context -> {
      assertThat(context).hasNotFailed(); // no credentials anywhere, and no failure: nothing was resolved
      assertThat(context).hasSingleBean(ImagesPort.class).doesNotHaveBean(ImagesClient.class)
          .doesNotHaveBean(ImagesConnection.class).doesNotHaveBean(ContaboImagesHealthIndicator.class);
      assertThat(context.getBean(ImagesPort.class)).isSameAs(own);
    });
  }

  @Test
  void aUserDefinedClientOfTheOtherTransportWinsToo() {
    Contexts.runner(home).withPropertyValues("contabo.images.transport=feign")
        .withBean("myClient", JdkImagesClient.class, () -> JdkImagesClient.builder().token("user-made-token-123").build())
        .run(context -> assertThat(context.getBeansOfType(ImagesPort.class)).containsOnlyKeys("myClient"));
  }

  // ---------------------------------------------------------------- credentials

  @Test
  void noCredentialsAnywhereFailsStartUpWithAClearMessage() {
    Contexts.runner(home).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context).getFailure().rootCause().isInstanceOf(IllegalStateException.class);
      assertThat(context.getStartupFailure()).hasStackTraceContaining(ImagesConnection.NO_CREDENTIALS)
          .hasStackTraceContaining("were found in no source");
    });
  }

  @Test
  void withCredentialsNotRequiredTheServiceStartsAndEachCallSaysWhyItFails() {
    Contexts.runner(home).withPropertyValues("contabo.images.credentials.required=false").run(context -> {
      assertThat(context).hasNotFailed();
      ImagesPort images = context.getBean(ImagesPort.class);
      assertThatThrownBy(() -> images.retrieveImageList(ImageListQuery.builder().build()))
          .hasMessageContaining("No Contabo API credentials")
          .hasMessageContaining("contabo.images.credentials.required=false");
    });
  }

  @Test
  void someButNotAllExplicitCredentialsFailStartUpNamingTheMissingOnes() {
    Contexts.runner(home).withPropertyValues("contabo.images.credentials.client-id=abc",
        "contabo.images.credentials.password=spring-test-password-0815")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("contabo.images.credentials")
            .hasMessageContaining("set client-id, password but not client-secret, username")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("spring-test-password-0815")));
  }

  @Test
  void withoutExplicitCredentialsTheChainIsUsedWithItsBaseUrlUnlessThePropertySetsOne() {
    Map<String, String> env = Map.of("CNTB_OAUTH2_CLIENT_ID", "chain-client", "CNTB_OAUTH2_CLIENT_SECRET",
        "chain-secret-12345", "CNTB_OAUTH2_USER", "chain@example.com", "CNTB_OAUTH2_PASS", "chain-password-12345",
        "CNTB_API", "https://chain-api.example.test", "CNTB_OAUTH2_TOKEN_URL", "https://chain-auth.example.test/t");
    Contexts.runner(Contexts.chain(home, env)).run(context -> {
      ImagesClient client = context.getBean(ImagesClient.class);
      assertThat(client.baseUri()).isEqualTo(URI.create("https://chain-api.example.test"));
      assertThat(context.getBean(ImagesConnection.class).tokens().toString())
          .contains("clientId=chain-client", "tokenUri=https://chain-auth.example.test/t");
    });
    Contexts.runner(Contexts.chain(home, env)).withPropertyValues("contabo.images.base-url=https://mine.example.test",
        "contabo.images.token-url=https://my-auth.example.test/t").run(context -> {
      assertThat(context.getBean(ImagesClient.class).baseUri()).isEqualTo(URI.create("https://mine.example.test"));
      assertThat(context.getBean(ImagesConnection.class).tokens().toString())
          .contains("tokenUri=https://my-auth.example.test/t");
    });
  }

  @Test
  void aPartialChainSourceFailsStartUpEvenWhenCredentialsAreNotRequired() {
    Contexts.runner(Contexts.chain(home, Map.of("CONTABO_CLIENT_ID", "only-the-id")))
        .withPropertyValues("contabo.images.credentials.required=false")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONTABO_CLIENT_SECRET"));
  }

  // ---------------------------------------------------------------- hooks: listeners and customizers

  @Test
  void listenerBeansHearTheClientsCallsAndCustomizersOfTheTransportInUseRun() {
    Hooks.HEARD.clear();
    Hooks.CUSTOMIZED.clear();
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true", "contabo.images.transport=jdk")
        .withUserConfiguration(Hooks.class)
        .run(context -> {
          assertThat(Hooks.CUSTOMIZED).containsExactly("jdk");
          context.getBean(ImagesPort.class).retrieveImageList(ImageListQuery.builder().build());
          assertThat(Hooks.HEARD).containsExactly(ImagesOperation.RETRIEVE_IMAGE_LIST);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class Hooks {
    static final List<ImagesOperation> HEARD = new CopyOnWriteArrayList<>();
    static final List<String> CUSTOMIZED = new CopyOnWriteArrayList<>();

    @Bean
    ImagesListener listener() {
      return new ImagesListener() {
        @Override
        public void onCompleted(ImagesOperation operation, Duration latency, @Nullable String requestId,
            @Nullable RuntimeException failure) {
          HEARD.add(operation);
        }
      };
    }

    @Bean
    ImagesClientBuilderCustomizer<JdkImagesClient.Builder> jdkCustomizer() {
      return builder -> CUSTOMIZED.add("jdk");
    }

    @Bean
    ImagesClientBuilderCustomizer<FeignImagesClient.Builder> feignCustomizer() {
      return builder -> CUSTOMIZED.add("feign");
    }
  }

  // ---------------------------------------------------------------- Micrometer

  @Test
  void withoutImagesMicrometerAnObservationRegistryChangesNothing() {
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true")
        .withBean(io.micrometer.observation.ObservationRegistry.class, io.micrometer.observation.ObservationRegistry::create)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(ImagesPort.class);
          assertThat(context.getBean(ImagesPort.class).retrieveImageList(ImageListQuery.builder().build()).items())
              .isNotEmpty();
        });
  }

  @Test
  void withoutMicrometerOnTheClasspathTheClientStillStarts() {
    Contexts.runner(home).withPropertyValues("contabo.images.fake=true")
        .withClassLoader(new FilteredClassLoader("io.micrometer"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ImagesPort.class));
  }
}
