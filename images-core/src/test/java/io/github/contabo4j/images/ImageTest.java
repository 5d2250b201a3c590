package io.github.contabo4j.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.MalformedBodyException;
import io.github.contabo4j.images.internal.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Image} as a value class: its builder, its value semantics, and Jackson reading it through the builder. */
class ImageTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private static Image full() {
    return Image.builder().imageId("img-1").tenantId(TenantId.DE).customerId("54321").name("web")
        .description("d").url("https://example.com/web.qcow2").sizeMb(2048).uploadedSizeMb(1024)
        .osType(OsType.LINUX).version("22.04").format(ImageFormat.QCOW2).status(ImageStatus.DOWNLOADING)
        .errorMessage("").standardImage(true).creationDate(T0).lastModifiedDate(T0.plusSeconds(1))
        .tags(List.of(new ImageTag(7, "t"))).build();
  }

  @Test
  void theBuilderRequiresAnIdWithTheMessageTheRecordGave() {
    assertThatThrownBy(() -> Image.builder().name("x").build())
        .isInstanceOf(NullPointerException.class).hasMessage("imageId == null");
  }

  @Test
  void unsetPropertiesAreNullZeroFalseAndNoTags() {
    Image bare = Image.builder().imageId("img-1").build();

    assertThat(bare.name()).isNull();
    assertThat(bare.status()).isNull();
    assertThat(bare.sizeMb()).isZero();
    assertThat(bare.standardImage()).isFalse();
    assertThat(bare.tags()).isEmpty();
    assertThat(bare.isDownloaded()).isFalse();
  }

  @Test
  void toBuilderCopiesEveryPropertySoAnUntouchedCopyIsEqualWithTheSameHash() {
    Image image = full();
    Image copy = image.toBuilder().build();

    assertThat(copy).isEqualTo(image).hasSameHashCodeAs(image).isNotSameAs(image);
    assertThat(copy.toString()).isEqualTo(image.toString());
  }

  @Test
  void everyPropertyTakesPartInEquals() {
    Image image = full();
    List<Image> changed = List.of(
        image.toBuilder().imageId("img-2").build(), image.toBuilder().tenantId(TenantId.INT).build(),
        image.toBuilder().customerId("1").build(), image.toBuilder().name("n").build(),
        image.toBuilder().description("e").build(), image.toBuilder().url("u").build(),
        image.toBuilder().sizeMb(1).build(), image.toBuilder().uploadedSizeMb(1).build(),
        image.toBuilder().osType(OsType.WINDOWS).build(), image.toBuilder().version("v").build(),
        image.toBuilder().format(ImageFormat.ISO).build(), image.toBuilder().status(ImageStatus.ERROR).build(),
        image.toBuilder().errorMessage("boom").build(), image.toBuilder().standardImage(false).build(),
        image.toBuilder().creationDate(T0.minusSeconds(1)).build(),
        image.toBuilder().lastModifiedDate(T0).build(), image.toBuilder().tags(List.of()).build());

    assertThat(changed).allSatisfy(other -> assertThat(other).isNotEqualTo(image));
  }

  @Test
  void toStringListsThePropertiesInOrderAsTheRecordDid() {
    assertThat(full().toString()).isEqualTo("Image[imageId=img-1, tenantId=DE, customerId=54321, name=web, "
        + "description=d, url=https://example.com/web.qcow2, sizeMb=2048, uploadedSizeMb=1024, osType=Linux, "
        + "version=22.04, format=qcow2, status=downloading, errorMessage=, standardImage=true, "
        + "creationDate=2024-05-01T10:00:00Z, lastModifiedDate=2024-05-01T10:00:01Z, tags=[ImageTag[tagId=7, "
        + "tagName=t]]]");
  }

  @Test
  void theTagsAreCopiedAndCannotBeChangedAfterwards() {
    List<ImageTag> tags = new ArrayList<>(List.of(new ImageTag(1, "a")));
    Image image = Image.builder().imageId("img-1").tags(tags).build();
    tags.add(new ImageTag(2, "b"));

    assertThat(image.tags()).containsExactly(new ImageTag(1, "a"));
    assertThatThrownBy(() -> image.tags().add(new ImageTag(3, "c"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void jacksonWritesTheFieldsAndReadsThemBackThroughTheBuilder() throws Exception {
    Image image = full();
    byte[] json = WireJson.MAPPER.writeValueAsBytes(image);

    assertThat(WireJson.MAPPER.readValue(json, Image.class)).isEqualTo(image);
    assertThat(WireJson.MAPPER.readTree(json).has("downloading")).isFalse();
  }

  @Test
  void anAnswerWithoutAnImageIdIsAMalformedBodyNotAnImage() {
    byte[] body = "{\"data\":[{\"name\":\"web\",\"tags\":null}]}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE, body))
        .isInstanceOf(MalformedBodyException.class);
    byte[] ok = "{\"data\":[{\"imageId\":\"img-1\",\"tags\":null}]}".getBytes(StandardCharsets.UTF_8);
    assertThat(ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE, ok))
        .isEqualTo(Image.builder().imageId("img-1").build());
  }
}
