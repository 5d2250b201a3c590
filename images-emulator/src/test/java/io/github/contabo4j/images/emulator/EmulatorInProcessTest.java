package io.github.contabo4j.images.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator started in this JVM: start-up lines, seed file, control token, control off, state-file refusals. */
class EmulatorInProcessTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private Emulator.Running start(String... args) throws Exception {
    String[] all = new String[args.length + 2];
    all[0] = "--port";
    all[1] = "0";
    System.arraycopy(args, 0, all, 2, args.length);
    return Emulator.start(Options.parse(all), new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theLastStartUpLineNamesTheBaseAndTokenUrls() throws Exception {
    try (Emulator.Running running = start()) {
      String[] lines = printed().split("\n");
      assertThat(lines[lines.length - 1]).isEqualTo(Emulator.READY + Emulator.version() + " ready: base URL "
          + running.baseUri() + " token URL " + running.baseUri() + "/auth/realms/contabo/protocol/openid-connect/token");
      assertThat(printed()).contains("accepts any client id");
    }
  }

  @Test
  void aSeedFileAddsItsImagesWithDefaultsForWhatItLeavesOut() throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, "{\"images\":[{\"name\":\"Golden\"},"
        + "{\"imageId\":\"0b9c9f4e-1c39-4c36-9d55-3a1f7a0c0002\",\"name\":\"iso\",\"url\":\"https://x.example/a.iso\","
        + "\"osType\":\"Windows\",\"status\":\"downloading\"}]}");
    try (Emulator.Running running = start("--seed", seed.toString(), "--no-standard-images")) {
      var images = running.state().fake().images();
      assertThat(images).hasSize(2);
      assertThat(images.get(0).name()).isEqualTo("Golden");
      assertThat(images.get(0).url()).isEqualTo("https://images.example.com/golden.qcow2");
      assertThat(images.get(0).sizeMb()).isEqualTo(1024);
      assertThat(images.get(1).format().value()).isEqualTo("iso");
      assertThat(images.get(1).isDownloading()).isTrue();
    }
  }

  @Test
  void aBadSeedFileStopsTheStartNamingTheField() {
    assertThatThrownBy(() -> {
      Path seed = dir.resolve("seed.json");
      Files.writeString(seed, "[{\"name\":\"a\",\"sizeMb\":\"big\"}]");
      start("--seed", seed.toString()).close();
    }).isInstanceOf(Emulator.StartException.class).hasMessageContaining("images[0].sizeMb must be a whole number");
  }

  @Test
  void aControlTokenIsRequiredOnEveryControlRequest() throws Exception {
    try (Emulator.Running running = start("--control-token", "let-me-in-42")) {
      Raw raw = new Raw(running.baseUri());
      Raw.Answer denied = raw.control("GET", "health", null);
      assertThat(denied.status()).isEqualTo(401);
      assertThat(denied.json().get("message").asText()).contains("control token");
      Raw.Answer allowed = raw.send(HttpRequest.newBuilder(running.baseUri().resolve("/__emulator/health"))
          .header("Authorization", "Bearer let-me-in-42"));
      assertThat(allowed.status()).isEqualTo(200);
    }
  }

  @Test
  void aRemoteBindWarnsAndStillServes() throws Exception {
    try (Emulator.Running running = start("--bind", "0.0.0.0", "--allow-remote", "--control-token", "let-me-in-42")) {
      assertThat(printed()).contains("WARNING: listening on 0.0.0.0");
      Raw raw = new Raw(running.baseUri());
      assertThat(raw.token("a", "b", "c", "d")).isNotBlank();
    }
  }

  @Test
  void theControlApiCanBeSwitchedOff() throws Exception {
    try (Emulator.Running running = start("--no-control")) {
      Raw.Answer answer = new Raw(running.baseUri()).control("GET", "health", null);
      assertThat(answer.status()).isEqualTo(404);
      assertThat(printed()).contains("control API: off");
    }
  }

  @Test
  void configuredCredentialsAreTheOnlyOnesAccepted() throws Exception {
    try (Emulator.Running running = start("--client-id", "c", "--client-secret", "s", "--username", "u",
        "--password", "p")) {
      Raw raw = new Raw(running.baseUri());
      assertThat(raw.token("c", "s", "u", "p")).isNotBlank();
      assertThatThrownBy(() -> raw.token("c", "s", "u", "wrong")).hasMessageContaining("401");
    }
  }

  @Test
  void aSecondEmulatorOnTheSameStateFileIsRefusedUntilTheFirstStops() throws Exception {
    Path state = dir.resolve("state.json");
    try (Emulator.Running first = start("--state", state.toString())) {
      assertThatThrownBy(() -> start("--state", state.toString())).isInstanceOf(Emulator.StartException.class)
          .hasMessageContaining("is in use by another emulator");
    }
    try (Emulator.Running again = start("--state", state.toString())) {
      assertThat(printed()).contains("loaded 15 images and 0 audit entries");
    }
  }

  @Test
  void aStateFileOfAnotherFormatVersionOrDamagedIsRefused() throws Exception {
    Path state = dir.resolve("state.json");
    Files.writeString(state, "{\"format\":\"contabo-images-emulator-state\",\"formatVersion\":99,\"images\":[],\"audits\":[]}");
    assertThatThrownBy(() -> start("--state", state.toString())).hasMessageContaining("format version 99");
    Files.writeString(state, "{\"format\":\"contabo-images-emulator-state\",\"formatVersion\":1,\"images\":[{}],\"audits\":[]}");
    assertThatThrownBy(() -> start("--state", state.toString())).hasMessageContaining("damaged: images[0].name");
    Files.writeString(state, "{ not json");
    assertThatThrownBy(() -> start("--state", state.toString())).hasMessageContaining("is not JSON");
  }

  @Test
  void theStateFileRoundTripsImagesAuditsAndTheClockOffset() throws Exception {
    Path state = dir.resolve("state.json");
    String id;
    try (Emulator.Running first = start("--state", state.toString())) {
      Raw raw = new Raw(first.baseUri());
      String token = raw.token("a", "b", "c", "d");
      JsonNode created = raw.api("POST", "/v1/compute/images", token,
          "{\"name\":\"n\",\"url\":\"https://example.com/n.qcow2\",\"osType\":\"Linux\",\"version\":\"1\"}").json();
      id = created.get("data").get(0).get("imageId").asText();
      raw.api("PATCH", "/v1/compute/images/" + id, token, "{\"description\":\"kept\"}");
      raw.control("POST", "clock/advance", "{\"millis\": 1234}");
    }
    try (Emulator.Running second = start("--state", state.toString())) {
      assertThat(second.state().fake().image(id).orElseThrow().description()).isEqualTo("kept");
      assertThat(second.state().fake().audits()).hasSize(2);
      assertThat(second.state().clock().offset().toMillis()).isEqualTo(1234);
    }
  }

  @Test
  void theTokenLifetimeAndTheQuotaComeFromTheCommandLine() throws Exception {
    try (Emulator.Running running = start("--token-lifetime", "2m", "--quota-mb", "1000", "--image-size-mb", "600")) {
      Raw raw = new Raw(running.baseUri());
      Raw.Answer grant = raw.send(HttpRequest.newBuilder(running.baseUri()
          .resolve("/auth/realms/contabo/protocol/openid-connect/token"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=a&client_secret=b&username=c&password=d")));
      assertThat(grant.json().get("expires_in").asLong()).isEqualTo(120);
      String token = grant.json().get("access_token").asText();
      String create = "{\"name\":\"q\",\"url\":\"https://example.com/q.qcow2\",\"osType\":\"Linux\",\"version\":\"1\"}";
      assertThat(raw.api("POST", "/v1/compute/images", token, create).status()).isEqualTo(201);
      Raw.Answer full = raw.api("POST", "/v1/compute/images", token, create);
      assertThat(full.status()).isEqualTo(409);
      assertThat(full.json().get("message").asText()).contains("quota");
      JsonNode stats = raw.api("GET", "/v1/compute/images/stats", token, null).json().get("data").get(0);
      assertThat(stats.get("totalSizeMb").asLong()).isEqualTo(1000);
      assertThat(stats.get("usedSizeMb").asLong()).isEqualTo(600);
    }
  }
}
