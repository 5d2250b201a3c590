package io.github.contabo4j.images.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Validates HTTP traffic against the vendor's OpenAPI document ({@code contabo-images-openapi.yaml},
 * loaded from the classpath, where {@code images-testkit} ships the copy this project was built
 * against), using {@code com.atlassian.oai:swagger-request-validator-core}, an optional dependency of
 * the testkit that a test using this class must have on its classpath.
 *
 * <p>One relaxation, made here and nowhere else: the spec documents no 4xx/5xx bodies except
 * create's 415, so for an error status (400 and above) the rule "response status not documented" is
 * ignored. Everything else, request headers, the {@code x-request-id} pattern, the bearer, query
 * parameters, bodies and required response properties, is checked.
 *
 * <p>Thread-safe; load it once per test class, it takes a moment to parse the spec.
 */
public final class SpecValidator {
  /** Where {@code images-testkit} ships the vendor spec. */
  public static final String SPEC_RESOURCE = "io/github/contabo4j/images/testkit/contabo-images-openapi.yaml";

  private static final String UNKNOWN_STATUS = "validation.response.status.unknown";

  private final OpenApiInteractionValidator validator;

  private SpecValidator(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /**
   * Loads the vendor spec from the classpath.
   *
   * @return the validator
   */
  public static SpecValidator load() {
    try (InputStream in = SpecValidator.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath (it ships in images-testkit)");
      }
      String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new SpecValidator(OpenApiInteractionValidator.createForInlineApiSpecification(spec).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates one exchange.
   *
   * @param method the HTTP method
   * @param pathAndQuery the raw path with its encoded query, e.g. {@code /v1/compute/images?page=1}
   * @param requestHeaders the request headers
   * @param requestBody the request body, or null
   * @param status the response status
   * @param responseHeaders the response headers
   * @param responseBody the response body, or null
   * @return the violations, empty when the exchange conforms
   */
  public List<String> validate(
      String method,
      String pathAndQuery,
      Map<String, List<String>> requestHeaders,
      @Nullable String requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      @Nullable String responseBody) {
    Request request = request(method, pathAndQuery, requestHeaders, requestBody);
    SimpleResponse.Builder response = new SimpleResponse.Builder(status);
    responseHeaders.forEach((name, values) -> response.withHeader(name, values));
    if (responseBody != null && !responseBody.isEmpty()) {
      response.withBody(responseBody);
    }
    return violations(validator.validate(request, response.build()), status);
  }

  /**
   * Validates a request alone (for requests that were rejected before an answer was made).
   *
   * @param method the HTTP method
   * @param pathAndQuery the raw path with its encoded query
   * @param requestHeaders the request headers
   * @param requestBody the request body, or null
   * @return the violations, empty when the request conforms
   */
  public List<String> validateRequest(
      String method, String pathAndQuery, Map<String, List<String>> requestHeaders, @Nullable String requestBody) {
    return violations(validator.validateRequest(request(method, pathAndQuery, requestHeaders, requestBody)), 0);
  }

  /**
   * Validates one exchange and throws when it breaks the spec.
   *
   * @param method the HTTP method
   * @param pathAndQuery the raw path with its encoded query
   * @param requestHeaders the request headers
   * @param requestBody the request body, or null
   * @param status the response status
   * @param responseHeaders the response headers
   * @param responseBody the response body, or null
   * @throws AssertionError listing every violation
   */
  public void assertValid(
      String method,
      String pathAndQuery,
      Map<String, List<String>> requestHeaders,
      @Nullable String requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      @Nullable String responseBody) {
    List<String> problems =
        validate(method, pathAndQuery, requestHeaders, requestBody, status, responseHeaders, responseBody);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "spec violation in " + method + " " + pathAndQuery + " -> " + status + ":\n  " + String.join("\n  ", problems));
    }
  }

  private static Request request(
      String method, String pathAndQuery, Map<String, List<String>> headers, @Nullable String body) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), path);
    headers.forEach((name, values) -> builder.withHeader(name, values));
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        builder.withQueryParam(name, value);
      }
    }
    if (body != null && !body.isEmpty()) {
      builder.withBody(body);
    }
    return builder.build();
  }

  private static List<String> violations(ValidationReport report, int status) {
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      if (status >= 400 && UNKNOWN_STATUS.equals(message.getKey())) {
        continue; // the spec documents no error bodies but create's 415: the one relaxation
      }
      out.add(message.getKey() + ": " + message.getMessage());
    }
    return out;
  }
}
