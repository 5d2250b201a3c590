package io.github.contabo4j.images.internal.wire;

import static io.github.contabo4j.images.internal.wire.Fixtures.example;
import static io.github.contabo4j.images.internal.wire.Fixtures.response;
import static io.github.contabo4j.images.internal.wire.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageTag;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.TenantId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every example body of the vendor spec decodes through the one wire format. */
class ExampleBodiesDecodeTest {
  private static final String ID = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";
  private final ImagesWire wire = Fixtures.wire();

  @Test
  void listImagesExampleWithEmptyStringPaginationDerivesPagination() {
    WireRequest request = wire.retrieveImageList(ImageListQuery.all(), CallContext.create());

    Page<Image> page = wire.decode(request, new WireResponse(200, null, example("list-images.json")));

    assertThat(page.items()).hasSize(2);
    Image image = page.items().get(0);
    assertSpecImage(image);
    assertThat(image.tags()).containsExactly(new ImageTag(12345, "Web-Server"), new ImageTag(12345, "Web-Server"));
    assertThat(page.links().self()).isEqualTo("/v1/compute/images?page=20");
    assertThat(page.links().first()).isEqualTo("/v1/compute/images?page=1");
    assertThat(page.links().previous()).isEqualTo("/v1/compute/images?page=19");
    assertThat(page.links().next()).isEqualTo("/v1/compute/images?page=21");
    assertThat(page.links().last()).isEqualTo("/v1/compute/images?page=101");
    // "_pagination": "" -> derived from the self link's page, the items and the next link
    assertThat(page.pagination().page()).isEqualTo(20);
    assertThat(page.pagination().size()).isEqualTo(2);
    assertThat(page.hasNext()).isTrue();
    assertThat(page.nextPageNumber()).isEqualTo(21);
  }

  @Test
  void singleImageExampleDecodesTheFirstElement() {
    Image image = wire.decode(wire.retrieveImage(ID, CallContext.create()), new WireResponse(200, null, example("find-image.json")));

    assertSpecImage(image);
    assertThat(image.tags()).isEmpty(); // the single-image answer carries no tags
  }

  @Test
  void createExampleDecodesToCreatedImage() {
    CreateCustomImage create = CreateCustomImage.of("n", "https://example.com/image.qcow2", OsType.LINUX, "1");

    CreatedImage created =
        wire.decode(wire.createCustomImage(create, CallContext.create()), new WireResponse(201, null, example("create-image.json")));

    assertThat(created).isEqualTo(CreatedImage.builder().imageId(ID).tenantId(TenantId.DE).customerId("54321").build());
    assertThat(created.tenantId()).isSameAs(TenantId.DE);
  }

  @Test
  void updateExampleDecodesToImageRef() {
    ImageRef ref = wire.decode(
        wire.updateImage(ID, ImageUpdate.rename("x"), CallContext.create()),
        new WireResponse(200, null, example("update-image.json")));

    assertThat(ref).isEqualTo(ImageRef.builder().imageId(ID).tenantId(TenantId.DE).customerId("54321").build());
  }

  @Test
  void statsExampleDecodes() {
    ImageStats stats =
        wire.decode(wire.retrieveCustomImagesStats(CallContext.create()), new WireResponse(200, null, example("stats.json")));

    assertThat(stats).isEqualTo(ImageStats.builder()
        .tenantId(TenantId.DE)
        .customerId("54321")
        .currentImagesCount(4)
        .totalSizeMb(102400)
        .usedSizeMb(55000)
        .freeSizeMb(47400)
        .build());
  }

