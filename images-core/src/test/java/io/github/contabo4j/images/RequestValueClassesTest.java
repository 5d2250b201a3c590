package io.github.contabo4j.images;

import static io.github.contabo4j.images.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.internal.wire.WireJson;
import org.junit.jupiter.api.Test;

/** {@link CreateCustomImage} and {@link ImageUpdate} as value classes: builders, value semantics, Jackson. */
class RequestValueClassesTest {
  private static final String URL = "https://example.com/x.qcow2";

  @Test
  void theCreateBuilderValidatesLikeOfAndToBuilderRoundTrips() {
    CreateCustomImage built = CreateCustomImage.builder().name("web").url(URL).osType(OsType.LINUX).version("1")
        .description("d").build();

    assertThat(built).isEqualTo(CreateCustomImage.of("web", URL, OsType.LINUX, "1").withDescription("d"))
        .hasSameHashCodeAs(CreateCustomImage.of("web", URL, OsType.LINUX, "1").withDescription("d"));
    assertThat(built.toBuilder().build()).isEqualTo(built);
    assertThat(built.toBuilder().version("2").build()).isNotEqualTo(built);
    assertThat(built.withDescription(null).description()).isNull();
    assertThat(built).hasToString(
        "CreateCustomImage[name=web, description=d, url=" + URL + ", osType=Linux, version=1]");
    assertRejected(() -> CreateCustomImage.builder().name("web").url(URL).version("1").build(), "osType",
        "osType is required");
    assertThat(catchThrowableOfType(InvalidRequestException.class,
        () -> built.toBuilder().url("ftp://example.com/x.qcow2").build()).field()).isEqualTo("url");
  }

  @Test
  void theUpdateBuilderNeedsOneOfItsFields() {
    ImageUpdate both = ImageUpdate.builder().name("n").description("d").build();

    assertThat(both.toBuilder().build()).isEqualTo(both).hasSameHashCodeAs(both);
    assertThat(ImageUpdate.rename("n")).isEqualTo(ImageUpdate.builder().name("n").build()).isNotEqualTo(both);
    assertThat(ImageUpdate.describe("d").name()).isNull();
    assertThat(both).hasToString("ImageUpdate[name=n, description=d]");
    assertRejected(() -> both.toBuilder().name(null).description(null).build(), "name",
        "name or description must be set: an update changes something");
  }

  @Test
  void jacksonReadsBothThroughTheirBuilders() throws Exception {
    CreateCustomImage create = CreateCustomImage.of("web", URL, OsType.WINDOWS, "2022").withDescription("d");
    ImageUpdate update = ImageUpdate.rename("n");

    assertThat(WireJson.MAPPER.readValue(WireJson.MAPPER.writeValueAsBytes(create), CreateCustomImage.class))
        .isEqualTo(create);
    assertThat(WireJson.MAPPER.readValue(WireJson.MAPPER.writeValueAsBytes(update), ImageUpdate.class))
        .isEqualTo(update);
    assertThat(WireJson.MAPPER.writeValueAsString(update)).isEqualTo("{\"name\":\"n\"}");
  }
}
