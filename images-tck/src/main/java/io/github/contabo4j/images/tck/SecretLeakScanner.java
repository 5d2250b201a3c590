package io.github.contabo4j.images.tck;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds secrets (tokens, client secrets, passwords) in text a test collected: captured log lines,
 * exception messages, {@code toString()} output. Framework-free: a leak is an {@link AssertionError}.
 *
 * <pre>{@code
 * SecretLeakScanner.assertNoLeak(List.of(accessToken, refreshToken, clientSecret, password),
 *     capturedLog, client.toString(), credentials.toString());
 * SecretLeakScanner.assertNoLeak(List.of(clientSecret, password), thrown);   // message, causes, suppressed
 * }</pre>
 *
 * <p><b>Forms searched</b>, for each secret:
 *
 * <ul>
 *   <li>raw;
 *   <li>URL-encoded as {@code application/x-www-form-urlencoded} (space as {@code +}) and as a URI
 *       component (space as {@code %20}), each with upper- and lower-case hex digits;
 *   <li>JSON-escaped (non-ASCII as {@code \}{@code uXXXX}, either case);
 *   <li>Base64, standard and URL-safe alphabets, of the raw and the form-encoded secret,
 *       <em>wherever it sits inside a Base64 blob</em>: the scanner looks for the characters that
 *       depend on the secret alone at each of the three byte alignments, so {@code Basic
 *       base64(clientId:secret)} (RFC 7617, or RFC 6749's form-encoded variant) and a secret inside a
 *       Base64 JSON document are both found, with or without padding.
 * </ul>
 *
 * <p>Secrets must be at least {@value #MIN_SECRET_LENGTH} characters: a shorter one leaves so few
 * Base64 characters that depend on it alone that megabytes of captured log would match them by chance.
 * Reports never quote a secret: they name its position in the list, its length, the form and where it
 * was found.
 */
public final class SecretLeakScanner {
  /** The shortest secret accepted. */
  public static final int MIN_SECRET_LENGTH = 8;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private SecretLeakScanner() {}

  /**
   * Asserts that none of the texts holds any secret in any form listed in the class description.
   *
   * @param secrets the secrets, each at least {@value #MIN_SECRET_LENGTH} characters
   * @param haystacks the texts to search; null elements are skipped
   * @throws AssertionError naming each leak (secret number, form, text number, index), never the
   *     secret
   * @throws IllegalArgumentException if a secret is null or too short
   */
  public static void assertNoLeak(Collection<String> secrets, CharSequence... haystacks) {
    List<String> leaks = leaks(secrets, haystacks);
    if (!leaks.isEmpty()) {
      throw new AssertionError("secret leaked: " + String.join("; ", leaks));
    }
  }

  /**
   * Asserts that no message or {@code toString()} of the throwable, its causes and its suppressed
   * exceptions (recursively) holds a secret in any form.
   *
   * @param secrets the secrets, each at least {@value #MIN_SECRET_LENGTH} characters
   * @param thrown the exception to inspect
   * @throws AssertionError naming each leak, never the secret
   */
  public static void assertNoLeak(Collection<String> secrets, Throwable thrown) {
    assertNoLeak(secrets, texts(thrown).toArray(CharSequence[]::new));
  }

  /**
   * Every leak of the secrets in the texts, described without quoting the secret.
   *
   * @param secrets the secrets, each at least {@value #MIN_SECRET_LENGTH} characters
   * @param haystacks the texts to search; null elements are skipped
   * @return one line per leak, e.g. {@code "secret #2 (length 24) as base64-url in text #0 at index
   *     41"}; empty if none
   * @throws IllegalArgumentException if a secret is null or too short
   */
  public static List<String> leaks(Collection<String> secrets, CharSequence... haystacks) {
    Objects.requireNonNull(secrets, "secrets == null");
    Objects.requireNonNull(haystacks, "haystacks == null");
    List<Map<String, String>> forms = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    for (String secret : secrets) {
      if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
        throw new IllegalArgumentException("secret #" + forms.size() + " is null or shorter than "
            + MIN_SECRET_LENGTH + " characters");
      }
      forms.add(forms(secret));
      lengths.add(secret.length());
    }
    List<String> leaks = new ArrayList<>();
    for (int h = 0; h < haystacks.length; h++) {
      if (haystacks[h] == null) {
        continue;
      }
      String text = haystacks[h].toString();
      for (int s = 0; s < forms.size(); s++) {
        for (Map.Entry<String, String> form : forms.get(s).entrySet()) {
          int at = text.indexOf(form.getValue());
          if (at >= 0) {
            leaks.add("secret #" + s + " (length " + lengths.get(s) + ") as " + form.getKey() + " in text #" + h
                + " at index " + at);
            break; // one report per secret and text is enough
          }
        }
      }
    }
    return leaks;
  }

  /** Every form of one secret, by name; duplicates (an ASCII secret's JSON form, ...) kept once. */
  static Map<String, String> forms(String secret) {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("raw", secret);
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    String component = form.replace("+", "%20");
    forms.putIfAbsent("form-encoded", form);
    forms.putIfAbsent("form-encoded, lower-case hex", lowerHex(form));
    forms.putIfAbsent("percent-encoded", component);
    forms.putIfAbsent("percent-encoded, lower-case hex", lowerHex(component));
    String json = jsonEscaped(secret);
    forms.putIfAbsent("json-escaped", json);
    forms.putIfAbsent("json-escaped, lower-case hex", lowerJson(json));
    base64(forms, "base64", secret);
    if (!form.equals(secret)) {
      base64(forms, "base64 of form-encoded", form);
    }
    Set<String> seen = new HashSet<>();
    forms.values().removeIf(v -> v.isEmpty() || !seen.add(v));
    return forms;
  }

  /**
   * The Base64 characters that depend on the secret's bytes alone, at each of the three alignments the
   * secret can have inside a longer encoded blob, in both alphabets.
   */
  private static void base64(Map<String, String> forms, String name, String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      int from = (8 * offset + 5) / 6; // first character with no bit of the prefix
      int to = 8 * (offset + bytes.length) / 6; // characters after this one need bits that follow the secret
      String core = from < to ? encoded.substring(from, to) : "";
      forms.putIfAbsent(name + " at byte offset " + offset, core);
      forms.putIfAbsent(name + "-url at byte offset " + offset, core.replace('+', '-').replace('/', '_'));
    }
  }

  private static String lowerHex(String percentEncoded) {
    StringBuilder sb = new StringBuilder(percentEncoded.length());
    for (int i = 0; i < percentEncoded.length(); i++) {
      char c = percentEncoded.charAt(i);
      if (c == '%' && i + 2 < percentEncoded.length()) {
        sb.append('%').append(percentEncoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        i += 2;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String jsonEscaped(String secret) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
            .append(HEX[c & 0xF]);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String lowerJson(String json) {
    StringBuilder sb = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\' && i + 5 < json.length() && json.charAt(i + 1) == 'u') {
        sb.append("\\u").append(json.substring(i + 2, i + 6).toLowerCase(Locale.ROOT));
        i += 5;
      } else if (c == '\\' && i + 1 < json.length()) {
        sb.append(c).append(json.charAt(i + 1));
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Messages and {@code toString()}s of a throwable, its causes and suppressed ones, each once. */
  private static List<String> texts(Throwable thrown) {
    Objects.requireNonNull(thrown, "thrown == null");
    List<String> texts = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>(List.of(thrown));
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      texts.add(String.valueOf(t.getMessage()));
      texts.add(t.toString());
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
      todo.addAll(List.of(t.getSuppressed()));
    }
    return texts;
  }
}
