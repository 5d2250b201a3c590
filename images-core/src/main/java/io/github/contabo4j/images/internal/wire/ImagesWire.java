package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.internal.AttemptTimeouts;
import java.time.Duration;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImagesCall;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.wire.Envelopes.DataEnvelope;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client side of the wire format: turns a port call into a {@link WireRequest} and a {@link
 * WireResponse} into a result or an exception. One instance per client; thread-safe.
 */
public final class ImagesWire implements ImagesCall.Visitor<WireRequest> {
  /** The images collection path. */
  public static final String IMAGES_PATH = "/v1/compute/images";
  /** The statistics path. */
  public static final String STATS_PATH = IMAGES_PATH + "/stats";
  /** The audit history path. */
  public static final String AUDITS_PATH = IMAGES_PATH + "/audits";
  /** Header: the per-attempt request id. */
  public static final String REQUEST_ID = "x-request-id";
  /** Header: the optional trace id. */
  public static final String TRACE_ID = "x-trace-id";

  private static final String JSON = "application/json";
  private static final Map<ImagesOperation, ObjectReader> READERS = readers();

  private final TokenSource tokens;
  private final String userAgent;
  private final @Nullable String defaultTraceId;
  private final Clock clock;

  /**
   * Creates the wire for one client.
   *
   * @param tokens supplies the bearer token for each attempt
   * @param userAgent the {@code User-Agent} value
   * @param defaultTraceId the client-wide {@code x-trace-id}, used when a call's context has none
   * @param clock measures {@code Retry-After} dates
   */
  public ImagesWire(TokenSource tokens, String userAgent, @Nullable String defaultTraceId, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
    this.userAgent = userAgent;
    this.defaultTraceId = defaultTraceId;
    this.clock = Objects.requireNonNull(clock, "clock == null");
    Checks.requireHeaderValue("userAgent", userAgent);
    if (defaultTraceId != null) {
      Checks.requireHeaderValue("x-trace-id", defaultTraceId);
    }
  }

  // ---------------------------------------------------------------- requests

  /**
   * Encodes one attempt of a call: what the call's operation sends, with a fresh request id drawn
   * from its context.
   *
   * @param call the call
   * @return the attempt
   */
  public WireRequest encode(ImagesCall<?> call) {
    return call.accept(this);
  }

  /**
   * Encodes {@code POST /v1/compute/images}.
   *
   * @param request the validated create
   * @param context the call's context; a new request id is drawn from it
   * @return the attempt
   */
  @Override
  public WireRequest createCustomImage(CreateCustomImage request, CallContext context) {
    return request(ImagesOperation.CREATE_CUSTOM_IMAGE, "POST", IMAGES_PATH, "", json(request), context);
  }

  /**
   * Encodes {@code GET /v1/compute/images}.
   *
   * @param query the query
   * @param context the call's context
   * @return the attempt
   */
  @Override
  public WireRequest retrieveImageList(ImageListQuery query, CallContext context) {
    return request(ImagesOperation.RETRIEVE_IMAGE_LIST, "GET", IMAGES_PATH, listQuery(query), null, context);
  }

  /**
   * Encodes {@code GET /v1/compute/images/{imageId}}.
   *
   * @param imageId the id, validated here
   * @param context the call's context
   * @return the attempt
   */
  @Override
  public WireRequest retrieveImage(String imageId, CallContext context) {
    return request(ImagesOperation.RETRIEVE_IMAGE, "GET", imagePath(imageId), "", null, context);
  }

  /**
   * Encodes {@code PATCH /v1/compute/images/{imageId}}.
   *
   * @param imageId the id, validated here
   * @param update the validated update
   * @param context the call's context
   * @return the attempt
   */
  @Override
  public WireRequest updateImage(String imageId, ImageUpdate update, CallContext context) {
    return request(ImagesOperation.UPDATE_IMAGE, "PATCH", imagePath(imageId), "", json(update), context);
  }

  /**
   * Encodes {@code DELETE /v1/compute/images/{imageId}}.
   *
   * @param imageId the id, validated here
   * @param context the call's context
   * @return the attempt
   */
  @Override
  public WireRequest deleteImage(String imageId, CallContext context) {
    return request(ImagesOperation.DELETE_IMAGE, "DELETE", imagePath(imageId), "", null, context);
  }

