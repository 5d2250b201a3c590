package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.TokenSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Shared values for the wire-format tests: a fixed token and clock, and the spec's example bodies. */
final class Fixtures {
  static final String TOKEN = "eyJhbGciOi.secret-token_value";
  static final String USER_AGENT = "contabo4j-images-test/0.1.0";
  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String REQUEST_ID = "04e0f898-37b4-48bc-a794-1a57abe6aa31";

  private Fixtures() {}

  static ImagesWire wire() {
    return wire(null);
  }

  static ImagesWire wire(@Nullable String defaultTraceId) {
    return new ImagesWire(TokenSource.fixed(TOKEN), USER_AGENT, defaultTraceId, CLOCK);
  }

  /** One of the spec's example bodies, extracted verbatim into {@code examples/}. */
  static byte[] example(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("examples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing example " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String exampleText(String name) {
    return new String(example(name), StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static WireResponse response(int status, String body) {
    return new WireResponse(status, null, utf8(body));
  }
}
