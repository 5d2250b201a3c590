package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.testkit.internal.http.ApiHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Validates every API exchange the face serves against the vendor spec and keeps the violations, one
 * line each, naming the exchange ({@code METHOD /path?query -> status}) but never a header or body
 * value. What is validated is decided here and documented on {@code
 * FakeImagesServer.Builder#validateAgainst}. Thread-safe.
 *
 * <p>It lives beside {@code FakeImagesServer}, not in {@code internal.http}, so that the HTTP face never
 * reaches back into this package (it only sees its {@code Inspector} and {@code Gate} hooks).
 */
final class SpecCheck implements ApiHandler.Inspector {
  private final SpecValidator validator;
  private final List<String> violations = new ArrayList<>();

  /**
   * Creates the check.
   *
   * @param validator the loaded vendor-spec validator
   */
  SpecCheck(SpecValidator validator) {
    this.validator = validator;
  }

  @Override
  public void inspect(
      String method,
      String pathAndQuery,
      Map<String, List<String>> requestHeaders,
      byte @Nullable [] requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      byte @Nullable [] responseBody) {
    List<String> found = status == ApiHandler.ABORTED
        ? validator.validateRequest(method, pathAndQuery, requestHeaders, text(requestBody))
        : validator.validate(method, pathAndQuery, requestHeaders, text(requestBody), status, responseHeaders,
            text(responseBody));
    if (found.isEmpty()) {
      return;
    }
    String exchange = method + " " + pathAndQuery + " -> " + (status == ApiHandler.ABORTED ? "dropped" : status);
    synchronized (violations) {
      found.forEach(problem -> violations.add(exchange + ": " + problem));
    }
  }

  /**
   * A gate that turns away every request the vendor spec rejects, answering 400 with the
   * violations (their keys and messages: the validator names fields and rules, never the bearer).
   *
   * @param validator the loaded vendor-spec validator
   * @return the gate
   */
  static ApiHandler.Gate strict(SpecValidator validator) {
    return (method, pathAndQuery, requestHeaders, requestBody) -> {
      List<String> found = validator.validateRequest(method, pathAndQuery, requestHeaders, text(requestBody));
      return found.isEmpty() ? null : "Bad Request: the request breaks the API spec: " + String.join("; ", found);
    };
  }

  /**
   * Every violation so far, oldest first.
   *
   * @return a snapshot
   */
  List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  private static @Nullable String text(byte @Nullable [] body) {
    return body == null ? null : new String(body, StandardCharsets.UTF_8);
  }
}
