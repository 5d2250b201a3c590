package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.spring.boot.test.ContaboImagesFake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code contabo.images.fake=true}: the client bean talks to the testkit's fake on a loopback port,
 * with made-up credentials. Honoured only when images-testkit is on the classpath; a WARN is logged
 * at start-up either way, so a fake never goes unnoticed, and never silently ignored.
 */
@AutoConfiguration(before = ContaboImagesAutoConfiguration.class)
@ConditionalOnProperty(prefix = ContaboImagesProperties.PREFIX, name = "fake", havingValue = "true")
public final class ContaboImagesFakeAutoConfiguration {
  static final String TESTKIT_CLASS = "io.github.contabo4j.images.testkit.FakeImagesServer";
  private static final Logger LOG = LoggerFactory.getLogger(ContaboImagesFakeAutoConfiguration.class);

  /** Created by Spring. */
  public ContaboImagesFakeAutoConfiguration() {}

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = TESTKIT_CLASS)
  static class Fake {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ContaboImagesFake contaboImagesFake() {
      return ContaboImagesFake.start();
    }

    @Bean
    ImagesConnection contaboImagesConnection(ContaboImagesFake fake) {
      LOG.warn("contabo.images.fake=true: the Contabo Images client talks to the testkit's FAKE API at {}, "
          + "not to Contabo. For tests only.", fake.baseUri());
      ContaboCredentials made = ContaboCredentials.builder().clientId("contabo4j-spring-fake")
          .clientSecret("fake-client-secret").username("fake.user").password("fake-password")
          .tokenUri(fake.server().tokenEndpoint().toString()).build();
      return new ImagesConnection(fake.baseUri(), made);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass(TESTKIT_CLASS)
  static class NoTestkit {
    NoTestkit() {
      LOG.warn("contabo.images.fake=true is IGNORED: io.github.contabo4j:images-testkit is not on the classpath, "
          + "so the Contabo Images client talks to the real API");
    }
  }
}