  /**
   * Encodes {@code GET /v1/compute/images/stats}.
   *
   * @param context the call's context
   * @return the attempt
   */
  @Override
  public WireRequest retrieveCustomImagesStats(CallContext context) {
    return request(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, "GET", STATS_PATH, "", null, context);
  }

  /**
   * Encodes {@code GET /v1/compute/images/audits}.
   *
   * @param query the query
   * @param context the call's context
   * @return the attempt
   */
  @Override
  public WireRequest retrieveImageAuditsList(AuditQuery query, CallContext context) {
    return request(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, "GET", AUDITS_PATH, auditQuery(query), null, context);
  }

  /**
   * The path of one image.
   *
   * @param imageId the id; validated so it stays one path segment
   * @return {@code /v1/compute/images/{imageId}}
   */
  public static String imagePath(String imageId) {
    // Checks admits only unreserved characters, so the id needs no percent-encoding.
    return IMAGES_PATH + "/" + Checks.requireImageId("imageId", imageId);
  }

  /**
   * Encodes a list query: {@code page}, {@code size}, each {@code orderBy} repeated, {@code name},
   * {@code standardImage}, {@code search}, each percent-encoded ({@code &}, {@code #}, spaces).
   *
   * @param query the query
   * @return the query string without {@code ?}, empty when nothing is set
   */
  public static String listQuery(ImageListQuery query) {
    return join(listQueryParams(query));
  }

  /**
   * The list query's parameters, in sending order, with percent-encoded values; {@code orderBy}
   * holds one value per term. For clients that assemble the query themselves (Feign's
   * {@code @QueryMap(encoded = true)}).
   *
   * @param query the query
   * @return parameter name to encoded values; unset parameters are absent
   */
  public static Map<String, List<String>> listQueryParams(ImageListQuery query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    param(params, "page", query.page());
    param(params, "size", query.size());
    for (SortOrder order : query.orderBy()) {
      param(params, "orderBy", order.wireValue());
    }
    param(params, "name", query.name());
    param(params, "standardImage", query.standardImage());
    param(params, "search", query.search());
    return params;
  }

  /**
   * Encodes an audit query.
   *
   * @param query the query
   * @return the query string without {@code ?}, empty when nothing is set
   */
  public static String auditQuery(AuditQuery query) {
    return join(auditQueryParams(query));
  }

  /**
   * The audit query's parameters, in sending order, with percent-encoded values.
   *
   * @param query the query
   * @return parameter name to encoded values; unset parameters are absent
   */
  public static Map<String, List<String>> auditQueryParams(AuditQuery query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    param(params, "page", query.page());
    param(params, "size", query.size());
    for (SortOrder order : query.orderBy()) {
      param(params, "orderBy", order.wireValue());
    }
    param(params, "imageId", query.imageId());
    param(params, "requestId", query.requestId());
    param(params, "changedBy", query.changedBy());
    param(params, "startDate", query.startDate());
    param(params, "endDate", query.endDate());
    return params;
  }

  /**
   * Percent-encodes a query component (UTF-8; a space becomes {@code %20}, never {@code +}).
   *
   * @param value the raw value
   * @return the encoded value
   */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void param(Map<String, List<String>> params, String name, @Nullable Object value) {
    if (value != null) {
      params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(encode(value.toString()));
    }
  }

  private static String join(Map<String, List<String>> params) {
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    params.forEach((name, values) -> {
      for (String value : values) {
        if (sb.length() > 0) {
          sb.append('&');
        }
        sb.append(name).append('=').append(value);
      }
    });
    return sb.toString();
  }

  private WireRequest request(
      ImagesOperation operation, String method, String path, String query, byte @Nullable [] body, CallContext context) {
    String traceId = context.traceId().orElse(defaultTraceId);
    String token;
    try {
      // Bounded by what the call's deadline and the attempt timeout leave, when a decorator set it.
      Optional<Duration> attemptTimeout = AttemptTimeouts.of(context);
      token = attemptTimeout.isPresent() ? tokens.accessToken(attemptTimeout.get()) : tokens.accessToken();
    } catch (RuntimeException e) {
      throw TokenFailures.unavailable(operation, e, context.requestIds(), traceId);
    }
    Checks.requireToken("accessToken", token);
    String requestId = context.newRequestId();
    Map<String, String> headers = new LinkedHashMap<>(8);
    headers.put("Authorization", "Bearer " + token);
    headers.put(REQUEST_ID, requestId);
    if (traceId != null) {
      headers.put(TRACE_ID, traceId);
    }
    headers.put("Accept", JSON);
    if (body != null) {
      headers.put("Content-Type", JSON);
    }
    headers.put("User-Agent", userAgent);
    return new WireRequest(
        operation, method, path, query, Collections.unmodifiableMap(headers), body, requestId, traceId, context);
  }

