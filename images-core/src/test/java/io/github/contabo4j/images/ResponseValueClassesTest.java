package io.github.contabo4j.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.internal.wire.WireJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response and query value classes: builders, value semantics, and Jackson reading them through the builders. */
class ResponseValueClassesTest {

  @Test
  void responsesRoundTripThroughJacksonAndTheirBuilders() throws Exception {
    ImageRef ref = ImageRef.builder().imageId("img-1").tenantId(TenantId.DE).customerId("c").build();
    ImageStats stats = ImageStats.builder().tenantId(TenantId.INT).customerId("c").currentImagesCount(2)
        .totalSizeMb(100).usedSizeMb(40).freeSizeMb(60).build();
    AuditEntry entry = AuditEntry.builder().id(7).action(AuditAction.UPDATED).timestamp(Instant.EPOCH)
        .requestId("R-1").imageId("img-1").changes(Map.of("new", Map.of("name", "b"))).build();

    for (Object value : List.of(ref, stats, entry)) {
      byte[] json = WireJson.MAPPER.writeValueAsBytes(value);
      assertThat(WireJson.MAPPER.readValue(json, value.getClass())).isEqualTo(value).hasSameHashCodeAs(value);
    }
    assertThat(stats.toBuilder().build()).isEqualTo(stats);
    assertThat(stats.toBuilder().freeSizeMb(59).build()).isNotEqualTo(stats);
    assertThat(entry.toBuilder().build()).isEqualTo(entry);
    assertThat(entry.madeBy("r-1")).isTrue();
  }

  @Test
  void toStringReadsAsTheRecordsDid() {
    assertThat(ImageRef.builder().imageId("img-1").build())
        .hasToString("ImageRef[imageId=img-1, tenantId=null, customerId=null]");
    assertThat(ImageStats.builder().build().toString())
        .isEqualTo("ImageStats[tenantId=null, customerId=null, currentImagesCount=0, totalSizeMb=0, usedSizeMb=0, "
            + "freeSizeMb=0]");
  }

  @Test
  void anImageRefNeedsAnIdAndAnAuditEntrysChangesAreACopy() {
    assertThatThrownBy(() -> ImageRef.builder().tenantId(TenantId.DE).build())
        .isInstanceOf(NullPointerException.class).hasMessage("imageId == null");
    Map<String, Object> changes = new HashMap<>(Map.of("a", 1));
    AuditEntry entry = AuditEntry.builder().changes(changes).build();
    changes.put("b", 2);

    assertThat(entry.changes()).containsOnlyKeys("a");
    assertThat(AuditEntry.builder().build().changes()).isEmpty();
    assertThatThrownBy(() -> entry.changes().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void queriesAreValuesWhoseCopiesKeepEveryPart() {
    AuditQuery audits = AuditQuery.builder().page(2).size(5).orderBy(SortOrder.desc("timestamp")).imageId("img-1")
        .requestId("r").changedBy("u").startDate(LocalDate.of(2024, 1, 1)).endDate(LocalDate.of(2024, 2, 1)).build();
    ImageListQuery images = ImageListQuery.builder().page(1).size(10).name("n").standardImage(false).search("s")
        .orderBy(SortOrder.asc("name")).build();

    assertThat(audits.toBuilder().build()).isEqualTo(audits).hasSameHashCodeAs(audits);
    assertThat(audits.withPage(3)).isEqualTo(audits.toBuilder().page(3).build()).isNotEqualTo(audits);
    assertThat(images.toBuilder().build()).isEqualTo(images).hasSameHashCodeAs(images);
    assertThat(images.withPage(2).page()).isEqualTo(2);
    assertThat(images.toString()).isEqualTo(
        "ImageListQuery[page=1, size=10, name=n, standardImage=false, search=s, orderBy=[name:asc]]");
    assertThat(ImageListQuery.all()).isEqualTo(ImageListQuery.builder().build());
  }
}
