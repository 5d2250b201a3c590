package io.github.contabo4j.images.testkit.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.Envelopes.DataEnvelope;
import io.github.contabo4j.images.internal.wire.WireJson;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The server side of the wire format, for the testkit's HTTP face: routes a path to its operations,
 * reads query strings and JSON bodies into the request records (so every rule in {@code Checks}
 * applies on the server exactly as on the client), and writes every answer the way the service does.
 *
 * <p>Every property the vendor spec marks required is written; a value the record lacks is written as
 * {@code ""}. For an answer to validate, a backend must still supply the values the spec constrains
 * beyond "a string" ({@code tenantId}, {@code customerId}, {@code format}, the dates). Stateless and
 * thread-safe.
 */
public final class ServerWire {
  private static final List<String> IMAGE_REQUIRED = List.of(
      "imageId", "tenantId", "customerId", "name", "description", "url", "osType", "version", "format",
      "status", "errorMessage", "creationDate", "lastModifiedDate");
  private static final List<String> REF_REQUIRED = List.of("imageId", "tenantId", "customerId");
  private static final List<String> STATS_REQUIRED = List.of("tenantId", "customerId");
  private static final List<String> AUDIT_REQUIRED = List.of(
      "action", "timestamp", "tenantId", "customerId", "changedBy", "username", "requestId", "traceId",
      "imageId");
  private static final String UNSUPPORTED_FORMAT_RULE = ".iso or .qcow2";

  private ServerWire() {}

  // ---------------------------------------------------------------- routes

  /**
   * The operations served at a path.
   *
   * @param rawPath the raw (still encoded) request path, without query
   * @return the operations, empty when no route of the API matches
   */
  public static List<ImagesOperation> operationsAt(String rawPath) {
    if (rawPath.equals(ImagesWire.IMAGES_PATH)) {
      return List.of(ImagesOperation.RETRIEVE_IMAGE_LIST, ImagesOperation.CREATE_CUSTOM_IMAGE);
    }
    if (rawPath.equals(ImagesWire.STATS_PATH)) {
      return List.of(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS);
    }
    if (rawPath.equals(ImagesWire.AUDITS_PATH)) {
      return List.of(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST);
    }
    if (imageIdOf(rawPath) != null) {
      return List.of(ImagesOperation.RETRIEVE_IMAGE, ImagesOperation.UPDATE_IMAGE, ImagesOperation.DELETE_IMAGE);
    }
    return List.of();
  }

  /**
   * The image id in {@code /v1/compute/images/{imageId}}.
   *
   * @param rawPath the raw request path, without query
   * @return the id, or null when the path is not one image's or the id breaks the id rule
   */
  public static @Nullable String imageIdOf(String rawPath) {
    String prefix = ImagesWire.IMAGES_PATH + "/";
    if (!rawPath.startsWith(prefix)) {
      return null;
    }
    String id = rawPath.substring(prefix.length());
    try {
      // The same rule the client applies: one unreserved segment, never 'stats' or 'audits'.
      ImagesWire.imagePath(id);
      return id;
    } catch (InvalidRequestException e) {
      return null;
    }
  }

  /**
   * The HTTP method of an operation, as the vendor's spec gives it.
   *
   * @param operation the operation
   * @return {@code POST}, {@code PATCH}, {@code DELETE} or {@code GET}
   */
  public static String methodOf(ImagesOperation operation) {
    switch (operation) {
      case CREATE_CUSTOM_IMAGE:
        return "POST";
      case UPDATE_IMAGE:
        return "PATCH";
      case DELETE_IMAGE:
        return "DELETE";
      default:
        return "GET";
    }
  }

  /**
   * The status of a successful answer.
   *
   * @param operation the operation
   * @return 201 for create, 204 for delete, else 200
   */
  public static int successStatus(ImagesOperation operation) {
    switch (operation) {
      case CREATE_CUSTOM_IMAGE:
        return 201;
      case DELETE_IMAGE:
        return 204;
      default:
        return 200;
    }
  }

  /**
   * The status the service gives a request that breaks a rule: 415 for an image URL that names no
   * {@code .iso} or {@code .qcow2} file (the service's "Unsupported Media Type"), else 400.
   *
   * @param e the broken rule
   * @return 400 or 415
   */
  public static int statusFor(InvalidRequestException e) {
    return e.field().equals("url") && e.rule().contains(UNSUPPORTED_FORMAT_RULE) ? 415 : 400;
  }

  // ---------------------------------------------------------------- requests