  @Test
  void auditsExampleDecodes() {
    Page<AuditEntry> page = wire.decode(
        wire.retrieveImageAuditsList(AuditQuery.all(), CallContext.create()),
        new WireResponse(200, null, example("audits.json")));

    assertThat(page.items()).hasSize(2);
    AuditEntry entry = page.items().get(0);
    assertThat(entry.id()).isEqualTo(12345L);
    assertThat(entry.action()).isEqualTo(AuditAction.CREATED);
    assertThat(entry.timestamp()).isEqualTo(Instant.parse("2021-03-30T11:35:06.177Z"));
    assertThat(entry.tenantId()).isEqualTo(TenantId.DE);
    assertThat(entry.customerId()).isEqualTo("54321");
    assertThat(entry.changedBy()).isEqualTo("c4c800ff-e524-47dd-9543-71dfc8b91113");
    assertThat(entry.username()).isEqualTo("John.Doe");
    assertThat(entry.requestId()).isEqualTo("A2F56FAF-18N0-4893-11HG-R312M1E4FEC5");
    assertThat(entry.traceId()).isEqualTo("78E9A428-94E9-4A2A-92F5-26038C6884F");
    assertThat(entry.imageId()).isEqualTo("e443eab5-647a-4bc3-b4f9-16f5a281224d");
    assertThat(entry.changes())
        .isEqualTo(Map.of("prev", Map.of("name", "test"), "new", Map.of("name", "test1")));
    assertThat(entry.madeBy("a2f56faf-18n0-4893-11hg-r312m1e4fec5")).isTrue();
    // self link without a page number: page 1, and the distinct next link means one more page
    assertThat(page.pagination().page()).isEqualTo(1);
    assertThat(page.hasNext()).isTrue();
    assertThat(page.links().next()).isEqualTo("/v1/compute/images/audits?page=3");
  }

