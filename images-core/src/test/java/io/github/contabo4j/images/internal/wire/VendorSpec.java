package io.github.contabo4j.images.internal.wire;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendor spec the testkit ships, as a request validator. Core's tests cannot use the testkit's
 * SpecValidator (the testkit depends on core), so they drive the Atlassian validator directly; the
 * core pom puts the testkit's copy of the spec on their classpath. Loaded once; thread-safe.
 */
final class VendorSpec {
  static final String RESOURCE = "io/github/contabo4j/images/testkit/contabo-images-openapi.yaml";
  private static final OpenApiInteractionValidator VALIDATOR = load();

  private VendorSpec() {}

  /** Every error-level violation of the request, empty when it conforms. */
  static List<String> violations(WireRequest request) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(request.method()), request.path());
    request.headers().forEach((name, value) -> builder.withHeader(name, value));
    decodedQuery(request.query()).forEach(builder::withQueryParam);
    if (request.body() != null) {
      builder.withBody(new String(request.body(), StandardCharsets.UTF_8));
    }
    return violations(builder.build());
  }

  static List<String> violations(Request request) {
    ValidationReport report = VALIDATOR.validateRequest(request);
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        out.add(message.getKey() + ": " + message.getMessage());
      }
    }
    return out;
  }

  /** The query string decoded into parameter name to values, repeated names kept in order. */
  static Map<String, List<String>> decodedQuery(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new AssertionError("query parameter without '=': " + pair);
      }
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static OpenApiInteractionValidator load() {
    try (InputStream in = VendorSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return OpenApiInteractionValidator
          .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
