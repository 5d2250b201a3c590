package io.github.contabo4j.images.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code contaboImages} health indicator: off by default, on with {@code
 * management.health.contabo-images.enabled=true} when Spring Boot's health module is present and
 * the client bean is the auto-configured one. See the README for why it is off by default.
 */
@AutoConfiguration(after = ContaboImagesAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(ImagesActivity.class)
@ConditionalOnProperty(prefix = "management.health.contabo-images", name = "enabled", havingValue = "true")
public final class ContaboImagesHealthAutoConfiguration {
  /** Created by Spring. */
  public ContaboImagesHealthAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "contaboImagesHealthIndicator")
  ContaboImagesHealthIndicator contaboImagesHealthIndicator(ImagesActivity activity) {
    return new ContaboImagesHealthIndicator(activity);
  }
}
