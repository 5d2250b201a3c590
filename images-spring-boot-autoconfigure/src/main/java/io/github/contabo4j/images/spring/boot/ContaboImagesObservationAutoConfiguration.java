package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.micrometer.ImagesObservation;
import io.github.contabo4j.images.micrometer.ImagesObservationConvention;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Micrometer for the auto-configured client, with no user code: when images-micrometer is on the
 * classpath and the application has an {@link ObservationRegistry} bean (Spring Boot's
 * observation auto-configuration makes one), the client's builder gets the {@link ImagesObservation}
 * binding, its {@code transport} tag {@code jdk} or {@code feign}. Its meters go to the {@link
 * MeterRegistry} bean when there is one; an {@link ImagesObservationConvention} bean replaces the
 * default names and tags. The binding's interceptor is added before any other customizer's, so it is
 * the outermost and sees each call's final outcome.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(name = {
    "io.github.contabo4j.images.micrometer.ImagesObservation", "io.micrometer.observation.ObservationRegistry"})
@ConditionalOnBean(ObservationRegistry.class)
public final class ContaboImagesObservationAutoConfiguration {
  /** Created by Spring. */
  public ContaboImagesObservationAutoConfiguration() {}

  /** The binding for one transport, from the registries and convention the application has. */
  static ImagesObservation binding(String transport, ObservationRegistry observations,
      ObjectProvider<MeterRegistry> meters, ObjectProvider<ImagesObservationConvention> convention) {
    ImagesObservation.Builder builder = ImagesObservation.builder(observations).transport(transport);
    meters.ifAvailable(builder::meterRegistry);
    convention.ifAvailable(builder::convention);
    return builder.build();
  }

  /** A customizer that runs before the application's own ones. */
  static <B> ImagesClientBuilderCustomizer<B> first(Consumer<B> customize) {
    final class First implements ImagesClientBuilderCustomizer<B>, Ordered {
      @Override
      public void customize(B builder) {
        customize.accept(builder);
      }

      @Override
      public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
      }
    }
    return new First();
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = TransportCondition.JDK_CLIENT)
  static class Jdk {
    @Bean
    ImagesClientBuilderCustomizer<JdkImagesClient.Builder> contaboImagesJdkObservation(ObservationRegistry observations,
        ObjectProvider<MeterRegistry> meters, ObjectProvider<ImagesObservationConvention> convention) {
      return first(builder -> {
        ImagesObservation binding = binding("jdk", observations, meters, convention);
        binding.bindTo(builder);
      });
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = TransportCondition.FEIGN_CLIENT)
  static class Feign {
    @Bean
    ImagesClientBuilderCustomizer<FeignImagesClient.Builder> contaboImagesFeignObservation(
        ObservationRegistry observations, ObjectProvider<MeterRegistry> meters,
        ObjectProvider<ImagesObservationConvention> convention) {
      return first(builder -> {
        ImagesObservation binding = binding("feign", observations, meters, convention);
        binding.bindTo(builder);
      });
    }
  }
}
