package io.github.contabo4j.images.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The state file of the real jar: SIGKILL loses no acknowledged change, SIGTERM flushes, one emulator per file. */
// Each start waits for the start-up line, not a sleep; the bound is generous for a loaded machine.
@Timeout(120)
class StateFileIT {
  private static final String CREATE =
      "{\"name\":\"kept-%d\",\"url\":\"https://example.com/k%d.qcow2\",\"osType\":\"Linux\",\"version\":\"1\"}";

  @TempDir Path dir;

  @Test
  void aSigkillAndARestartOnTheSameStateFileKeepEveryCreatedImage() throws Exception {
    Path state = dir.resolve("state.json");
    List<String> ids = new ArrayList<>();
    long offset;
    try (EmulatorProcess first = EmulatorProcess.start(dir, "--state", state.toString())) {
      Raw raw = new Raw(first.baseUri());
      String token = raw.token("c", "s", "u", "p");
      for (int i = 0; i < 3; i++) {
        Raw.Answer created = raw.api("POST", "/v1/compute/images", token, String.format(CREATE, i, i));
        assertThat(created.status()).isEqualTo(201);
        ids.add(created.json().get("data").get(0).get("imageId").asText());
      }
      offset = raw.control("POST", "clock/advance", "{\"seconds\": 5}").json().get("offsetMillis").asLong();
      // killed right after the last acknowledged call: no shutdown hook runs
      assertThat(first.kill()).isEqualTo(137);
    }

    try (EmulatorProcess second = EmulatorProcess.start(dir, "--state", state.toString())) {
      assertThat(second.output()).contains("loaded 18 images and 3 audit entries");
      Raw raw = new Raw(second.baseUri());
      String token = raw.token("c", "s", "u", "p");
      for (int i = 0; i < 3; i++) {
        Raw.Answer image = raw.api("GET", "/v1/compute/images/" + ids.get(i), token, null);
        assertThat(image.status()).as(image.body()).isEqualTo(200);
        assertThat(image.json().get("data").get(0).get("name").asText()).isEqualTo("kept-" + i);
      }
      assertThat(raw.api("GET", "/v1/compute/images/audits", token, null).json().get("data")).hasSize(3);
      assertThat(raw.control("GET", "clock", null).json().get("offsetMillis").asLong()).isEqualTo(offset);

      EmulatorProcess.Finished refused = EmulatorProcess.run(dir, "--port", "0", "--state", state.toString());
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.output()).contains("is in use by another emulator").contains(state.getFileName().toString());

      raw.api("DELETE", "/v1/compute/images/" + ids.get(0), token, null);
      assertThat(second.terminate()).as("exit code after SIGTERM").isEqualTo(143);
    }
    JsonNode saved = Raw.JSON.readTree(Files.readString(state));
    assertThat(saved.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(saved.get("images").findValuesAsText("imageId")).doesNotContain(ids.get(0)).contains(ids.get(1), ids.get(2));
    assertThat(dir.resolve("state.json.tmp")).doesNotExist();
  }
}
