package io.github.contabo4j.images.emulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageTag;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.TenantId;
import io.github.contabo4j.images.internal.Checks;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Images and audit entries as JSON, for the state file, the seed file and the control API. Reading
 * names the field that is wrong ({@code images[2].sizeMb ...}) in a {@link BadJsonException}.
 */
final class ImageJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Set<String> IMAGE_FIELDS = Set.of("imageId", "tenantId", "customerId", "name", "description",
      "url", "sizeMb", "uploadedSizeMb", "osType", "version", "format", "status", "errorMessage", "standardImage",
      "creationDate", "lastModifiedDate", "tags");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ImageJson() {}

  /** JSON that breaks a rule; the message names the field. */
  static final class BadJsonException extends RuntimeException {
    BadJsonException(String message) {
      super(message);
    }
  }

  /** What a seeded image gets for a field it leaves out. */
  record Defaults(TenantId tenantId, String customerId, long sizeMb, Instant now) {}

  static ObjectNode write(Image image) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("imageId", image.imageId());
    n.put("tenantId", image.tenantId() == null ? null : image.tenantId().value());
    n.put("customerId", image.customerId());
    n.put("name", image.name());
    n.put("description", image.description());
    n.put("url", image.url());
    n.put("sizeMb", image.sizeMb());
    n.put("uploadedSizeMb", image.uploadedSizeMb());
    n.put("osType", image.osType() == null ? null : image.osType().value());
    n.put("version", image.version());
    n.put("format", image.format() == null ? null : image.format().value());
    n.put("status", image.status() == null ? null : image.status().value());
    n.put("errorMessage", image.errorMessage());
    n.put("standardImage", image.standardImage());
    n.put("creationDate", image.creationDate() == null ? null : image.creationDate().toString());
    n.put("lastModifiedDate", image.lastModifiedDate() == null ? null : image.lastModifiedDate().toString());
    ArrayNode tags = n.putArray("tags");
    for (ImageTag tag : image.tags()) {
      tags.addObject().put("tagId", tag.tagId()).put("tagName", tag.tagName());
    }
    return n;
  }

  static ObjectNode write(AuditEntry a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", a.id());
    n.put("action", a.action() == null ? null : a.action().value());
    n.put("timestamp", a.timestamp() == null ? null : a.timestamp().toString());
    n.put("tenantId", a.tenantId() == null ? null : a.tenantId().value());
    n.put("customerId", a.customerId());
    n.put("changedBy", a.changedBy());
    n.put("username", a.username());
    n.put("requestId", a.requestId());
    n.put("traceId", a.traceId());
    n.put("imageId", a.imageId());
    n.set("changes", MAPPER.valueToTree(a.changes()));
    return n;
  }

  /**
   * Reads the images of a JSON array, filling what each leaves out from {@code defaults}: a seed
   * needs only a {@code name}.
   *
   * @param array the array
   * @param where how the array is named in messages, e.g. {@code images}
   */
  static List<Image> readImages(@Nullable JsonNode array, String where, Defaults defaults) {
    if (array == null || !array.isArray()) {
      throw new BadJsonException(where + " must be a JSON array of images");
    }
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      images.add(readImage(array.get(i), where + "[" + i + "]", defaults));
    }
    return images;
  }

  static Image readImage(JsonNode n, String where, Defaults d) {
    if (!n.isObject()) {
      throw new BadJsonException(where + " must be a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!IMAGE_FIELDS.contains(field)) {
        throw new BadJsonException(where + "." + field + " is not an image field; known: " + String.join(", ",
            IMAGE_FIELDS.stream().sorted().toList()));
      }
    }
    String name = text(n, where, "name", null);
    if (name == null || name.isBlank()) {
      throw new BadJsonException(where + ".name is required and must not be blank");
    }
    String imageId = text(n, where, "imageId", UUID.randomUUID().toString());
    try {
      Checks.requireImageId("imageId", imageId);
    } catch (RuntimeException e) {
      throw new BadJsonException(where + ".imageId must be an image id such as a UUID, was '" + imageId + "'");
    }
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    String url = text(n, where, "url", "https://images.example.com/" + slug + ".qcow2");
    long sizeMb = number(n, where, "sizeMb", d.sizeMb());
    ImageStatus status = ImageStatus.of(text(n, where, "status", "downloaded"));
    if (!ImageStatus.knownValues().contains(status)) {
      throw new BadJsonException(where + ".status must be downloading, downloaded or error, was '" + status.value() + "'");
    }
    long uploaded = number(n, where, "uploadedSizeMb", status.equals(ImageStatus.DOWNLOADED) ? sizeMb : 0);
    Instant created = instant(n, where, "creationDate", d.now());
    String format = text(n, where, "format", url.toLowerCase(Locale.ROOT).endsWith(".iso") ? "iso" : "qcow2");
    String tenant = text(n, where, "tenantId", d.tenantId().value());
    List<ImageTag> tags = new ArrayList<>();
    JsonNode tagArray = n.get("tags");
    if (tagArray != null && !tagArray.isNull()) {
      if (!tagArray.isArray()) {
        throw new BadJsonException(where + ".tags must be an array");
      }
      for (int i = 0; i < tagArray.size(); i++) {
        JsonNode tag = tagArray.get(i);
        tags.add(new ImageTag(number(tag, where + ".tags[" + i + "]", "tagId", 0),
            text(tag, where + ".tags[" + i + "]", "tagName", null)));
      }
    }
    return Image.builder()
        .imageId(imageId)
        .tenantId(TenantId.of(tenant))
        .customerId(text(n, where, "customerId", d.customerId()))
        .name(name)
        .description(text(n, where, "description", ""))
        .url(url)
        .sizeMb(sizeMb)
        .uploadedSizeMb(uploaded)
        .osType(OsType.of(text(n, where, "osType", "Linux")))
        .version(text(n, where, "version", "1.0"))
        .format(ImageFormat.of(format))
        .status(status)
        .errorMessage(text(n, where, "errorMessage", status.equals(ImageStatus.ERROR) ? "Error downloading image from provided URL" : ""))
        .standardImage(bool(n, where, "standardImage"))
        .creationDate(created)
        .lastModifiedDate(instant(n, where, "lastModifiedDate", created))
        .tags(tags)
        .build();
  }

  static List<AuditEntry> readAudits(@Nullable JsonNode array, String where) {
    if (array == null || !array.isArray()) {
      throw new BadJsonException(where + " must be a JSON array of audit entries");
    }
    List<AuditEntry> audits = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode n = array.get(i);
      String at = where + "[" + i + "]";
      if (!n.isObject()) {
        throw new BadJsonException(at + " must be a JSON object");
      }
      String action = text(n, at, "action", null);
      String tenant = text(n, at, "tenantId", null);
      JsonNode changes = n.get("changes");
      audits.add(AuditEntry.builder()
          .id(number(n, at, "id", i + 1))
          .action(action == null ? null : AuditAction.of(action))
          .timestamp(instant(n, at, "timestamp", null))
          .tenantId(tenant == null ? null : TenantId.of(tenant))
          .customerId(text(n, at, "customerId", null))
          .changedBy(text(n, at, "changedBy", null))
          .username(text(n, at, "username", null))
          .requestId(text(n, at, "requestId", null))
          .traceId(text(n, at, "traceId", null))
          .imageId(text(n, at, "imageId", null))
          .changes(changes == null || changes.isNull() ? Map.of() : MAPPER.convertValue(changes, MAP))
          .build());
    }
    return audits;
  }

  private static @Nullable String text(JsonNode n, String where, String field, @Nullable String fallback) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw new BadJsonException(where + "." + field + " must be a string");
    }
    return v.asText();
  }

  private static long number(JsonNode n, String where, String field, long fallback) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || v.asLong() < 0) {
      throw new BadJsonException(where + "." + field + " must be a whole number, 0 or more");
    }
    return v.asLong();
  }

  private static boolean bool(JsonNode n, String where, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new BadJsonException(where + "." + field + " must be true or false");
    }
    return v.asBoolean();
  }

  private static @Nullable Instant instant(JsonNode n, String where, String field, @Nullable Instant fallback) {
    String v = text(n, where, field, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new BadJsonException(where + "." + field + " must be an ISO-8601 instant like 2024-06-03T08:00:00Z");
    }
  }
}
