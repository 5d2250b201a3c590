package io.github.contabo4j.images.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.testkit.FakeFaults;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.RandomFaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The control API under {@value #PREFIX}: health, reset, seeding images, advancing the clock,
 * scripting faults and reading the request journal. Answers are JSON; bad input gets 400 with {@code
 * {"statusCode": 400, "message": "..."}} naming the field and the rule, as the Images API's errors
 * do. With a control token, every request must carry {@code Authorization: Bearer TOKEN}. Thread-safe.
 */
final class ControlApi implements HttpHandler {
  static final String PREFIX = "/__emulator/";
  static final int JOURNAL_LIMIT = 1000;
  private static final int MAX_BODY = 1 << 20;
  private static final Set<String> FAULT_FIELDS =
      Set.of("operation", "times", "status", "message", "retryAfterSeconds", "delayMillis", "drop", "afterApplying");
  private static final Set<String> RANDOM_FIELDS = Set.of("seed", "failurePercent", "errorPercent", "errorStatus",
      "latencyMillis", "latencyVariancePercent", "operations");

  private final EmulatorState state;
  private final Supplier<FakeImagesServer> server;
  private final byte @Nullable [] token;
  private final String version;
  private final boolean strict;

  /** A control request that breaks a rule: answered with its status and message. */
  private static final class Rejected extends RuntimeException {
    private final int status;

    Rejected(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  ControlApi(EmulatorState state, Supplier<FakeImagesServer> server, @Nullable String token, String version,
      boolean strict) {
    this.state = state;
    this.server = server;
    this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.version = version;
    this.strict = strict;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      int[] status = {200};
      JsonNode answer;
      try {
        authorise(exchange);
        byte[] body = body(exchange);
        answer = route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath().substring(PREFIX.length()),
            exchange.getRequestURI().getRawQuery(), body, status);
      } catch (Rejected e) {
        status[0] = e.status;
        answer = error(e.status, e.getMessage());
      } catch (ImageJson.BadJsonException | IllegalArgumentException | IllegalStateException e) {
        status[0] = 400;
        answer = error(400, e.getMessage());
      } catch (RuntimeException e) {
        status[0] = 500;
        answer = error(500, "Internal Server Error: " + e);
      }
      byte[] bytes = ImageJson.MAPPER.writeValueAsBytes(answer);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status[0], bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } finally {
      exchange.close();
    }
  }

  private JsonNode route(String method, String path, @Nullable String query, byte[] body, int[] status) {
    switch (path) {
      case "health":
        allow(method, "GET");
        return health();
      case "reset":
        allow(method, "POST");
        return object().put("images", state.reset());
      case "images": {
        allow(method, "POST");
        status[0] = 201;
        return seed(json(body));
      }
      case "clock":
        allow(method, "GET");
        return clock();
      case "clock/advance":
        allow(method, "POST");
        state.advance(duration(json(body)));
        return clock();
      case "faults":
        if (method.equals("DELETE")) {
          state.fake().faults().clear();
          return pendingFaults();
        }
        if (method.equals("GET")) {
          return pendingFaults();
        }
        allow(method, "POST");
        status[0] = 201;
        scriptFault(json(body));
        return pendingFaults();
      case "faults/random":
        allow(method, "POST");
        status[0] = 201;
        randomFaults(json(body));
        return pendingFaults();
      case "journal":
        allow(method, "GET");
        return journal(query);
      default:
        throw new Rejected(404, "no control endpoint " + PREFIX + path + "; there are health, reset, images, clock, "
            + "clock/advance, faults, faults/random and journal");
    }
  }

  private ObjectNode health() {
    return object().put("status", "UP").put("version", version).put("strict", strict)
        .put("stateFile", state.file() == null ? null : state.file().path().toString())
        .put("images", state.fake().images().size()).put("now", state.clock().instant().toString());
  }

  private ObjectNode clock() {
    return object().put("now", state.clock().instant().toString())
        .put("offsetMillis", state.clock().offset().toMillis());
  }

  private ObjectNode seed(JsonNode json) {
    JsonNode array = json.isArray() ? json : json.get("images");
    List<Image> images = ImageJson.readImages(array, "images", defaults());
    ArrayNode out = ImageJson.MAPPER.createArrayNode();
    state.seed(images).forEach(image -> out.add(ImageJson.write(image)));
    ObjectNode answer = object();
    answer.set("images", out);
    return answer;
  }

  ImageJson.Defaults defaults() {
    return new ImageJson.Defaults(state.fake().tenantId(), state.fake().customerId(),
        state.fake().defaultCustomImageSizeMb(), state.clock().instant());
  }

  private static Duration duration(JsonNode json) {
    only(json, Set.of("seconds", "millis", "duration"));
    Duration d;
    if (json.has("seconds")) {
      d = Duration.ofSeconds(wholeNumber(json, "seconds", 0, Long.MAX_VALUE / 1000));
    } else if (json.has("millis")) {
      d = Duration.ofMillis(wholeNumber(json, "millis", 0, Long.MAX_VALUE));
    } else if (json.has("duration")) {
      try {
        d = Duration.parse(json.get("duration").asText());
      } catch (DateTimeParseException e) {
        throw new Rejected(400, "duration must be ISO-8601 like PT30S");
      }
      if (d.isNegative()) {
        throw new Rejected(400, "duration must not be negative: the clock only moves forward");
      }
    } else {
      throw new Rejected(400, "give one of seconds, millis or duration, e.g. {\"seconds\": 30}");
    }
    return d;
  }

  private void scriptFault(JsonNode json) {
    only(json, FAULT_FIELDS);
    ImagesOperation operation = operation(json.get("operation"), "operation");
    int times = (int) (json.has("times") ? wholeNumber(json, "times", 1, 10_000) : 1);
    boolean afterApplying = bool(json, "afterApplying");
    int kinds = (json.has("status") ? 1 : 0) + (json.has("delayMillis") ? 1 : 0) + (bool(json, "drop") ? 1 : 0);
    if (kinds != 1) {
      throw new Rejected(400, "give exactly one of status, delayMillis or \"drop\": true");
    }
    FakeFaults.Next next = state.fake().faults().nextCalls(operation, times);
    if (afterApplying) {
      next = next.afterApplying();
    }
    if (json.has("status")) {
      int status = (int) wholeNumber(json, "status", 400, 599);
      Duration retryAfter = json.has("retryAfterSeconds")
          ? Duration.ofSeconds(wholeNumber(json, "retryAfterSeconds", 0, 86_400)) : null;
      String message = json.has("message") ? text(json, "message") : "Scripted fault: HTTP " + status;
      next.status(status, message, retryAfter);
    } else if (json.has("delayMillis")) {
      if (afterApplying) {
        throw new Rejected(400, "afterApplying does not go with delayMillis: a delay comes before the operation");
      }
      next.delay(Duration.ofMillis(wholeNumber(json, "delayMillis", 0, 600_000)));
    } else {
      next.connectionReset();
    }
  }

  private void randomFaults(JsonNode json) {
    only(json, RANDOM_FIELDS);
    if (!json.has("seed")) {
      throw new Rejected(400, "seed is required, so that a run repeats: e.g. {\"seed\": 42, \"errorPercent\": 10}");
    }
    RandomFaults.Builder b = RandomFaults.builder(new Random(wholeNumber(json, "seed", 0, Long.MAX_VALUE)));
    if (json.has("failurePercent")) {
      b.failurePercent((int) wholeNumber(json, "failurePercent", 0, 100));
    }
    if (json.has("errorPercent")) {
      b.errorPercent((int) wholeNumber(json, "errorPercent", 0, 100));
    }
    if (json.has("errorStatus")) {
      b.errorStatus((int) wholeNumber(json, "errorStatus", 400, 599));
    }
    if (json.has("latencyMillis")) {
      b.latency(Duration.ofMillis(wholeNumber(json, "latencyMillis", 0, 600_000)));
    }
    if (json.has("latencyVariancePercent")) {
      b.latencyVariancePercent((int) wholeNumber(json, "latencyVariancePercent", 0, 100));
    }
    JsonNode ops = json.get("operations");
    if (ops != null) {
      if (!ops.isArray() || ops.isEmpty()) {
        throw new Rejected(400, "operations must be a non-empty array of operationIds");
      }
      List<ImagesOperation> list = new ArrayList<>();
      for (int i = 0; i < ops.size(); i++) {
        list.add(operation(ops.get(i), "operations[" + i + "]"));
      }
      b.operations(list.get(0), list.subList(1, list.size()).toArray(ImagesOperation[]::new));
    }
    state.fake().faults().random(b.build());
  }

  private ObjectNode pendingFaults() {
    ObjectNode pending = object();
    for (ImagesOperation operation : ImagesOperation.values()) {
      pending.put(operation.operationId(), state.fake().faults().pending(operation));
    }
    ObjectNode answer = object();
    answer.set("pending", pending);
    return answer;
  }

  private ObjectNode journal(@Nullable String query) {
    int limit = 100;
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("limit=")) {
          try {
            limit = Integer.parseInt(pair.substring(6));
          } catch (NumberFormatException e) {
            limit = -1;
          }
          if (limit < 1 || limit > JOURNAL_LIMIT) {
            throw new Rejected(400, "limit must be an integer from 1 to " + JOURNAL_LIMIT);
          }
        } else if (!pair.isEmpty()) {
          throw new Rejected(400, "unknown query parameter '" + pair.split("=", 2)[0] + "'; journal takes limit");
        }
      }
    }
    FakeImagesServer face = server.get();
    List<FakeImagesServer.RecordedRequest> all = face.requests();
    ArrayNode requests = ImageJson.MAPPER.createArrayNode();
    for (FakeImagesServer.RecordedRequest r : all.subList(Math.max(0, all.size() - limit), all.size())) {
      requests.addObject().put("method", r.method()).put("path", r.path()).put("query", r.query())
          .put("requestId", r.requestId()).put("traceId", r.traceId()).put("status", r.status());
    }
    ObjectNode answer = object().put("total", face.requestCount());
    answer.set("requests", requests);
    return answer;
  }

  private void authorise(HttpExchange exchange) {
    if (token == null) {
      return;
    }
    String sent = exchange.getRequestHeaders().getFirst("Authorization");
    if (sent == null || !MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      throw new Rejected(401, "the control API needs 'Authorization: Bearer <control token>'");
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (out.size() + n > MAX_BODY) {
          throw new Rejected(413, "the body must be at most " + MAX_BODY + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static JsonNode json(byte[] body) {
    if (body.length == 0) {
      throw new Rejected(400, "the body must be JSON");
    }
    try {
      JsonNode json = ImageJson.MAPPER.readTree(body);
      if (json == null || !(json.isObject() || json.isArray())) {
        throw new Rejected(400, "the body must be a JSON object");
      }
      return json;
    } catch (IOException e) {
      throw new Rejected(400, "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new Rejected(405, "use " + allowed);
    }
  }

  private static void only(JsonNode json, Set<String> fields) {
    if (!json.isObject()) {
      throw new Rejected(400, "the body must be a JSON object");
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!fields.contains(field)) {
        throw new Rejected(400, "unknown field '" + field + "'; known: "
            + fields.stream().sorted().collect(Collectors.joining(", ")));
      }
    }
  }

  private static ImagesOperation operation(@Nullable JsonNode value, String field) {
    String id = value == null || !value.isTextual() ? null : value.asText();
    for (ImagesOperation operation : ImagesOperation.values()) {
      if (operation.operationId().equals(id)) {
        return operation;
      }
    }
    throw new Rejected(400, field + " must be one of " + Arrays.stream(ImagesOperation.values())
        .map(ImagesOperation::operationId).collect(Collectors.joining(", ")));
  }

  private static long wholeNumber(JsonNode json, String field, long min, long max) {
    JsonNode v = json.get(field);
    if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw new Rejected(400, field + " must be a whole number from " + min + " to " + max);
    }
    return v.asLong();
  }

  private static boolean bool(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new Rejected(400, field + " must be true or false");
    }
    return v.asBoolean();
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || !v.isTextual()) {
      throw new Rejected(400, field + " must be a string");
    }
    return v.asText();
  }

  private static ObjectNode object() {
    return ImageJson.MAPPER.createObjectNode();
  }

  private static ObjectNode error(int status, @Nullable String message) {
    return object().put("statusCode", status).put("message", message == null ? "" : message);
  }
}
