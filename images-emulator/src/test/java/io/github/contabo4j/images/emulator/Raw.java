package io.github.contabo4j.images.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Plain {@code java.net.http} against the emulator, with no code of this library: what a tool in
 * another language does.
 */
final class Raw {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  Raw(URI base) {
    this.base = base;
  }

  record Answer(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }
  }

  /** A token by the password grant. */
  String token(String clientId, String clientSecret, String user, String password) throws Exception {
    Answer answer = send(HttpRequest.newBuilder(base.resolve("/auth/realms/contabo/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + enc(clientId)
            + "&client_secret=" + enc(clientSecret) + "&username=" + enc(user) + "&password=" + enc(password))));
    if (answer.status() != 200) {
      throw new AssertionError("token request answered " + answer.status() + ": " + answer.body());
    }
    return answer.json().get("access_token").asText();
  }

  Answer api(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + token)
        .header("x-request-id", UUID.randomUUID().toString());
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request.method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer control(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/__emulator/" + path));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request.method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
