package io.github.contabo4j.images.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain {@code java.net.http} requests, with no code of this library, drive the OAuth2 endpoint, the
 * Images API and the control API of the real jar, as a tool in another language would.
 */
// Each start waits for the start-up line, not a sleep; the bound is generous for a loaded machine.
@Timeout(120)
class RawHttpIT {
  private static final String CREATE =
      "{\"name\":\"raw\",\"url\":\"https://example.com/raw.qcow2\",\"osType\":\"Linux\",\"version\":\"1\"}";

  @TempDir static Path dir;
  private static EmulatorProcess emulator;
  private static Raw raw;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    emulator = EmulatorProcess.start(dir, "--fail-downloads", "broken", "--download-error", "checksum mismatch");
    raw = new Raw(emulator.baseUri());
    token = raw.token("my-client", "my-secret", "me@example.com", "pw");
  }

  @AfterAll
  static void stop() throws Exception {
    emulator.close();
  }

  @Test
  void theStartUpLineAndThePortFileAgree() {
    assertThat(emulator.portFromFile()).isEqualTo(emulator.baseUri().getPort());
    assertThat(emulator.tokenUri().getPath()).isEqualTo("/auth/realms/contabo/protocol/openid-connect/token");
    assertThat(emulator.output()).contains("accepts any client id");
  }

  @Test
  void theTokenEndpointIssuesABearerTheApiAcceptsAndRefusesOthers() throws Exception {
    assertThat(raw.api("GET", "/v1/compute/images?size=100&standardImage=true", token, null).json().get("data")).hasSize(15);
    assertThat(raw.api("GET", "/v1/compute/images", "not-issued", null).status()).isEqualTo(401);
    Raw.Answer refused = raw.send(HttpRequest.newBuilder(emulator.tokenUri())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=a")));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void healthSaysUp() throws Exception {
    JsonNode health = raw.control("GET", "health", null).json();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("version").asText()).isNotBlank();
  }

  @Test
  void advancingTheClockFinishesDownloadsAndFailingUrlsEndInError() throws Exception {
    String good = created(raw.api("POST", "/v1/compute/images", token, CREATE));
    String bad = created(raw.api("POST", "/v1/compute/images", token,
        CREATE.replace("raw.qcow2", "broken.qcow2")));
    assertThat(image(good).get("status").asText()).isEqualTo("downloading");
    Raw.Answer advanced = raw.control("POST", "clock/advance", "{\"duration\": \"PT30S\"}");
    assertThat(advanced.status()).isEqualTo(200);
    assertThat(advanced.json().get("offsetMillis").asLong()).isGreaterThanOrEqualTo(30_000);
    assertThat(image(good).get("status").asText()).isEqualTo("downloaded");
    assertThat(image(bad).get("status").asText()).isEqualTo("error");
    assertThat(image(bad).get("errorMessage").asText()).isEqualTo("checksum mismatch");
  }

  @Test
  void aScriptedStatusComesWithItsRetryAfterThenTheCallsSucceedAgain() throws Exception {
    Raw.Answer scripted = raw.control("POST", "faults",
        "{\"operation\":\"retrieveCustomImagesStats\",\"times\":2,\"status\":503,\"retryAfterSeconds\":7}");
    assertThat(scripted.status()).as(scripted.body()).isEqualTo(201);
    assertThat(scripted.json().get("pending").get("retrieveCustomImagesStats").asInt()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      Raw.Answer failed = raw.api("GET", "/v1/compute/images/stats", token, null);
      assertThat(failed.status()).isEqualTo(503);
      assertThat(failed.response().headers().firstValue("Retry-After")).contains("7");
      assertThat(failed.json().get("statusCode").asInt()).isEqualTo(503);
    }
    assertThat(raw.api("GET", "/v1/compute/images/stats", token, null).status()).isEqualTo(200);
  }

  @Test
  void aDroppedConnectionAfterApplyingLeavesTheImageCreated() throws Exception {
    raw.control("POST", "faults", "{\"operation\":\"createCustomImage\",\"drop\":true,\"afterApplying\":true}");
    String requestId = UUID.randomUUID().toString();
    assertThatThrownBy(() -> raw.send(HttpRequest.newBuilder(emulator.baseUri().resolve("/v1/compute/images"))
        .header("Authorization", "Bearer " + token).header("x-request-id", requestId)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(CREATE.replace("\"raw\"", "\"dropped\"")))))
        .isInstanceOf(IOException.class);
    JsonNode audits = raw.api("GET", "/v1/compute/images/audits?requestId=" + requestId, token, null).json();
    assertThat(audits.get("data")).hasSize(1);
    assertThat(audits.get("data").get(0).get("action").asText()).isEqualTo("CREATED");
  }

  @Test
  void theJournalListsMethodPathRequestIdAndStatusBounded() throws Exception {
    Raw.Answer answer = raw.api("GET", "/v1/compute/images/no-such-image", token, null);
    assertThat(answer.status()).isEqualTo(404);
    JsonNode journal = raw.control("GET", "journal?limit=1", null).json();
    assertThat(journal.get("requests")).hasSize(1);
    JsonNode last = journal.get("requests").get(0);
    assertThat(last.get("method").asText()).isEqualTo("GET");
    assertThat(last.get("path").asText()).isEqualTo("/v1/compute/images/no-such-image");
    assertThat(last.get("requestId").asText()).isEqualTo(answer.response().request().headers()
        .firstValue("x-request-id").orElseThrow());
    assertThat(last.get("status").asInt()).isEqualTo(404);
    assertThat(raw.control("GET", "journal?limit=100000", null).status()).isEqualTo(400);
  }

  @Test
  void theDefaultModeReadsExplicitNullsAsAbsent() throws Exception {
    String id = created(raw.api("POST", "/v1/compute/images", token,
        CREATE.replace("}", ",\"description\":null}")));
    assertThat(image(id).get("description").asText()).isEmpty();
    Raw.Answer patched = raw.api("PATCH", "/v1/compute/images/" + id, token, "{\"name\": null, \"description\": \"d\"}");
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(image(id).get("name").asText()).isEqualTo("raw");
    assertThat(image(id).get("description").asText()).isEqualTo("d");
  }

  @Test
  void badControlInputGets400NamingTheProblem() throws Exception {
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"faults", "{\"operation\":\"nope\",\"status\":503}", "operation must be one of"});
    cases.add(new String[] {"faults", "{\"operation\":\"deleteImage\"}", "exactly one of"});
    cases.add(new String[] {"faults", "{\"operation\":\"deleteImage\",\"status\":200}", "status must be"});
    cases.add(new String[] {"faults/random", "{\"errorPercent\":10}", "seed is required"});
    cases.add(new String[] {"clock/advance", "{\"seconds\":-5}", "seconds must be"});
    cases.add(new String[] {"images", "{\"images\":[{\"url\":\"https://x/y.iso\"}]}", "images[0].name is required"});
    cases.add(new String[] {"images", "not json", "not JSON"});
    for (String[] c : cases) {
      Raw.Answer answer = raw.control("POST", c[0], c[1]);
      assertThat(answer.status()).as(c[0] + " " + c[1]).isEqualTo(400);
      assertThat(answer.json().get("message").asText()).as(c[1]).contains(c[2]);
    }
    assertThat(raw.control("GET", "nothing-here", null).status()).isEqualTo(404);
    assertThat(raw.control("GET", "reset", null).status()).isEqualTo(405);
  }

  @Test
  void seededImagesAreServedAndResetForgetsThem() throws Exception {
    String id = "0b9c9f4e-1c39-4c36-9d55-3a1f7a0c0001";
    Raw.Answer seeded = raw.control("POST", "images",
        "{\"images\":[{\"imageId\":\"" + id + "\",\"name\":\"seeded\",\"sizeMb\":2048}]}");
    assertThat(seeded.status()).as(seeded.body()).isEqualTo(201);
    assertThat(image(id).get("sizeMb").asLong()).isEqualTo(2048);
    assertThat(image(id).get("status").asText()).isEqualTo("downloaded");
    // reset also forgets what the other tests created; they do not depend on it
    Raw.Answer reset = raw.control("POST", "reset", null);
    assertThat(reset.status()).isEqualTo(200);
    assertThat(raw.api("GET", "/v1/compute/images/" + id, token, null).status()).isEqualTo(404);
  }

  private static String created(Raw.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("data").get(0).get("imageId").asText();
  }

  private static JsonNode image(String id) throws Exception {
    Raw.Answer answer = raw.api("GET", "/v1/compute/images/" + id, token, null);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("data").get(0);
  }
}
