package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.auth.CredentialsChain;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The runner every test starts from: the three auto-configurations, and a chain that finds nothing. */
final class Contexts {
  /** Explicit credentials for tests that need some; not secrets of any account. */
  static final String[] CREDENTIALS = {
      "contabo.images.credentials.client-id=spring-test-client",
      "contabo.images.credentials.client-secret=spring-test-client-secret-4711",
      "contabo.images.credentials.username=ops@example.com",
      "contabo.images.credentials.password=spring-test-password-0815"};

  private Contexts() {}

  /** A credentials chain over an empty environment, no system properties and an empty home. */
  static CredentialsChain chain(Path home, Map<String, String> environment) {
    return CredentialsChain.builder().environment(environment).systemProperties(new Properties()).home(home)
        .systemConfigFile(home.resolve("no-such-cntb.yaml")).build();
  }

  /** The auto-configurations, with a chain that reads nothing of this machine. */
  static ApplicationContextRunner runner(Path home) {
    return runner(chain(home, Map.of()));
  }

  static ApplicationContextRunner runner(CredentialsChain chain) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ContaboImagesFakeAutoConfiguration.class,
            ContaboImagesAutoConfiguration.class, ContaboImagesHealthAutoConfiguration.class))
        .withBean(CredentialsChain.class, () -> chain);
  }
}
