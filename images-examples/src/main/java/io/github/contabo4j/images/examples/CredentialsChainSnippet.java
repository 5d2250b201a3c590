package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.auth.CredentialsChain;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.time.Duration;

/**
 * The README's "Credentials" snippet, kept here so that it compiles. It reads this machine's
 * credentials, so no test runs it; {@code QuickstartRealTest} runs the same chain over injected ones.
 */
final class CredentialsChainSnippet {
  private CredentialsChainSnippet() {}

  static void snippet() {
    // --- README: Credentials ---
    try (JdkImagesClient images = JdkImagesClient.builder()
        .tokenSource(ContaboCredentials.defaultChain())   // and the base URL, if the source names one
        .build()) {
      images.retrieveCustomImagesStats();
    }

    ContaboCredentials tuned = CredentialsChain.defaults().resolve()   // the same sources, then your settings
        .tokenUri("https://auth.example.com/token")                   // explicit settings win
        .refreshSkew(Duration.ofMinutes(1))
        .build();
    // --- end ---
    System.out.println(tuned);
  }
}
