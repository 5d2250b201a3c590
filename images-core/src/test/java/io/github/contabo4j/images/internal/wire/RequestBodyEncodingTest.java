package io.github.contabo4j.images.internal.wire;

import static io.github.contabo4j.images.internal.wire.Fixtures.exampleText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request bodies are written NON_NULL, with exactly the spec's properties, and read back equal. */
class RequestBodyEncodingTest {
  private final ImagesWire wire = Fixtures.wire();

  @Test
  void createWithoutDescriptionEncodesToExactlyTheRequiredProperties() {
    CreateCustomImage create =
        CreateCustomImage.of("Ubuntu Custom Image", "https://example.com/image.qcow2", OsType.LINUX, "20.04.2");

    String json = body(wire.createCustomImage(create, CallContext.create()));

    assertThat(json).isEqualTo(
        "{\"name\":\"Ubuntu Custom Image\",\"url\":\"https://example.com/image.qcow2\",\"osType\":\"Linux\",\"version\":\"20.04.2\"}");
    assertThat(tree(json)).isEqualTo(tree(exampleText("create-request.json")));
  }

  @Test
  void createWithDescriptionCarriesIt() {
    CreateCustomImage create = CreateCustomImage.of("n", "http://h/a.ISO?sig=1&x=2", OsType.WINDOWS, "2022")
        .withDescription("line one\nline two");

    String json = body(wire.createCustomImage(create, CallContext.create()));

    assertThat(json).isEqualTo(
        "{\"name\":\"n\",\"description\":\"line one\\nline two\",\"url\":\"http://h/a.ISO?sig=1&x=2\",\"osType\":\"Windows\",\"version\":\"2022\"}");
  }

  @Test
  void createRoundTripsThroughTheMapper() throws Exception {
    CreateCustomImage create = CreateCustomImage.of("Ünïcødé ✓", "https://e.com/p/x.qcow2", OsType.LINUX, "1.0")
        .withDescription("d");

    byte[] bytes = WireJson.MAPPER.writeValueAsBytes(create);

    assertThat(WireJson.MAPPER.readValue(bytes, CreateCustomImage.class)).isEqualTo(create);
    assertThat(WireJson.MAPPER.readValue(exampleText("create-request.json"), CreateCustomImage.class))
        .isEqualTo(CreateCustomImage.of("Ubuntu Custom Image", "https://example.com/image.qcow2", OsType.LINUX, "20.04.2"));
  }

  @Test
  void renameEncodesOnlyTheName() {
    String json = body(wire.updateImage("img", ImageUpdate.rename("Ubuntu Custom Image"), CallContext.create()));

    assertThat(json).isEqualTo("{\"name\":\"Ubuntu Custom Image\"}");
    assertThat(tree(json)).isEqualTo(tree(exampleText("update-request.json")));
  }

  @Test
  void describeEncodesOnlyTheDescription() {
    assertThat(body(wire.updateImage("img", ImageUpdate.describe("Ubuntu 20.04 image"), CallContext.create())))
        .isEqualTo("{\"description\":\"Ubuntu 20.04 image\"}");
  }

  @Test
  void updateWithBothEncodesBothAndRoundTrips() throws Exception {
    ImageUpdate update = ImageUpdate.builder().name("a \"quoted\" name").description("").build();

    String json = body(wire.updateImage("img", update, CallContext.create()));

    assertThat(json).isEqualTo("{\"name\":\"a \\\"quoted\\\" name\",\"description\":\"\"}");
    assertThat(WireJson.MAPPER.readValue(json, ImageUpdate.class)).isEqualTo(update);
  }

  @Test
  void helperMethodsNeverBecomeProperties() throws Exception {
    Image image = Image.builder()
        .imageId("i")
        .tenantId(TenantId.DE)
        .customerId("c")
        .name("n")
        .sizeMb(1)
        .uploadedSizeMb(1)
        .osType(OsType.LINUX)
        .version("v")
        .status(ImageStatus.DOWNLOADED)
        .errorMessage("")
        .creationDate(Instant.parse("2021-06-03T06:27:12Z"))
        .build();

    JsonNode node = WireJson.MAPPER.valueToTree(image);

    assertThat(node.has("downloaded")).isFalse();
    assertThat(node.has("isDownloaded")).isFalse();
    assertThat(node.has("failed")).isFalse();
    assertThat(node.has("downloading")).isFalse();
    assertThat(node.has("description")).isFalse(); // NON_NULL
    assertThat(node.get("status").asText()).isEqualTo("downloaded");
    assertThat(node.get("tenantId").asText()).isEqualTo("DE");
    assertThat(node.get("creationDate").asText()).isEqualTo("2021-06-03T06:27:12Z");
    assertThat(WireJson.MAPPER.treeToValue(node, Image.class)).isEqualTo(image);
  }

  private static String body(WireRequest request) {
    assertThat(request.body()).isNotNull();
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode tree(String json) {
    try {
      return WireJson.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
