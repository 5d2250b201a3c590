package io.github.contabo4j.images.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Strict mode of the real jar: what the vendor spec rejects gets the service's 400 error body. */
// Each start waits for the start-up line, not a sleep; the bound is generous for a loaded machine.
@Timeout(120)
class StrictModeIT {
  @TempDir Path dir;

  @Test
  void strictModeRejectsANullNameAndAcceptsTheSameRequestWithoutIt() throws Exception {
    try (EmulatorProcess emulator = EmulatorProcess.start(dir, "--strict")) {
      assertThat(emulator.output()).contains("strict mode");
      Raw raw = new Raw(emulator.baseUri());
      String token = raw.token("c", "s", "u", "p");
      Raw.Answer created = raw.api("POST", "/v1/compute/images", token,
          "{\"name\":\"s\",\"url\":\"https://example.com/s.qcow2\",\"osType\":\"Linux\",\"version\":\"1\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = created.json().get("data").get(0).get("imageId").asText();

      Raw.Answer rejected = raw.api("PATCH", "/v1/compute/images/" + id, token, "{\"name\": null, \"description\": \"d\"}");
      assertThat(rejected.status()).isEqualTo(400);
      assertThat(rejected.json().get("statusCode").asInt()).isEqualTo(400);
      assertThat(rejected.json().get("message").asText()).contains("breaks the API spec").contains("name");

      Raw.Answer accepted = raw.api("PATCH", "/v1/compute/images/" + id, token, "{\"description\": \"d\"}");
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

      Raw.Answer nullDescription = raw.api("POST", "/v1/compute/images", token,
          "{\"name\":\"s\",\"url\":\"https://example.com/s.qcow2\",\"osType\":\"Linux\",\"version\":\"1\",\"description\":null}");
      assertThat(nullDescription.status()).isEqualTo(400);
    }
  }
}
