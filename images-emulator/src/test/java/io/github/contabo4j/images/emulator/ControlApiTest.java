package io.github.contabo4j.images.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API's fault scripting, in this JVM: seeded-random faults, delays, pending counts, clearing. */
class ControlApiTest {
  private Emulator.Running running;
  private Raw raw;
  private String token;

  @BeforeEach
  void start() throws Exception {
    running = Emulator.start(Options.parse("--port", "0"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    raw = new Raw(running.baseUri());
    token = raw.token("a", "b", "c", "d");
  }

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void seededRandomErrorsHitOnlyTheirOperationsUntilCleared() throws Exception {
    Raw.Answer installed = raw.control("POST", "faults/random",
        "{\"seed\": 7, \"errorPercent\": 100, \"errorStatus\": 502, \"operations\": [\"retrieveCustomImagesStats\"]}");
    assertThat(installed.status()).as(installed.body()).isEqualTo(201);
    assertThat(raw.api("GET", "/v1/compute/images/stats", token, null).status()).isEqualTo(502);
    assertThat(raw.api("GET", "/v1/compute/images", token, null).status()).isEqualTo(200);
    assertThat(raw.control("DELETE", "faults", null).status()).isEqualTo(200);
    assertThat(raw.api("GET", "/v1/compute/images/stats", token, null).status()).isEqualTo(200);
  }

  @Test
  void theSameSeedFailsTheSameCalls() throws Exception {
    String profile = "{\"seed\": 42, \"errorPercent\": 50}";
    raw.control("POST", "faults/random", profile);
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      first.append(raw.api("GET", "/v1/compute/images", token, null).status()).append(' ');
    }
    raw.control("POST", "faults/random", profile);
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      second.append(raw.api("GET", "/v1/compute/images", token, null).status()).append(' ');
    }
    assertThat(second.toString()).isEqualTo(first.toString()).contains("500").contains("200");
  }

  @Test
  void pendingFaultsAreCountedAndUsedUpOnePerCall() throws Exception {
    raw.control("POST", "faults", "{\"operation\": \"retrieveImageList\", \"times\": 2, \"delayMillis\": 1}");
    JsonNode pending = raw.control("GET", "faults", null).json().get("pending");
    assertThat(pending.get("retrieveImageList").asInt()).isEqualTo(2);
    assertThat(pending.get("createCustomImage").asInt()).isZero();
    assertThat(raw.api("GET", "/v1/compute/images", token, null).status()).isEqualTo(200);
    assertThat(raw.control("GET", "faults", null).json().get("pending").get("retrieveImageList").asInt()).isEqualTo(1);
  }

  @Test
  void unknownFieldsAreNamedWithTheKnownOnes() throws Exception {
    Raw.Answer answer = raw.control("POST", "faults", "{\"operation\": \"deleteImage\", \"stauts\": 500}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("message").asText()).contains("unknown field 'stauts'").contains("status");
    Raw.Answer seed = raw.control("POST", "images", "[{\"name\": \"x\", \"colour\": \"red\"}]");
    assertThat(seed.status()).isEqualTo(400);
    assertThat(seed.json().get("message").asText()).contains("images[0].colour is not an image field");
    Raw.Answer late = raw.control("POST", "faults",
        "{\"operation\": \"deleteImage\", \"delayMillis\": 5, \"afterApplying\": true}");
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.json().get("message").asText()).contains("afterApplying does not go with delayMillis");
  }
}
