package io.github.contabo4j.images.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes error bodies, {@code {"statusCode": N, "message": "..." | ["...", ...]}}, into one short
 * message. The status always comes from the status line, never from the body. A body that is not the
 * documented shape (HTML from a proxy, plain text, nothing) yields a short, truncated description:
 * the raw body is never echoed whole.
 */
public final class ErrorBodies {
  /** Longest message kept. */
  public static final int MAX_MESSAGE = 500;
  private static final int MAX_RAW_SNIPPET = 120;

  private ErrorBodies() {}

  /**
   * Decodes the message of an error body.
   *
   * @param statusCode the status from the status line
   * @param body the body bytes
   * @return a single-line message of at most {@value #MAX_MESSAGE} characters
   */
  public static String message(int statusCode, byte[] body) {
    if (body.length == 0) {
      return "HTTP " + statusCode + " with an empty body";
    }
    String text = new String(body, StandardCharsets.UTF_8).trim();
    if (text.startsWith("{")) {
      try {
        JsonNode node = WireJson.MAPPER.readTree(body);
        JsonNode message = node.get("message");
        if (message != null && message.isTextual()) {
          return clean(message.asText(), MAX_MESSAGE);
        }
        if (message != null && message.isArray()) {
          List<String> parts = new ArrayList<>();
          message.forEach(m -> parts.add(m.isTextual() ? m.asText() : m.toString()));
          return clean(String.join("; ", parts), MAX_MESSAGE);
        }
        JsonNode error = node.get("error");
        if (error != null && error.isTextual()) {
          return clean(error.asText(), MAX_MESSAGE);
        }
      } catch (IOException e) {
        // not JSON after all: fall through to the raw snippet
      }
    }
    return "HTTP " + statusCode + " with a non-JSON body (" + body.length + " bytes): "
        + clean(text, MAX_RAW_SNIPPET);
  }

  /**
   * Collapses whitespace and control characters and truncates.
   *
   * @param text the text
   * @param max the longest result
   * @return the cleaned text, with an ellipsis when cut
   */
  static String clean(String text, int max) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && sb.length() < max; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = sb.length() > 0;
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      sb.append(c);
    }
    return sb.length() >= max ? sb.substring(0, max) + "…" : sb.toString();
  }
}
