package io.github.contabo4j.images.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.contabo4j.images.internal.wire.WireJson;
import io.github.contabo4j.images.testkit.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A raw HTTP/1.1 client for the tests, with spec validation of what it sent and got. */
final class Http {
  static final SpecValidator SPEC = SpecValidator.load();
  static final String REQUEST_ID = "04e0f898-37b4-48bc-a794-1a57abe6aa31";

  final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  /** A request and what came back. */
  record Sent(String method, String pathAndQuery, Map<String, List<String>> headers, String body,
      HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    JsonNode json() {
      try {
        return WireJson.MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Asserts the whole exchange conforms to the vendor spec. */
    Sent valid() {
      SPEC.assertValid(method, pathAndQuery, headers, body, status(), response.headers().map(), response.body());
      return this;
    }

    /** Asserts the answer is the service's error body with this status. */
    Sent error(int status, String messagePart) {
      assertThat(status()).as(response.body()).isEqualTo(status);
      assertThat(json().get("statusCode").asInt()).isEqualTo(status);
      assertThat(json().get("message").asText()).contains(messagePart);
      return this;
    }
  }

  /** The usual headers: a static bearer, a request id, JSON. */
  static Map<String, String> headers(String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + token);
    headers.put("x-request-id", REQUEST_ID);
    headers.put("Accept", "application/json");
    return headers;
  }

  Sent send(String method, String pathAndQuery, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    Map<String, List<String>> sent = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      request.header(name, value);
      sent.put(name, List.of(value));
    });
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Sent(method, pathAndQuery, sent, body, response);
  }

  Sent get(String pathAndQuery, Map<String, String> headers) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, headers, null);
  }

  Sent json(String method, String path, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    Map<String, String> withType = new LinkedHashMap<>(headers);
    withType.putIfAbsent("Content-Type", "application/json");
    return send(method, path, withType, body);
  }
}