  /**
   * Reads a list query: {@code page}, {@code size}, {@code orderBy} (repeated, direction in either
   * case), {@code name}, {@code standardImage} and {@code search}. Unknown parameters are ignored; of a
   * repeated single-valued parameter the first counts.
   *
   * @param rawQuery the raw query string without {@code ?}, or null
   * @return the query
   * @throws InvalidRequestException naming the parameter that breaks a rule
   */
  public static ImageListQuery readListQuery(@Nullable String rawQuery) {
    Map<String, List<String>> params = parseQuery(rawQuery);
    return ImageListQuery.builder()
        .page(integer(params, "page"))
        .size(integer(params, "size"))
        .name(first(params, "name"))
        .standardImage(bool(params, "standardImage"))
        .search(first(params, "search"))
        .orderBy(orderBy(params).toArray(SortOrder[]::new))
        .build();
  }

  /**
   * Reads an audit query: {@code page}, {@code size}, {@code orderBy}, {@code imageId}, {@code
   * requestId}, {@code changedBy}, {@code startDate} and {@code endDate} ({@code yyyy-MM-dd}).
   *
   * @param rawQuery the raw query string without {@code ?}, or null
   * @return the query
   * @throws InvalidRequestException naming the parameter that breaks a rule
   */
  public static AuditQuery readAuditQuery(@Nullable String rawQuery) {
    Map<String, List<String>> params = parseQuery(rawQuery);
    return AuditQuery.builder()
        .page(integer(params, "page"))
        .size(integer(params, "size"))
        .orderBy(orderBy(params).toArray(SortOrder[]::new))
        .imageId(first(params, "imageId"))
        .requestId(first(params, "requestId"))
        .changedBy(first(params, "changedBy"))
        .startDate(date(params, "startDate"))
        .endDate(date(params, "endDate"))
        .build();
  }

  /**
   * Reads a create body ({@code CreateCustomImageRequest}).
   *
   * @param body the JSON bytes
   * @return the validated create
   * @throws InvalidRequestException naming the field that is missing, of the wrong type or breaks a
   *     rule ({@code body} when it is not a JSON object)
   */
  public static CreateCustomImage readCreate(byte[] body) {
    JsonNode json = object(body);
    String osType = text(json, "osType");
    return CreateCustomImage.builder()
        .name(text(json, "name"))
        .description(text(json, "description"))
        .url(text(json, "url"))
        .osType(osType == null ? null : new OsType(osType))
        .version(text(json, "version"))
        .build();
  }

  /**
   * Reads an update body ({@code UpdateCustomImageRequest}).
   *
   * @param body the JSON bytes
   * @return the validated update
   * @throws InvalidRequestException naming the field that is of the wrong type or breaks a rule
   */
  public static ImageUpdate readUpdate(byte[] body) {
    JsonNode json = object(body);
    return ImageUpdate.builder().name(text(json, "name")).description(text(json, "description")).build();
  }