  /**
   * Encodes a request body as JSON, NON_NULL: the one encoder for every transport.
   *
   * @param value a request record
   * @return the JSON bytes
   */
  public static byte[] json(Object value) {
    try {
      return WireJson.MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  // ---------------------------------------------------------------- responses

  /**
   * Turns an answer into the operation's result, or throws the mapped exception: an {@link
   * ImagesServiceException} subclass for a non-2xx status, an {@code ImagesTransportException} for a
   * 2xx body that cannot be used.
   *
   * @param request the attempt
   * @param response what came back
   * @param <T> the operation's result type ({@code Void} for delete)
   * @return the result
   */
  @SuppressWarnings("unchecked") // READERS map each operation to the reader of its own result type
  public <T> T decode(WireRequest request, WireResponse response) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw errorFor(request, status, response.retryAfter(), response.body());
    }
    try {
      return (T) decodeBody(request, response.body());
    } catch (MalformedBodyException e) {
      throw TransportFailures.badBody(request, e.failure(), e.getMessage(), e.getCause());
    }
  }

  /**
   * The exception for an error answer.
   *
   * @param request the attempt
   * @param statusCode the status from the status line
   * @param retryAfter the {@code Retry-After} header, if any
   * @param body the error body
   * @return the exception, not thrown
   */
  public ImagesServiceException errorFor(
      WireRequest request, int statusCode, @Nullable String retryAfter, byte[] body) {
    return ImagesServiceException.forStatus(
        request.operation(),
        statusCode,
        ErrorBodies.message(statusCode, body, request.bearerToken()),
        RetryAfter.parse(retryAfter, clock),
        retryAfter,
        request.requestIds(),
        request.traceId());
  }

  /**
   * Decodes a 2xx body into the attempt's result, and checks that a single-object answer about one
   * image ({@code retrieveImage}, {@code updateImage}) names the image asked for: an answer naming
   * another one (bytes left over from another exchange, a confused proxy) is malformed.
   *
   * @param request the attempt
   * @param body the body bytes
   * @return the result, as {@link #decodeBody(ImagesOperation, byte[])}
   * @throws MalformedBodyException when the body is empty, unparseable, lacks its data or names
   *     another image
   */
  public static @Nullable Object decodeBody(WireRequest request, byte[] body) {
    Object result = decodeBody(request.operation(), body);
    String answered = result instanceof Image ? ((Image) result).imageId()
        : result instanceof ImageRef ? ((ImageRef) result).imageId() : null;
    String asked = request.path().startsWith(IMAGES_PATH + "/") ? request.path().substring(IMAGES_PATH.length() + 1) : null;
    if (asked != null && (request.operation() == ImagesOperation.RETRIEVE_IMAGE
        || request.operation() == ImagesOperation.UPDATE_IMAGE) && !asked.equals(answered)) {
      throw new MalformedBodyException(Failure.MALFORMED_RESPONSE, "the answer names image "
          + (answered == null ? "null" : ErrorBodies.clean(answered, 80)) + ", not " + asked + ", the one asked for",
          null);
    }
    return result;
  }

