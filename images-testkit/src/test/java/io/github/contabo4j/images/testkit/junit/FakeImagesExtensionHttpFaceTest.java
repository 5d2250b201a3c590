package io.github.contabo4j.images.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An extension with an HTTP face: a fresh face per test, serving that test's fake, closed after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeImagesExtensionHttpFaceTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @RegisterExtension
  static FakeImagesExtension images = FakeImagesExtension.withHttpFace(FakeImages.builder().seedStandardImages(false))
      .faceOptions(face -> face.acceptToken("extension-test-token"));

  private static FakeImagesServer previousServer;

  @Test
  @Order(1)
  void theFaceServesThisTestsFake(FakeImagesServer server, FakeImages fake) throws Exception {
    assertThat(server).isSameAs(images.server());
    assertThat(fake).isSameAs(images.fake());
    assertThat(images.baseUri()).isEqualTo(server.baseUri()).hasScheme("http").hasHost("127.0.0.1");
    assertThat(images.token()).isEqualTo("extension-test-token");
    fake.seedCustomImage("served");

    HttpResponse<String> response = get(images.baseUri(), images.token());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"currentImagesCount\":1");
    previousServer = server;
  }

  @Test
  @Order(2)
  void theNextTestGetsAFreshFaceAndThePreviousOneIsClosed() throws Exception {
    assertThat(images.server()).isNotSameAs(previousServer);
    assertThatThrownBy(previousServer::baseUri).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");

    HttpResponse<String> response = get(images.baseUri(), images.token());

    assertThat(response.body()).as("a fresh fake behind it").contains("\"currentImagesCount\":0");
    previousServer = images.server();
  }

  @AfterEach
  void theFaceIsStillOpenInAfterEach(FakeImagesServer server) {
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @AfterAll
  static void theLastFaceIsClosedToo() {
    assertThatThrownBy(previousServer::baseUri).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(images::server).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no test is running");
  }

  private static HttpResponse<String> get(URI base, String token) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/compute/images/stats"))
        .header("Authorization", "Bearer " + token)
        .header("x-request-id", "04e0f898-37b4-48bc-a794-1a57abe6aa31")
        .timeout(Duration.ofSeconds(5))
        .GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