  @Test
  void realPaginationObjectIsUsedAsSent() {
    String body = """
        {"data": [], "_links": {"self": "/v1/compute/images?page=3&size=10"},
         "_pagination": {"size": 10, "totalElements": 25, "totalPages": 3, "page": 3}}""";

    Page<Image> page = wire.decode(wire.retrieveImageList(ImageListQuery.all(), CallContext.create()), response(200, body));

    assertThat(page.pagination()).isEqualTo(new Pagination(3, 10, 25, 3));
    assertThat(page.hasNext()).isFalse();
    assertThat(page.nextPageNumber()).isNull();
    assertThat(page.items()).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnoredAtEveryLevel() {
    String body = """
        {"data": [{"imageId": "img-1", "name": "n", "brandNew": {"nested": [1, 2]}, "osType": "Linux",
                   "tags": [{"tagId": 7, "tagName": "t", "color": "red"}]}],
         "_links": {"self": "/v1/compute/images/img-1", "extra": "x"},
         "somethingElse": 42}""";

    Image image = wire.decode(wire.retrieveImage("img-1", CallContext.create()), response(200, body));

    assertThat(image.imageId()).isEqualTo("img-1");
    assertThat(image.name()).isEqualTo("n");
    assertThat(image.osType()).isSameAs(OsType.LINUX);
    assertThat(image.tags()).containsExactly(new ImageTag(7, "t"));
  }

  @Test
  void missingOptionalFieldsParse() {
    Image image = wire.decode(wire.retrieveImage("img-1", CallContext.create()), response(200, "{\"data\":[{\"imageId\":\"img-1\"}]}"));

    assertThat(image.imageId()).isEqualTo("img-1");
    assertThat(image.name()).isNull();
    assertThat(image.tenantId()).isNull();
    assertThat(image.status()).isNull();
    assertThat(image.creationDate()).isNull();
    assertThat(image.sizeMb()).isZero();
    assertThat(image.standardImage()).isFalse();
    assertThat(image.tags()).isEmpty();
    assertThat(image.isDownloaded()).isFalse();
  }

  @Test
  void listWithoutLinksOrPaginationParses() {
    Page<Image> page = wire.decode(
        wire.retrieveImageList(ImageListQuery.all(), CallContext.create()), response(200, "{\"data\":[{\"imageId\":\"a\"}]}"));

    assertThat(page.items()).extracting(Image::imageId).containsExactly("a");
    assertThat(page.links().self()).isNull();
    assertThat(page.pagination()).isEqualTo(new Pagination(1, 1, 1, 1));
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void auditEntryWithoutChangesGetsAnEmptyMap() {
    Page<AuditEntry> page = wire.decode(
        wire.retrieveImageAuditsList(AuditQuery.all(), CallContext.create()),
        response(200, "{\"data\":[{\"id\":1,\"action\":\"DELETED\"}],\"_links\":{\"self\":\"/v1/compute/images/audits\"}}"));

    assertThat(page.items().get(0).changes()).isEmpty();
    assertThat(page.items().get(0).action()).isSameAs(AuditAction.DELETED);
  }

  @Test
  void openEnumsKeepUnknownValuesAsSent() {
    String body = """
        {"data": [{"imageId": "img-1", "status": "Pending", "tenantId": "XYZ", "osType": "BSD",
                   "format": "vmdk"}]}""";

    Image image = wire.decode(wire.retrieveImage("img-1", CallContext.create()), response(200, body));

    assertThat(image.status()).isEqualTo(new ImageStatus("Pending"));
    assertThat(image.status().isKnown()).isFalse();
    assertThat(image.tenantId()).isEqualTo(new TenantId("XYZ"));
    assertThat(image.osType()).isEqualTo(new OsType("BSD"));
    assertThat(image.format()).isEqualTo(new ImageFormat("vmdk"));
    assertThat(image.isDownloading()).isFalse();
  }

  @Test
  void unknownAuditActionIsKept() {
    Page<AuditEntry> page = wire.decode(
        wire.retrieveImageAuditsList(AuditQuery.all(), CallContext.create()),
        response(200, "{\"data\":[{\"id\":1,\"action\":\"ARCHIVED\"}]}"));

    assertThat(page.items().get(0).action()).isEqualTo(new AuditAction("ARCHIVED"));
  }

  @Test
  void knownEnumValuesDecodeToTheirConstantsAndHelpersIgnoreCase() {
    String body = "{\"data\":[{\"imageId\":\"i\",\"status\":\"Downloaded\",\"format\":\"qcow2\",\"tenantId\":\"INT\"}]}";

    Image image = wire.decode(wire.retrieveImage("i", CallContext.create()), response(200, body));

    assertThat(image.status().value()).isEqualTo("Downloaded"); // kept exactly as sent
    assertThat(image.isDownloaded()).isTrue();
    assertThat(image.format()).isSameAs(ImageFormat.QCOW2);
    assertThat(image.tenantId()).isSameAs(TenantId.INT);
  }

  @Test
  void deleteIgnoresAnyBody() {
    WireRequest request = wire.deleteImage("img-1", CallContext.create());

    Object none = wire.decode(request, new WireResponse(204, null, new byte[0]));
    Object alsoNone = wire.decode(request, response(200, "not json at all"));

    assertThat(none).isNull();
    assertThat(alsoNone).isNull();
  }

  @Test
  void decodeBodyIsUsableWithoutARequest() {
    Object stats = ImagesWire.decodeBody(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, example("stats.json"));

    assertThat(stats).isInstanceOf(ImageStats.class);
    assertThat(ImagesWire.decodeBody(ImagesOperation.DELETE_IMAGE, utf8(""))).isNull();
  }

  private static void assertSpecImage(Image image) {
    assertThat(image.imageId()).isEqualTo(ID);
    assertThat(image.tenantId()).isEqualTo(TenantId.DE);
    assertThat(image.customerId()).isEqualTo("12345");
    assertThat(image.name()).isEqualTo("Custom Image Ubuntu");
    assertThat(image.description()).isNull(); // the example leaves out the "required" description
    assertThat(image.url()).isEqualTo("https://example.com/image.qcow2");
    assertThat(image.sizeMb()).isEqualTo(1024);
    assertThat(image.uploadedSizeMb()).isEqualTo(1024);
    assertThat(image.osType()).isSameAs(OsType.LINUX);
    assertThat(image.version()).isEqualTo("20.04.2");
    assertThat(image.format()).isSameAs(ImageFormat.ISO);
    assertThat(image.status()).isEqualTo(new ImageStatus("Pending"));
    assertThat(image.errorMessage()).isEqualTo("Error downloading image from provided URL");
    assertThat(image.standardImage()).isTrue();
    assertThat(image.creationDate()).isEqualTo(Instant.parse("2021-06-03T06:27:12Z"));
    assertThat(image.lastModifiedDate()).isEqualTo(Instant.parse("2021-06-04T06:27:12Z"));
  }
}