  /**
   * Decodes a 2xx body into the operation's result.
   *
   * @param operation the operation
   * @param body the body bytes
   * @return the result: {@link CreatedImage}, {@code Page<Image>}, {@link Image}, {@link ImageRef},
   *     null for delete, {@link ImageStats} or {@code Page<AuditEntry>}
   * @throws MalformedBodyException when the body is empty, unparseable or lacks its data
   */
  public static @Nullable Object decodeBody(ImagesOperation operation, byte[] body) {
    if (operation == ImagesOperation.DELETE_IMAGE) {
      return null;
    }
    if (body.length == 0) {
      throw new MalformedBodyException(Failure.EMPTY_RESPONSE, "the 2xx answer had an empty body", null);
    }
    DataEnvelope<?> envelope;
    try {
      envelope = READERS.get(operation).readValue(body);
    } catch (IOException | RuntimeException e) {
      throw new MalformedBodyException(
          Failure.MALFORMED_RESPONSE, "the 2xx body is not the documented JSON: " + e.getClass().getSimpleName(), e);
    }
    if (envelope == null || envelope.data() == null) {
      throw new MalformedBodyException(Failure.MALFORMED_RESPONSE, "the 2xx body has no data array", null);
    }
    switch (operation) {
      case RETRIEVE_IMAGE_LIST:
      case RETRIEVE_IMAGE_AUDITS_LIST:
        return toPage(envelope);
      case CREATE_CUSTOM_IMAGE: {
        ImageRef ref = (ImageRef) first(envelope);
        return CreatedImage.builder().imageId(ref.imageId()).tenantId(ref.tenantId()).customerId(ref.customerId()).build();
      }
      default:
        return first(envelope);
    }
  }

  private static Object first(DataEnvelope<?> envelope) {
    List<?> data = envelope.data();
    if (data == null || data.isEmpty() || data.get(0) == null) {
      throw new MalformedBodyException(Failure.MALFORMED_RESPONSE, "the 2xx body has an empty data array", null);
    }
    return data.get(0);
  }

  private static <T> Page<T> toPage(DataEnvelope<T> envelope) {
    List<T> items = envelope.data() == null ? List.of() : envelope.data();
    if (items.contains(null)) {
      // a null element would make Page's List.copyOf throw a bare NullPointerException
      throw new MalformedBodyException(Failure.MALFORMED_RESPONSE, "the 2xx body has a null element in its data array", null);
    }
    PageLinks links = envelope.links() == null ? PageLinks.none() : envelope.links();
    Pagination pagination = envelope.pagination();
    if (pagination == null) {
      pagination = derivePagination(items.size(), links);
    }
    return new Page<>(items, pagination, links);
  }

  /**
   * Pagination for an answer that carried none (the spec's own examples send {@code
   * "_pagination": ""}): the page number and size from the self link when it has them (else page 1
   * and the number of items), and one more page when a distinct next link exists.
   */
  private static Pagination derivePagination(int count, PageLinks links) {
    long page = numberParam(links.self(), "page", 1);
    long size = numberParam(links.self(), "size", count);
    boolean next = links.next() != null && !links.next().equals(links.self()) && count > 0;
    long totalPages = next ? page + 1 : page;
    return new Pagination(page, size, (page - 1) * size + count, totalPages);
  }

  /** A positive int-sized number from a link's query, e.g. {@code page} in {@code /x?size=5&page=3}. */
  private static long numberParam(@Nullable String link, String name, long fallback) {
    if (link == null) {
      return fallback;
    }
    String key = name + "=";
    int at = link.indexOf(key);
    while (at > 0 && link.charAt(at - 1) != '?' && link.charAt(at - 1) != '&') {
      at = link.indexOf(key, at + 1);
    }
    if (at < 0) {
      return fallback;
    }
    int start = at + key.length();
    int end = start;
    while (end < link.length() && Character.isDigit(link.charAt(end))) {
      end++;
    }
    try {
      long value = Long.parseLong(link.substring(start, end));
      return value >= 1 && value < Integer.MAX_VALUE ? value : fallback; // page numbers are ints
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Map<ImagesOperation, ObjectReader> readers() {
    TypeFactory types = WireJson.MAPPER.getTypeFactory();
    Map<ImagesOperation, ObjectReader> readers = new EnumMap<>(ImagesOperation.class);
    readers.put(ImagesOperation.CREATE_CUSTOM_IMAGE, envelopeReader(types, ImageRef.class));
    readers.put(ImagesOperation.RETRIEVE_IMAGE_LIST, envelopeReader(types, Image.class));
    readers.put(ImagesOperation.RETRIEVE_IMAGE, envelopeReader(types, Image.class));
    readers.put(ImagesOperation.UPDATE_IMAGE, envelopeReader(types, ImageRef.class));
    readers.put(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, envelopeReader(types, ImageStats.class));
    readers.put(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, envelopeReader(types, AuditEntry.class));
    return readers;
  }

  private static ObjectReader envelopeReader(TypeFactory types, Class<?> item) {
    JavaType type = types.constructParametricType(DataEnvelope.class, item);
    return WireJson.MAPPER.readerFor(type);
  }
}
