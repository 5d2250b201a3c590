package io.github.contabo4j.images.testkit.http;

import static io.github.contabo4j.images.testkit.http.Http.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder hooks a standalone emulator needs: strict mode, any credentials, bind address, routes, bounded history. */
class FakeImagesServerHooksTest {
  private static final String IMAGE_ID = "ffffffff-0000-4000-8000-000000000001";

  @Test
  void strictModeRejectsAnExplicitNullNameThatTheDefaultModeAccepts() throws Exception {
    FakeImages fake = FakeImages.builder().seedStandardImages(false).build();
    Image web = fake.seedCustomImage("web");
    fake.restore(List.of(web.toBuilder().imageId(IMAGE_ID).standardImage(false).tags(List.of()).build()), List.of());
    try (FakeImagesServer lenient = FakeImagesServer.builder(fake).start();
        FakeImagesServer strict = FakeImagesServer.builder(fake).rejectOffSpecRequests(Http.SPEC).start()) {
      String body = "{\"name\": null, \"description\": \"d\"}";
      Map<String, String> h = headers(lenient.token());
      new Http(lenient.baseUri()).json("PATCH", "/v1/compute/images/" + IMAGE_ID, h, body);
      assertThat(fake.image(IMAGE_ID).orElseThrow().description()).isEqualTo("d");

      Http.Sent rejected = new Http(strict.baseUri())
          .json("PATCH", "/v1/compute/images/" + IMAGE_ID, headers(strict.token()), "{\"name\": null, \"description\": \"e\"}");
      rejected.error(400, "breaks the API spec");
      assertThat(rejected.json().get("message").asText()).contains("name");
      assertThat(fake.image(IMAGE_ID).orElseThrow().description()).isEqualTo("d");

      new Http(strict.baseUri())
          .json("PATCH", "/v1/compute/images/" + IMAGE_ID, headers(strict.token()), "{\"description\": \"e\"}")
          .valid();
      assertThat(fake.image(IMAGE_ID).orElseThrow().description()).isEqualTo("e");
    }
  }

  @Test
  void strictModeStillAnswers401BeforeValidating() throws Exception {
    try (FakeImagesServer strict = FakeImagesServer.builder(FakeImages.create()).rejectOffSpecRequests(Http.SPEC).start()) {
      new Http(strict.baseUri()).get("/v1/compute/images", Map.of("x-request-id", Http.REQUEST_ID)).error(401, "Unauthorized");
    }
  }

  @Test
  void anyCredentialsGetATokenButEachMustBeSent() throws Exception {
    try (FakeImagesServer server = FakeImagesServer.builder(FakeImages.create()).acceptAnyCredentials().start()) {
      HttpResponse<String> granted = token(server, "client_id=x&client_secret=y&grant_type=password&username=u&password=p");
      assertThat(granted.statusCode()).isEqualTo(200);
      assertThat(granted.body()).contains("access_token");
      HttpResponse<String> missing = token(server, "client_id=x&grant_type=password&username=u&password=p");
      assertThat(missing.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void theDefaultTokenEndpointStillRefusesOtherCredentials() throws Exception {
    try (FakeImagesServer server = FakeImagesServer.start(FakeImages.create())) {
      assertThat(token(server, "client_id=x&client_secret=y&grant_type=password&username=u&password=p").statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void aRouteServesItsPrefixAndTheApiIsUntouched() throws Exception {
    try (FakeImagesServer server = FakeImagesServer.builder(FakeImages.create())
        .route("/__control/", exchange -> {
          byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        })
        .start()) {
      Http http = new Http(server.baseUri());
      Http.Sent pong = http.get("/__control/ping", Map.of());
      assertThat(pong.status()).isEqualTo(200);
      assertThat(pong.response().body()).isEqualTo("pong");
      assertThat(http.get("/v1/compute/images", headers(server.token())).status()).isEqualTo(200);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void routesMayNotOverlapTheApiOrTheTokenEndpoint() {
    FakeImagesServer.Builder builder = FakeImagesServer.builder(FakeImages.create());
    for (String prefix : new String[] {"/", "/v1/", "/v1/compute/", "/auth/", "/V1/", "nope/", "/x"}) {
      assertThatThrownBy(() -> builder.route(prefix, exchange -> exchange.close()))
          .as(prefix).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("route prefix");
    }
  }

  @Test
  void theRequestHistoryIsBoundedWhileTheCountGoesOn() throws Exception {
    try (FakeImagesServer server = FakeImagesServer.builder(FakeImages.create()).requestHistoryLimit(2).start()) {
      Http http = new Http(server.baseUri());
      for (int i = 1; i <= 3; i++) {
        http.get("/v1/compute/images?page=" + i, headers(server.token()));
      }
      assertThat(server.requestCount()).isEqualTo(3);
      assertThat(server.requests()).extracting(FakeImagesServer.RecordedRequest::query)
          .containsExactly("page=2", "page=3");
    }
    assertThatThrownBy(() -> FakeImagesServer.builder(FakeImages.create()).requestHistoryLimit(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBindAddressIsUsedAndShownInTheBaseUri() throws Exception {
    try (FakeImagesServer server = FakeImagesServer.builder(FakeImages.create())
        .bindAddress(InetAddress.getByName("127.0.0.1")).start()) {
      assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
      assertThat(new Http(server.baseUri()).get("/v1/compute/images", headers(server.token())).status()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> token(FakeImagesServer server, String form) throws IOException, InterruptedException {
    URI uri = server.tokenEndpoint();
    return new Http(server.baseUri()).client.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
