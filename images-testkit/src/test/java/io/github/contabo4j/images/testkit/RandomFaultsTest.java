package io.github.contabo4j.images.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomFaultsTest {

  /** Runs 200 list calls and describes each outcome: latency, then ok / failure / status. */
  private static List<String> run(long seed) {
    List<Duration> waits = new ArrayList<>();
    FakeImages fake = FakeImages.builder()
        .clock(MutableClock.at(Instant.parse("2024-06-03T08:00:00Z")))
        .sleeper(waits::add)
        .build();
    fake.faults().random(RandomFaults.builder(new Random(seed))
        .latency(Duration.ofMillis(200)).latencyVariancePercent(50)
        .failurePercent(10).errorPercent(20).build());
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String outcome;
      try {
        fake.retrieveImageList(ImageListQuery.all());
        outcome = "ok";
      } catch (ImagesTransportException e) {
        outcome = "failure:" + e.failure();
      } catch (ImagesServiceException e) {
        outcome = "error:" + e.statusCode();
      }
      outcomes.add(waits.get(waits.size() - 1).toMillis() + "ms " + outcome);
    }
    return outcomes;
  }

  @Test
  void theSameSeedRepeatsTheSameRun() {
    List<String> first = run(42);

    assertThat(run(42)).isEqualTo(first);
    assertThat(run(43)).isNotEqualTo(first);
  }

  @Test
  void ratesAndLatencyFollowTheProfile() {
    List<String> outcomes = run(7);

    long failures = outcomes.stream().filter(o -> o.contains("failure:CONNECTION_CLOSED")).count();
    long errors = outcomes.stream().filter(o -> o.contains("error:500")).count();
    // 10 % of 200 and 20 % of the remaining 90 %: expected 20 and 36; wide bounds, fixed seed.
    assertThat(failures).isBetween(8L, 35L);
    assertThat(errors).isBetween(18L, 55L);
    assertThat(outcomes).allSatisfy(o -> {
      long ms = Long.parseLong(o.substring(0, o.indexOf("ms")));
      assertThat(ms).isBetween(100L, 300L);
    });
  }

  @Test
  void zeroPercentNeverFailsAndHundredAlwaysDoes() {
    FakeImages calm = FakeImages.create();
    calm.faults().random(RandomFaults.builder(new Random(1)).failurePercent(0).errorPercent(0).build());
    FakeImages stormy = FakeImages.create();
    stormy.faults().random(RandomFaults.builder(new Random(1)).errorPercent(100).errorStatus(503).build());

    for (int i = 0; i < 50; i++) {
      calm.retrieveCustomImagesStats();
      assertThatThrownBy(stormy::retrieveCustomImagesStats)
          .isInstanceOfSatisfying(ImagesServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }
  }

  @Test
  void aProfileCanBeLimitedToSomeOperations() {
    FakeImages fake = FakeImages.create();
    fake.faults().random(RandomFaults.builder(new Random(3)).failurePercent(100)
        .operations(ImagesOperation.CREATE_CUSTOM_IMAGE).build());

    fake.retrieveCustomImagesStats();
    fake.retrieveImageList(ImageListQuery.all());

    assertThat(fake.faults().pending(ImagesOperation.CREATE_CUSTOM_IMAGE)).isZero();
    assertThatThrownBy(() -> fake.createCustomImage(io.github.contabo4j.images.CreateCustomImage.of(
        "x", "https://images.example.com/x.iso", io.github.contabo4j.images.OsType.LINUX, "1")))
        .isInstanceOf(ImagesException.class);
    assertThat(fake.retrieveCustomImagesStats().currentImagesCount()).isZero();
  }

  @Test
  void aScriptedFaultWinsOverTheRandomDraw() {
    FakeImages fake = FakeImages.create();
    fake.faults().random(RandomFaults.builder(new Random(5)).errorPercent(100).build())
        .next(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS).serverError(504);

    assertThatThrownBy(fake::retrieveCustomImagesStats)
        .isInstanceOfSatisfying(ImagesServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(504));
    assertThatThrownBy(fake::retrieveCustomImagesStats)
        .isInstanceOfSatisfying(ImagesServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 101, Integer.MIN_VALUE})
  void percentagesOutsideZeroToHundredAreRejected(int percent) {
    RandomFaults.Builder builder = RandomFaults.builder(new Random(1));

    assertThatThrownBy(() -> builder.failurePercent(percent)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failurePercent must be between 0 and 100 (inclusive), was " + percent);
    assertThatThrownBy(() -> builder.errorPercent(percent)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("errorPercent must be between 0 and 100");
    assertThatThrownBy(() -> builder.latencyVariancePercent(percent)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("latencyVariancePercent must be between 0 and 100");
  }

  @Test
  void otherSettingsAreCheckedToo() {
    RandomFaults.Builder builder = RandomFaults.builder(new Random(1));

    assertThatThrownBy(() -> RandomFaults.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("random == null");
    assertThatThrownBy(() -> builder.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.errorStatus(302)).isInstanceOf(IllegalArgumentException.class);
    assertThat(builder.failurePercent(0).failurePercent(100).build().failurePercent()).isEqualTo(100);
  }
}
