package io.github.contabo4j.images.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every contender makes the same call and gets the same records: the benchmark compares like with like. */
class ContendersTest {
  private static final String UUID4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  private static final Queue<Map<String, String>> REQUESTS = new ConcurrentLinkedQueue<>();
  private static CannedServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = CannedServer.start(0, ContendersTest::record);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static void record(Map<String, String> headers) {
    REQUESTS.add(new HashMap<>(headers));
  }

  @Test
  void everyContenderParsesTheCannedAnswersIntoTheSameRecords() {
    Image expectedImage = (Image) ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE, Canned.IMAGE);
    @SuppressWarnings("unchecked")
    Page<Image> expectedPage = (Page<Image>) ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE_LIST, Canned.LIST);
    assertThat(expectedImage.imageId()).isEqualTo(Contender.IMAGE_ID);
    assertThat(expectedPage.items()).hasSize(Contender.PAGE_SIZE);

    for (String name : List.of(Contender.RAW, Contender.RAW_HC5, Contender.JDK, Contender.FEIGN)) {
      try (Contender contender = Contender.open(name, server.baseUri())) {
        assertThat(contender.get()).as(name).isEqualTo(expectedImage);
        assertThat(contender.list()).as(name).isEqualTo(expectedPage);
      }
    }
  }

  @Test
  void everyContenderSendsTheTokenAndAFreshUuid4PerRequest() {
    REQUESTS.clear();
    for (String name : List.of(Contender.RAW, Contender.RAW_HC5, Contender.JDK, Contender.FEIGN)) {
      try (Contender contender = Contender.open(name, server.baseUri())) {
        contender.get();
        contender.get();
      }
    }
    assertThat(REQUESTS).hasSize(8).allSatisfy(headers -> {
      assertThat(headers).containsEntry("authorization", "Bearer " + Contender.TOKEN);
      assertThat(headers.get("x-request-id")).matches(UUID4);
      assertThat(headers).containsEntry("accept", "application/json").containsKey("user-agent");
    });
    assertThat(REQUESTS.stream().map(h -> h.get("x-request-id")).distinct()).hasSize(8);
  }

  @Test
  void theRateLimitOfTheBenchPolicyNeverThrottlesWhileTheRestStaysDefault() {
    assertThat(Contender.BENCH_POLICY.permitsPerPeriod()).isEqualTo(1_000_000);
    assertThat(Contender.BENCH_POLICY.toBuilder().rateLimit(10, java.time.Duration.ofSeconds(1)).build())
        .isEqualTo(io.github.contabo4j.images.resilience.ResiliencePolicy.defaults());
  }

  @Test
  void theStreamWalksEverySeededImage() {
    assertThat(StreamBenchmark.seeded(1_234).streamImages(StreamBenchmark.QUERY).count()).isEqualTo(1_234);
  }
}
