package io.github.contabo4j.images.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Test credentials holding every character form encoding must handle, and the leak assertion. */
final class Secrets {
  static final String CLIENT_ID = "api-client-7";
  static final String USERNAME = "ops+images@example.com";
  static final String CLIENT_SECRET = "s3c&r+e=t%41 üñí€😀";
  static final String PASSWORD = "p@ss&w+o=r%64 ä✓";

  private Secrets() {}

  static ContaboCredentials.Builder builder(String tokenUri) {
    return ContaboCredentials.builder()
        .tokenUri(tokenUri)
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET)
        .username(USERNAME)
        .password(PASSWORD);
  }

  static Map<String, String> environment() {
    return Map.of(
        ContaboCredentials.ENV_CLIENT_ID, CLIENT_ID,
        ContaboCredentials.ENV_CLIENT_SECRET, CLIENT_SECRET,
        ContaboCredentials.ENV_API_USER, USERNAME,
        ContaboCredentials.ENV_API_PASSWORD, PASSWORD);
  }

  /** Each value raw, form-encoded and Base64-encoded. */
  static List<String> forms(String... values) {
    List<String> forms = new ArrayList<>();
    for (String v : values) {
      forms.add(v);
      forms.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
      forms.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
    }
    return forms;
  }

  /** Asserts the text holds neither the secret nor the password (nor the extra values) in any form. */
  static void assertNoSecrets(String text, String... extra) {
    List<String> values = new ArrayList<>(List.of(CLIENT_SECRET, PASSWORD));
    values.addAll(List.of(extra));
    for (String form : forms(values.toArray(String[]::new))) {
      assertThat(text).doesNotContain(form);
    }
  }

  /** The same for the message and toString of a throwable, its causes and suppressed ones. */
  static void assertNoSecrets(Throwable thrown, String... extra) {
    Deque<Throwable> todo = new ArrayDeque<>(List.of(thrown));
    int seen = 0;
    while (!todo.isEmpty() && seen++ < 20) {
      Throwable t = todo.pop();
      assertNoSecrets(String.valueOf(t.getMessage()), extra);
      assertNoSecrets(t.toString(), extra);
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
      todo.addAll(List.of(t.getSuppressed()));
    }
  }
}
