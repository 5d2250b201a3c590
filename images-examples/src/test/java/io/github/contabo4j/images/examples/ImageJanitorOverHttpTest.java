package io.github.contabo4j.images.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.MutableClock;
import io.github.contabo4j.images.testkit.junit.FakeImagesExtension;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service through a real transport and the fake's HTTP face: the wire, the client's built-in
 * retries and the service together. The client waits on the fake's virtual clock.
 */
class ImageJanitorOverHttpTest {
  @RegisterExtension
  static FakeImagesExtension images = FakeImagesExtension.withHttpFace(
      () -> FakeImages.builder().clock(MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"))).build());

  @Test
  void sweepsThroughTheJdkClientWhichRetriesA429ByItself() {
    MutableClock clock = (MutableClock) images.fake().clock();
    Image old = images.fake().seedCustomImage("web");
    clock.advance(Duration.ofMinutes(1));
    Image current = images.fake().seedCustomImage("web");
    images.fake().faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST).rateLimited(Duration.ofSeconds(3));
    List<Duration> waits = new ArrayList<>();

    ImageJanitor.Result result;
    try (JdkImagesClient client = JdkImagesClient.builder()
        .baseUri(images.baseUri())
        .token(images.token())
        .clock(clock)
        .sleeper(duration -> {
          waits.add(duration);
          clock.advance(duration);
        })
        .build()) {
      result = new ImageJanitor(client, 1).sweep();
    }

    assertThat(result.deleted()).extracting(Image::imageId).containsExactly(old.imageId());
    assertThat(result.kept()).extracting(Image::imageId).containsExactly(current.imageId());
    assertThat(waits).contains(Duration.ofSeconds(3));
    assertThat(images.server().requests()).filteredOn(r -> r.status() == 429).hasSize(1);
  }
}
