package io.github.contabo4j.images.tck.transport;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageTag;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Answers written the way the vendor spec describes them, each next to the value it must parse to.
 * Written by hand on purpose: the suite must not derive its expectations from the code under test.
 */
final class WireFixtures {
  static final String IMAGE_ID = "img-7f3a";
  static final String CUSTOMER_ID = "54321";

  private static final String IMAGE_FIELDS = """
      "imageId": "img-7f3a", "tenantId": "DE", "customerId": "54321",
      "name": "Ubuntu Custom", "description": "Ubuntu 22.04 for the web tier",
      "url": "https://example.com/images/ubuntu.qcow2", "sizeMb": 2048, "uploadedSizeMb": 1024,
      "osType": "Linux", "version": "22.04", "format": "qcow2", "status": "downloading",
      "errorMessage": "", "standardImage": false,
      "creationDate": "2024-05-01T10:00:00Z", "lastModifiedDate": "2024-05-01T10:05:00Z"
      """;

  static final String IMAGE_BODY = """
      {"data": [{%s}], "_links": {"self": "/v1/compute/images/img-7f3a"}}
      """.formatted(IMAGE_FIELDS);

  static final String IMAGE_LIST_BODY = """
      {"data": [{%s, "tags": [{"tagId": 12345, "tagName": "Web-Server"}]}],
       "_links": {"first": "/v1/compute/images?page=1&size=5", "previous": "/v1/compute/images?page=1&size=5",
                  "self": "/v1/compute/images?page=2&size=5", "next": "/v1/compute/images?page=3&size=5",
                  "last": "/v1/compute/images?page=3&size=5"},
       "_pagination": {"page": 2, "size": 5, "totalElements": 11, "totalPages": 3}}
      """.formatted(IMAGE_FIELDS);

  static final String EMPTY_LIST_BODY = """
      {"data": [], "_links": {"first": "/v1/compute/images?page=1", "self": "/v1/compute/images?page=1",
                              "last": "/v1/compute/images?page=1"},
       "_pagination": {"page": 1, "size": 10, "totalElements": 0, "totalPages": 0}}
      """;

  static final String REF_BODY = """
      {"data": [{"imageId": "img-7f3a", "tenantId": "DE", "customerId": "54321"}],
       "_links": {"self": "/v1/compute/images/img-7f3a"}}
      """;

  static final String STATS_BODY = """
      {"data": [{"tenantId": "DE", "customerId": "54321", "currentImagesCount": 4,
                 "totalSizeMb": 102400, "usedSizeMb": 55000, "freeSizeMb": 47400}],
       "_links": {"self": "/v1/compute/images/stats"}}
      """;

  static final String AUDITS_BODY = """
      {"data": [{"id": 12345, "action": "UPDATED", "timestamp": "2024-05-02T08:30:00.177Z",
                 "tenantId": "DE", "customerId": "54321",
                 "changedBy": "c4c800ff-e524-47dd-9543-71dfc8b91113", "username": "John.Doe",
                 "requestId": "04E0F898-37B4-48BC-A794-1A57ABE6AA31", "traceId": "",
                 "imageId": "img-7f3a", "changes": {"prev": {"name": "old"}, "new": {"name": "new"}}}],
       "_links": {"first": "/v1/compute/images/audits?page=1", "self": "/v1/compute/images/audits?page=1",
                  "last": "/v1/compute/images/audits?page=1"},
       "_pagination": {"page": 1, "size": 20, "totalElements": 1, "totalPages": 1}}
      """;

  static final Image IMAGE = image(List.of());

  static final Image LISTED_IMAGE = image(List.of(new ImageTag(12345, "Web-Server")));

  static final Pagination LIST_PAGINATION = new Pagination(2, 5, 11, 3);

  static final PageLinks LIST_LINKS = new PageLinks(
      "/v1/compute/images?page=2&size=5", "/v1/compute/images?page=1&size=5",
      "/v1/compute/images?page=1&size=5", "/v1/compute/images?page=3&size=5",
      "/v1/compute/images?page=3&size=5");

  static final ImageStats STATS = ImageStats.builder()
      .tenantId(TenantId.DE)
      .customerId(CUSTOMER_ID)
      .currentImagesCount(4)
      .totalSizeMb(102400)
      .usedSizeMb(55000)
      .freeSizeMb(47400)
      .build();

  static final AuditEntry AUDIT = AuditEntry.builder()
      .id(12345)
      .action(AuditAction.UPDATED)
      .timestamp(Instant.parse("2024-05-02T08:30:00.177Z"))
      .tenantId(TenantId.DE)
      .customerId(CUSTOMER_ID)
      .changedBy("c4c800ff-e524-47dd-9543-71dfc8b91113")
      .username("John.Doe")
      .requestId("04E0F898-37B4-48BC-A794-1A57ABE6AA31")
      .traceId("")
      .imageId(IMAGE_ID)
      .changes(Map.of("prev", Map.of("name", "old"), "new", Map.of("name", "new")))
      .build();

  private WireFixtures() {}

  private static Image image(List<ImageTag> tags) {
    return Image.builder()
        .imageId(IMAGE_ID)
        .tenantId(TenantId.DE)
        .customerId(CUSTOMER_ID)
        .name("Ubuntu Custom")
        .description("Ubuntu 22.04 for the web tier")
        .url("https://example.com/images/ubuntu.qcow2")
        .sizeMb(2048)
        .uploadedSizeMb(1024)
        .osType(OsType.LINUX)
        .version("22.04")
        .format(ImageFormat.QCOW2)
        .status(ImageStatus.DOWNLOADING)
        .errorMessage("")
        .creationDate(Instant.parse("2024-05-01T10:00:00Z"))
        .lastModifiedDate(Instant.parse("2024-05-01T10:05:00Z"))
        .tags(tags)
        .build();
  }
}
