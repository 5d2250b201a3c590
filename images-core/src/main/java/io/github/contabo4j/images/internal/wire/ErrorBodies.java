package io.github.contabo4j.images.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.contabo4j.images.internal.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes error bodies, {@code {"statusCode": N, "message": "..." | ["...", ...]}}, into one short
 * message. The status always comes from the status line, never from the body. A body that is not the
 * documented shape (HTML from a proxy, plain text, nothing) yields a short, truncated description:
 * the raw body is never echoed whole.
 */
public final class ErrorBodies {
  /** Longest message kept. */
  public static final int MAX_MESSAGE = Redaction.MAX_MESSAGE;
  private static final int MAX_RAW_SNIPPET = 120;

  private ErrorBodies() {}

  /**
   * Decodes the message of an error body.
   *
   * @param statusCode the status from the status line
   * @param body the body bytes
   * @return a single-line message of at most {@value #MAX_MESSAGE} characters, plus an ellipsis when cut
   */
  public static String message(int statusCode, byte[] body) {
    return message(statusCode, body, null);
  }

  /**
   * Decodes the message of an error body, removing a secret the body may echo (a proxy or a
   * misbehaving service may reflect the {@code Authorization} header).
   *
   * @param statusCode the status from the status line
   * @param body the body bytes
   * @param secret text that must not appear in the message, e.g. the bearer token; null for none
   * @return a single-line message of at most {@value #MAX_MESSAGE} characters, plus an ellipsis when cut
   */
  public static String message(int statusCode, byte[] body, @Nullable String secret) {
    if (body.length == 0) {
      return "HTTP " + statusCode + " with an empty body";
    }
    String text = new String(body, StandardCharsets.UTF_8).trim();
    if (text.startsWith("{")) {
      try {
        JsonNode node = WireJson.MAPPER.readTree(body);
        JsonNode message = node.get("message");
        if (message != null && message.isTextual()) {
          return clean(redact(message.asText(), secret), MAX_MESSAGE);
        }
        if (message != null && message.isArray()) {
          List<String> parts = new ArrayList<>();
          message.forEach(m -> parts.add(m.isTextual() ? m.asText() : m.toString()));
          return clean(redact(String.join("; ", parts), secret), MAX_MESSAGE);
        }
        JsonNode error = node.get("error");
        if (error != null && error.isTextual()) {
          return clean(redact(error.asText(), secret), MAX_MESSAGE);
        }
      } catch (IOException e) {
        // not JSON after all: fall through to the raw snippet
      }
    }
    return "HTTP " + statusCode + " with a non-JSON body (" + body.length + " bytes): "
        + clean(redact(text, secret), MAX_RAW_SNIPPET);
  }

  /**
   * Replaces every occurrence of a secret with {@code <redacted>}. Done before {@link #clean}, so a
   * cut can never leave part of the secret behind.
   *
   * @param text the text
   * @param secret the secret, or null or empty for none
   * @return the text without the secret
   */
  static String redact(String text, @Nullable String secret) {
    return Redaction.redact(text, secret);
  }

  /**
   * Collapses whitespace and control characters and truncates: {@link Redaction#clean}.
   *
   * @param text the text
   * @param max the most characters kept
   * @return the cleaned text, with an ellipsis appended when it was cut
   */
  public static String clean(String text, int max) {
    return Redaction.clean(text, max);
  }
}
