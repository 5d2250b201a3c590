package io.github.contabo4j.images.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;

/**
 * A credentials chain over an injected environment, system properties, home directory and system
 * config file: nothing of the machine running the tests is read. Values are {@link Secrets}'.
 */
final class ChainFixture {
  final Map<String, String> environment = new HashMap<>();
  final Properties properties = new Properties();
  final Path home;
  final Path systemFile;

  ChainFixture(Path dir) {
    try {
      this.home = Files.createDirectories(dir.resolve("home"));
      this.systemFile = Files.createDirectories(dir.resolve("etc/cntb")).resolve(".cntb.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CredentialsChain chain() {
    return CredentialsChain.builder().environment(environment).systemProperties(properties).home(home)
        .systemConfigFile(systemFile).build();
  }

  ContaboCredentials resolve() {
    return chain().resolve().build();
  }

  /** The four system properties, with this client id. */
  ChainFixture properties(String clientId) {
    return four(properties::setProperty, clientId,
        "contabo.clientId", "contabo.clientSecret", "contabo.apiUser", "contabo.apiPassword");
  }

  /** The four CONTABO_* variables, with this client id. */
  ChainFixture contabo(String clientId) {
    return four(environment::put, clientId,
        "CONTABO_CLIENT_ID", "CONTABO_CLIENT_SECRET", "CONTABO_API_USER", "CONTABO_API_PASSWORD");
  }

  /** The four CNTB_OAUTH2_* variables, with this client id. */
  ChainFixture cntb(String clientId) {
    return four(environment::put, clientId,
        "CNTB_OAUTH2_CLIENT_ID", "CNTB_OAUTH2_CLIENT_SECRET", "CNTB_OAUTH2_USER", "CNTB_OAUTH2_PASS");
  }

  /** Client id, secret, user and password, under these four names. */
  private ChainFixture four(BiConsumer<String, String> sink, String clientId, String... names) {
    List<String> values = List.of(clientId, Secrets.CLIENT_SECRET, Secrets.USERNAME, Secrets.PASSWORD);
    for (int i = 0; i < names.length; i++) {
      sink.accept(names[i], values.get(i));
    }
    return this;
  }

  /** A cntb config file with the four keys, with this client id, plus extra lines. */
  static String yaml(String clientId, String... extraLines) {
    StringBuilder text = new StringBuilder("# written by cntb config set\n")
        .append("oauth2-clientid: ").append(clientId).append('\n')
        .append("oauth2-client-secret: '").append(Secrets.CLIENT_SECRET).append("'\n")
        .append("oauth2-user: ").append(Secrets.USERNAME).append('\n')
        .append("oauth2-password: '").append(Secrets.PASSWORD).append("'\n");
    for (String line : extraLines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path homeFile(String text) {
    return write(home.resolve(".cntb.yaml"), text);
  }

  Path systemFile(String text) {
    return write(systemFile, text);
  }
}
