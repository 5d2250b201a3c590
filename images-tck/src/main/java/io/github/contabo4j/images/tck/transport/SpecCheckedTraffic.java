package io.github.contabo4j.images.tck.transport;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.contabo4j.images.testkit.SpecValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks what a WireMock server saw against the vendor spec: every request always, and every answer
 * unless the test deliberately served an off-spec one. Thread-safe; holds one {@link SpecValidator}.
 */
public final class SpecCheckedTraffic {
  private final SpecValidator validator;

  /**
   * Wraps a loaded validator.
   *
   * @param validator the vendor-spec validator, loaded once per test class
   */
  public SpecCheckedTraffic(SpecValidator validator) {
    this.validator = validator;
  }

  /**
   * Validates every exchange and throws when one breaks the spec.
   *
   * @param events the server's serve events, e.g. {@code wireMock.getAllServeEvents()}
   * @param checkResponses false when the test served non-spec answers on purpose (garbage 2xx
   *     bodies); requests are checked either way
   * @throws AssertionError listing every violation, per exchange
   */
  public void assertConforms(List<ServeEvent> events, boolean checkResponses) {
    List<String> problems = new ArrayList<>();
    for (ServeEvent event : events) {
      LoggedRequest request = event.getRequest();
      LoggedResponse response = event.getResponse();
      String method = request.getMethod().getName();
      Map<String, List<String>> requestHeaders = headers(request.getHeaders());
      String requestBody = text(request.getBodyAsString());
      List<String> found;
      String answer;
      if (!checkResponses || response == null || response.getFault() != null) {
        found = validator.validateRequest(method, request.getUrl(), requestHeaders, requestBody);
        answer = response != null && response.getFault() != null ? "fault " + response.getFault() : "(not checked)";
      } else {
        found = validator.validate(method, request.getUrl(), requestHeaders, requestBody,
            response.getStatus(), headers(response.getHeaders()), text(response.getBodyAsString()));
        answer = String.valueOf(response.getStatus());
      }
      for (String problem : found) {
        problems.add(method + " " + request.getUrl() + " -> " + answer + ": " + problem);
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("traffic breaks the vendor spec:\n  " + String.join("\n  ", problems));
    }
  }

  private static Map<String, List<String>> headers(@Nullable HttpHeaders headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (headers != null) {
      for (HttpHeader header : headers.all()) {
        out.put(header.key(), header.values());
      }
    }
    return out;
  }

  private static @Nullable String text(@Nullable String body) {
    return body == null || body.isEmpty() ? null : body;
  }
}