  private static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode("query", eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(name, pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
    return params;
  }

  private static String decode(String field, String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, "must be percent-encoded correctly");
    }
  }

  private static @Nullable String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null ? null : values.get(0);
  }

  private static <T> @Nullable T first(
      Map<String, List<String>> params, String name, Function<String, T> parse, String rule) {
    String value = first(params, name);
    if (value == null) {
      return null;
    }
    try {
      return parse.apply(value);
    } catch (RuntimeException e) {
      throw new InvalidRequestException(name, rule);
    }
  }

  private static @Nullable Integer integer(Map<String, List<String>> params, String name) {
    return first(params, name, Integer::valueOf, "must be an integer from 1 to " + Integer.MAX_VALUE);
  }

  private static @Nullable Boolean bool(Map<String, List<String>> params, String name) {
    return first(params, name, v -> {
      String lower = v.toLowerCase(Locale.ROOT);
      if (!lower.equals("true") && !lower.equals("false")) {
        throw new IllegalArgumentException();
      }
      return Boolean.valueOf(lower);
    }, "must be true or false");
  }

  private static @Nullable LocalDate date(Map<String, List<String>> params, String name) {
    return first(params, name, LocalDate::parse, "must be a date like 2021-06-02");
  }

  private static List<SortOrder> orderBy(Map<String, List<String>> params) {
    List<String> values = params.getOrDefault("orderBy", List.of());
    List<SortOrder> orders = new ArrayList<>(values.size());
    for (String value : values) {
      orders.add(SortOrder.parse(value)); // names orderBy in its own exceptions
    }
    return orders;
  }

  private static JsonNode object(byte[] body) {
    JsonNode json;
    try {
      json = WireJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new InvalidRequestException("body", "must be a JSON object");
    }
    if (json == null || !json.isObject()) {
      throw new InvalidRequestException("body", "must be a JSON object");
    }
    return json;
  }

  private static @Nullable String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidRequestException(field, "must be a string");
    }
    return value.asText();
  }

  // ---------------------------------------------------------------- answers

  /**
   * Writes the 201 answer of a create ({@code CreateCustomImageResponse}).
   *
   * @param created the created image
   * @return the body
   */
  public static byte[] created(CreatedImage created) {
    return ref(ImageRef.builder()
        .imageId(created.imageId())
        .tenantId(created.tenantId())
        .customerId(created.customerId())
        .build());
  }

  /**
   * Writes the answer of an update ({@code UpdateCustomImageResponse}).
   *
   * @param ref the updated image
   * @return the body
   */
  public static byte[] updated(ImageRef ref) {
    return ref(ref);
  }

  /**
   * Writes the answer of a single image ({@code FindImageResponse}). That schema has no {@code tags},
   * so none are written: only a list shows an image's tags.
   *
   * @param image the image
   * @return the body
   */
  public static byte[] image(Image image) {
    ObjectNode item = filled(image, IMAGE_REQUIRED);
    item.remove("tags");
    return single(item, ImagesWire.imagePath(image.imageId()));
  }

  /**
   * Writes a page of images ({@code ListImageResponse}) with its links and pagination.
   *
   * @param page the page; its pagination is used, and its links when it has a {@code self} link,
   *     else they are built from {@code query}
   * @param query the query that was answered
   * @return the body
   */
  public static byte[] imagePage(Page<Image> page, ImageListQuery query) {
    return page(page, IMAGE_REQUIRED, ImagesWire.IMAGES_PATH,
        p -> ImagesWire.listQuery(query.withPage(p)));
  }

  /**
   * Writes a page of audit entries ({@code ImageAuditResponse}) with its links and pagination.
   *
   * @param page the page; its pagination is used, and its links when it has a {@code self} link,
   *     else they are built from {@code query}
   * @param query the query that was answered
   * @return the body
   */
  public static byte[] auditPage(Page<AuditEntry> page, AuditQuery query) {
    return page(page, AUDIT_REQUIRED, ImagesWire.AUDITS_PATH,
        p -> ImagesWire.auditQuery(query.withPage(p)));
  }

  /**
   * Writes the statistics answer ({@code CustomImagesStatsResponse}).
   *
   * @param stats the statistics
   * @return the body
   */
  public static byte[] stats(ImageStats stats) {
    return single(filled(stats, STATS_REQUIRED), ImagesWire.STATS_PATH);
  }

  /**
   * Writes an error body, {@code {"statusCode": N, "message": "..."}}.
   *
   * @param statusCode the status
   * @param message the message
   * @return the body
   */
  public static byte[] error(int statusCode, String message) {
    ObjectNode node = WireJson.MAPPER.createObjectNode();
    node.put("statusCode", statusCode);
    node.put("message", message);
    return write(node);
  }

  /**
   * The links of page {@code page} of {@code totalPages}: self, first and last always ({@code last}
   * is page 1 when there are none), previous and next when they exist.
   *
   * @param path the collection path
   * @param page the page number
   * @param totalPages the page count
   * @param queryOfPage the encoded query string of a page number
   * @return the links
   */
  static PageLinks links(String path, long page, long totalPages, IntFunction<String> queryOfPage) {
    IntFunction<String> link = p -> path + "?" + queryOfPage.apply(p);
    int current = Math.toIntExact(Math.max(1, page));
    int last = Math.toIntExact(Math.max(1, totalPages));
    return new PageLinks(
        link.apply(current),
        link.apply(1),
        current > 1 ? link.apply(Math.min(current - 1, last)) : null,
        current < last ? link.apply(current + 1) : null,
        link.apply(last));
  }

  private static byte[] ref(ImageRef ref) {
    return single(filled(ref, REF_REQUIRED), ImagesWire.imagePath(ref.imageId()));
  }

  private static byte[] single(ObjectNode item, String self) {
    return write(new DataEnvelope<>(List.of(item), new PageLinks(self, null, null, null, null), null));
  }

  private static <T> byte[] page(
      Page<T> page, List<String> required, String path, IntFunction<String> queryOfPage) {
    List<ObjectNode> items = new ArrayList<>(page.items().size());
    for (T item : page.items()) {
      items.add(filled(item, required));
    }
    Pagination pagination = page.pagination();
    // The backend's own links win: only it knows the effective page size, which the service's
    // links always carry, also when the request left it out.
    PageLinks links = page.links().self() != null
        ? page.links()
        : links(path, pagination.page(), pagination.totalPages(), queryOfPage);
    return write(new DataEnvelope<>(items, links, pagination));
  }

  private static ObjectNode filled(Object value, List<String> required) {
    ObjectNode node = WireJson.MAPPER.valueToTree(value);
    for (String field : required) {
      if (!node.hasNonNull(field)) {
        node.put(field, ""); // the spec requires the property; the service sends "" for "none"
      }
    }
    return node;
  }

  private static byte[] write(Object value) {
    try {
      return WireJson.MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }
}
