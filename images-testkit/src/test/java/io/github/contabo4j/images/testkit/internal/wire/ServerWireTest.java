package io.github.contabo4j.images.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
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
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.TenantId;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.wire.ErrorBodies;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.WireJson;
import io.github.contabo4j.images.testkit.SpecValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerWireTest {
  private static final String SPEC = SpecValidator.SPEC_RESOURCE;
  private static final Instant CREATED = Instant.parse("2021-06-03T06:27:12Z");
  private static final Instant MODIFIED = Instant.parse("2021-06-04T06:27:12.5Z");
  private static final ImagesWire CLIENT =
      new ImagesWire(TokenSource.fixed("t0ken"), "test/1", null, Clock.systemUTC());

  private static OpenApiInteractionValidator validator;

  @BeforeAll
  static void loadSpec() throws IOException {
    try (InputStream in = ServerWireTest.class.getClassLoader().getResourceAsStream(SPEC)) {
      assertThat(in).as(SPEC).isNotNull();
      validator = OpenApiInteractionValidator
          .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .build();
    }
  }

  // ---------------------------------------------------------------- answers validate and round-trip

  @Test
  void singleImageValidatesAndRoundTripsWithoutTheTagsItsSchemaLacks() {
    Image image = image("img-1", "a description", "");
    byte[] body = ServerWire.image(image);

    assertValid(Request.Method.GET, "/v1/compute/images/img-1", 200, body);
    assertThat(json(body).at("/data/0").has("tags")).isFalse();
    assertThat(ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE, body)).isEqualTo(withoutTags(image));
    assertThat(json(body).at("/_links/self").asText()).isEqualTo("/v1/compute/images/img-1");
  }

  @Test
  void absentValuesAreWrittenAsEmptyStringsSoTheAnswerStillValidates() {
    Image image = image("img-2", null, null);
    byte[] body = ServerWire.image(image);

    assertValid(Request.Method.GET, "/v1/compute/images/img-2", 200, body);
    JsonNode data = json(body).at("/data/0");
    assertThat(data.get("description").asText()).isEmpty();
    assertThat(data.get("errorMessage").asText()).isEmpty();
    Image decoded = (Image) ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE, body);
    assertThat(decoded.description()).isEmpty();
    assertThat(decoded.errorMessage()).isEmpty();
  }

  @Test
  void imagePageValidatesWithTagsLinksAndPagination() {
    ImageListQuery query = ImageListQuery.builder()
        .size(2).name("a&b #c").standardImage(false).orderBy(SortOrder.desc("name")).page(2).build();
    Page<Image> page = new Page<>(
        List.of(image("img-1", "d", ""), image("img-2", null, "boom")),
        new Pagination(2, 2, 5, 3), PageLinks.none());
    byte[] body = ServerWire.imagePage(page, query);

    assertValid(Request.Method.GET, "/v1/compute/images", 200, body);
    JsonNode links = json(body).get("_links");
    assertThat(links.get("self").asText()).isEqualTo(
        "/v1/compute/images?page=2&size=2&orderBy=name%3Adesc&name=a%26b%20%23c&standardImage=false");
    assertThat(links.get("first").asText()).contains("page=1&").contains("name=a%26b%20%23c");
    assertThat(links.get("previous").asText()).contains("page=1&");
    assertThat(links.get("next").asText()).contains("page=3&");
    assertThat(links.get("last").asText()).contains("page=3&");
    assertThat(json(body).at("/data/0/tags/0/tagName").asText()).isEqualTo("web");

    @SuppressWarnings("unchecked") // decodeBody answers a Page<Image> for a list
    Page<Image> decoded = (Page<Image>) ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE_LIST, body);
    assertThat(decoded.items()).hasSize(2);
    assertThat(decoded.items().get(0)).isEqualTo(page.items().get(0));
    assertThat(decoded.pagination()).isEqualTo(page.pagination());
    assertThat(decoded.links().next()).isEqualTo(links.get("next").asText());
  }

  @Test
  void firstAndOnlyPageHasNoPreviousOrNextButAlwaysSelfFirstLast() {
    Page<Image> empty = new Page<>(List.of(), new Pagination(1, 10, 0, 0), PageLinks.none());
    byte[] body = ServerWire.imagePage(empty, ImageListQuery.all());

    assertValid(Request.Method.GET, "/v1/compute/images", 200, body);
    JsonNode links = json(body).get("_links");
    assertThat(links.has("previous")).isFalse();
    assertThat(links.has("next")).isFalse();
    assertThat(links.get("self").asText()).isEqualTo("/v1/compute/images?page=1");
    assertThat(links.get("first").asText()).isEqualTo("/v1/compute/images?page=1");
    assertThat(links.get("last").asText()).isEqualTo("/v1/compute/images?page=1");
    assertThat(json(body).get("_pagination").get("totalElements").asLong()).isZero();
  }

  @Test
  void createdAndUpdatedValidateAndRoundTrip() {
    CreatedImage created = CreatedImage.builder().imageId("img-9").tenantId(TenantId.DE).customerId("54321").build();
    byte[] createBody = ServerWire.created(created);
    assertValid(Request.Method.POST, "/v1/compute/images", 201, createBody);
    assertThat(ImagesWire.decodeBody(ImagesOperation.CREATE_CUSTOM_IMAGE, createBody)).isEqualTo(created);
    assertThat(json(createBody).at("/_links/self").asText()).isEqualTo("/v1/compute/images/img-9");

    ImageRef ref = ImageRef.builder().imageId("img-9").tenantId(TenantId.INT).customerId("54321").build();
    byte[] updateBody = ServerWire.updated(ref);
    assertValid(Request.Method.PATCH, "/v1/compute/images/img-9", 200, updateBody);
    assertThat(ImagesWire.decodeBody(ImagesOperation.UPDATE_IMAGE, updateBody)).isEqualTo(ref);
  }

  @Test
  void statsValidateAndRoundTrip() {
    ImageStats stats = ImageStats.builder()
        .tenantId(TenantId.DE)
        .customerId("54321")
        .currentImagesCount(4)
        .totalSizeMb(102400)
        .usedSizeMb(55000)
        .freeSizeMb(47400)
        .build();
    byte[] body = ServerWire.stats(stats);

    assertValid(Request.Method.GET, "/v1/compute/images/stats", 200, body);
    assertThat(ImagesWire.decodeBody(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, body)).isEqualTo(stats);
    assertThat(json(body).at("/_links/self").asText()).isEqualTo("/v1/compute/images/stats");
  }

  @Test
  void auditPageValidatesAndRoundTripsWithEmptyTraceId() {
    AuditEntry withTrace = AuditEntry.builder()
        .id(7)
        .action(AuditAction.UPDATED)
        .timestamp(MODIFIED)
        .tenantId(TenantId.DE)
        .customerId("54321")
        .changedBy("user-1")
        .username("John.Doe")
        .requestId("D5FD9FAF-58C0-4406-8F46-F449B8E4FEC3")
        .traceId("trace-1")
        .imageId("img-1")
        .changes(Map.of("prev", Map.of("name", "a"), "new", Map.of("name", "b")))
        .build();
    AuditEntry noTrace = AuditEntry.builder()
        .id(8)
        .action(AuditAction.CREATED)
        .timestamp(CREATED)
        .tenantId(TenantId.DE)
        .customerId("54321")
        .changedBy("user-1")
        .username("John.Doe")
        .requestId("04e0f898-37b4-48bc-a794-1a57abe6aa31")
        .imageId("img-2")
        .changes(Map.of())
        .build();
    AuditQuery query = AuditQuery.builder().imageId("img-1").startDate(LocalDate.of(2021, 6, 2)).build();
    Page<AuditEntry> page = new Page<>(List.of(withTrace, noTrace), new Pagination(1, 10, 2, 1), PageLinks.none());
    byte[] body = ServerWire.auditPage(page, query);

    assertValid(Request.Method.GET, "/v1/compute/images/audits", 200, body);
    assertThat(json(body).at("/data/1/traceId").asText()).isEmpty();
    assertThat(json(body).at("/_links/self").asText())
        .isEqualTo("/v1/compute/images/audits?page=1&imageId=img-1&startDate=2021-06-02");
    @SuppressWarnings("unchecked") // decodeBody answers a Page<AuditEntry> for audits
    Page<AuditEntry> decoded =
        (Page<AuditEntry>) ImagesWire.decodeBody(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, body);
    assertThat(decoded.items().get(0)).isEqualTo(withTrace);
    assertThat(decoded.items().get(1).traceId()).isEmpty();
    assertThat(decoded.pagination()).isEqualTo(page.pagination());
  }

  @Test
  void errorBodyHasTheServiceShapeAndValidatesAsTheDocumented415() {
    byte[] body = ServerWire.error(415, "Unsupported Media Type");

    assertThat(json(body).get("statusCode").asInt()).isEqualTo(415);
    assertValid(Request.Method.POST, "/v1/compute/images", 415, body);
    assertThat(ErrorBodies.message(415, body)).isEqualTo("Unsupported Media Type");
  }

  // ---------------------------------------------------------------- queries

  @Test
  void listQueryRoundTripsThroughTheClientEncoding() {
    ImageListQuery query = ImageListQuery.builder()
        .page(3).size(25).name("Ubuntu & co #1 ü").standardImage(true).search("windows or Debian")
        .orderBy(SortOrder.asc("name"), SortOrder.desc("creationDate")).build();

    assertThat(ServerWire.readListQuery(ImagesWire.listQuery(query))).isEqualTo(query);
    assertThat(ServerWire.readListQuery(null)).isEqualTo(ImageListQuery.all());
    assertThat(ServerWire.readListQuery("")).isEqualTo(ImageListQuery.all());
  }

  @Test
  void orderByIsRepeatedAndTakesEitherCaseAndPlusMeansSpace() {
    ImageListQuery query = ServerWire.readListQuery("orderBy=name:DESC&orderBy=size:Asc&name=a+b&unknown=1");

    assertThat(query.orderBy()).containsExactly(SortOrder.desc("name"), SortOrder.asc("size"));
    assertThat(query.name()).isEqualTo("a b");
  }

  @Test
  void auditQueryRoundTripsThroughTheClientEncoding() {
    AuditQuery query = AuditQuery.builder().page(2).size(5).orderBy(SortOrder.desc("timestamp"))
        .imageId("img-1").requestId("D5FD9FAF-58C0-4406-8F46-F449B8E4FEC3").changedBy("user 1")
        .startDate(LocalDate.of(2021, 6, 1)).endDate(LocalDate.of(2021, 6, 2)).build();

    assertThat(ServerWire.readAuditQuery(ImagesWire.auditQuery(query))).isEqualTo(query);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "page=abc|page",
      "page=0|page",
      "size=99999999999|size",
      "size=-1|size",
      "standardImage=maybe|standardImage",
      "orderBy=name:up|orderBy",
      "orderBy=na%20me|orderBy",
      "name=%ZZ|name",
  })
  void invalidListParametersAreRejectedNamingTheField(String rawQuery, String field) {
    assertThatThrownBy(() -> ServerWire.readListQuery(rawQuery))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "startDate=2021-13-01|startDate",
      "endDate=yesterday|endDate",
      "startDate=2021-06-02&endDate=2021-06-01|endDate",
      "imageId=a/b|imageId",
      "imageId=stats|imageId",
  })
  void invalidAuditParametersAreRejectedNamingTheField(String rawQuery, String field) {
    assertThatThrownBy(() -> ServerWire.readAuditQuery(rawQuery))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  // ---------------------------------------------------------------- bodies

  @Test
  void createBodyRoundTripsThroughTheClientEncoding() {
    CreateCustomImage create = CreateCustomImage
        .of("Ubuntu Ü", "https://example.com/x/image.QCOW2?sig=a&b", OsType.LINUX, "20.04.2")
        .withDescription("line one\nline two");
    byte[] body = CLIENT.createCustomImage(create, CallContext.create()).body();

    assertThat(ServerWire.readCreate(body)).isEqualTo(create);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"url\":\"https://e.com/a.iso\",\"osType\":\"Linux\",\"version\":\"1\"}|name",
      "{\"name\":5,\"url\":\"https://e.com/a.iso\",\"osType\":\"Linux\",\"version\":\"1\"}|name",
      "{\"name\":\"n\",\"url\":\"https://e.com/a.iso\",\"osType\":\"Solaris\",\"version\":\"1\"}|osType",
      "{\"name\":\"n\",\"url\":\"https://e.com/a.iso\",\"osType\":\"Linux\"}|version",
      "{\"name\":\"n\",\"url\":\"https://e.com/a.iso\",\"osType\":\"Linux\",\"version\":[]}|version",
      "{\"name\":\"n\",\"description\":{},\"url\":\"https://e.com/a.iso\",\"osType\":\"Linux\",\"version\":\"1\"}"
          + "|description",
      "{\"name\":\"n\",\"osType\":\"Linux\",\"version\":\"1\"}|url",
      "[1,2]|body",
      "not json|body",
      "|body",
  })
  void invalidCreateBodiesAreRejectedNamingTheField(String body, String field) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ServerWire.readCreate(bytes))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(ServerWire.statusFor(e)).isEqualTo(400);
        });
  }

  @Test
  void anImageUrlOfAnotherFormatMeans415AndAnyOtherUrlFaultMeans400() {
    String exe = "{\"name\":\"n\",\"url\":\"https://e.com/a.exe\",\"osType\":\"Linux\",\"version\":\"1\"}";
    String ftp = "{\"name\":\"n\",\"url\":\"ftp://e.com/a.iso\",\"osType\":\"Linux\",\"version\":\"1\"}";

    assertThatThrownBy(() -> ServerWire.readCreate(exe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(ServerWire.statusFor(e)).isEqualTo(415));
    assertThatThrownBy(() -> ServerWire.readCreate(ftp.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(ServerWire.statusFor(e)).isEqualTo(400));
  }

  @Test
  void updateBodyRoundTripsAndMustChangeSomething() {
    ImageUpdate update = ImageUpdate.builder().name("new name").description("new description").build();
    byte[] body = CLIENT.updateImage("img-1", update, CallContext.create()).body();

    assertThat(ServerWire.readUpdate(body)).isEqualTo(update);
    assertThat(ServerWire.readUpdate("{\"name\":\"n\",\"description\":null}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(ImageUpdate.rename("n"));
    assertThatThrownBy(() -> ServerWire.readUpdate("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> ServerWire.readUpdate("{\"description\":true}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("description"));
  }

  // ---------------------------------------------------------------- routes

  @Test
  void routesMapPathsToOperations() {
    assertThat(ServerWire.operationsAt("/v1/compute/images"))
        .containsExactly(ImagesOperation.RETRIEVE_IMAGE_LIST, ImagesOperation.CREATE_CUSTOM_IMAGE);
    assertThat(ServerWire.operationsAt("/v1/compute/images/stats"))
        .containsExactly(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS);
    assertThat(ServerWire.operationsAt("/v1/compute/images/audits"))
        .containsExactly(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST);
    assertThat(ServerWire.operationsAt("/v1/compute/images/img-1")).containsExactly(
        ImagesOperation.RETRIEVE_IMAGE, ImagesOperation.UPDATE_IMAGE, ImagesOperation.DELETE_IMAGE);
    assertThat(ServerWire.imageIdOf("/v1/compute/images/img-1")).isEqualTo("img-1");
    for (String path : List.of("/", "/v1/compute/images/", "/v1/compute/images/a/b", "/v1/compute/images/a%2Fb",
        "/v1/compute/images/..", "/v1/compute/imagesx", "/v2/compute/images")) {
      assertThat(ServerWire.operationsAt(path)).as(path).isEmpty();
    }
    assertThat(ServerWire.successStatus(ImagesOperation.CREATE_CUSTOM_IMAGE)).isEqualTo(201);
    assertThat(ServerWire.successStatus(ImagesOperation.DELETE_IMAGE)).isEqualTo(204);
    assertThat(ServerWire.successStatus(ImagesOperation.RETRIEVE_IMAGE)).isEqualTo(200);
  }

  // ---------------------------------------------------------------- helpers

  private static Image image(String id, String description, String errorMessage) {
    return Image.builder()
        .imageId(id)
        .tenantId(TenantId.DE)
        .customerId("12345")
        .name("Custom " + id)
        .description(description)
        .url("https://example.com/" + id + ".qcow2")
        .sizeMb(1024)
        .uploadedSizeMb(512)
        .osType(OsType.LINUX)
        .version("20.04.2")
        .format(ImageFormat.QCOW2)
        .status(ImageStatus.DOWNLOADED)
        .errorMessage(errorMessage)
        .creationDate(CREATED)
        .lastModifiedDate(MODIFIED)
        .tags(List.of(new ImageTag(12345, "web")))
        .build();
  }

  private static Image withoutTags(Image i) {
    return i.toBuilder().tags(List.of()).build();
  }

  private static JsonNode json(byte[] body) {
    try {
      return WireJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertValid(Request.Method method, String path, int status, byte[] body) {
    SimpleResponse response = SimpleResponse.Builder.status(status)
        .withContentType("application/json")
        .withBody(new String(body, StandardCharsets.UTF_8))
        .build();
    ValidationReport report = validator.validateResponse(path, method, response);
    List<String> errors = report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .collect(Collectors.toList());
    assertThat(errors).as(new String(body, StandardCharsets.UTF_8)).isEmpty();
  }
}
