package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.auth.CredentialsChain;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Credentials chains over injected sources only: the tests never read the machine's own. */
final class TestChains {
  private TestChains() {}

  /** A chain with the given environment and home, no system properties, and no system config file. */
  static CredentialsChain over(Map<String, String> environment, Path home) {
    return CredentialsChain.builder().environment(environment).systemProperties(new Properties()).home(home)
        .systemConfigFile(home.resolve("no-etc").resolve(".cntb.yaml")).build();
  }

  /** A chain that finds nothing. */
  static CredentialsChain empty() {
    return over(Map.of(), Path.of("target", "no-such-home"));
  }
}
