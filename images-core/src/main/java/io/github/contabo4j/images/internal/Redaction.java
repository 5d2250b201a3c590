package io.github.contabo4j.images.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from text that may be shown (exception messages, log lines), written once for the
 * wire's error bodies and the token endpoint. Each secret is replaced in every form a server might
 * echo it: raw, form-encoded ({@code +} for space), percent-encoded ({@code %20}) and Base64
 * (standard and URL-safe, with and without padding).
 */
public final class Redaction {
  /** The longest message kept from a service's error body or an image's error text: 500 characters. */
  public static final int MAX_MESSAGE = 500;

  /** What a secret is replaced with. */
  public static final String REDACTED = "<redacted>";

  private Redaction() {}

  /**
   * Replaces every form of every secret, longest form first, so no part of one survives.
   *
   * @param text the text
   * @param secrets the secrets; null and empty ones are ignored
   * @return the text without them
   */
  public static String redact(String text, @Nullable String... secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret == null || secret.isEmpty()) {
        continue;
      }
      String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      forms.add(secret);
      forms.add(form);
      forms.add(form.replace("+", "%20"));
      forms.add(Base64.getEncoder().encodeToString(bytes));
      forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
      forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    List<String> ordered = new ArrayList<>(forms);
    ordered.sort((a, b) -> b.length() - a.length());
    String out = text;
    for (String form : ordered) {
      out = out.replace(form, REDACTED);
    }
    return out;
  }

  /**
   * Collapses whitespace and control characters and truncates.
   *
   * @param text the text
   * @param max the most characters kept
   * @return the cleaned text, with an ellipsis appended when it was cut
   */
  public static String clean(String text, int max) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = sb.length() > 0;
        continue;
      }
      if (sb.length() + (space ? 1 : 0) >= max) {
        // more text follows: cut here, never inside a surrogate pair
        if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
          sb.setLength(sb.length() - 1);
        }
        return sb.append('…').toString();
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
