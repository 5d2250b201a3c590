package io.github.contabo4j.images.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.testkit.internal.wire.ServerWire;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Serves the Images API over an {@link ImagesPort}, checking each request the way the service does:
 * route (404, 405), bearer (401), {@code x-request-id} (400), media type (415), then query and body
 * (400, or 415 for an image URL of another format). The backend is called with the client's request
 * and trace ids. Its exceptions become answers: a service exception its status and error body (with
 * {@code Retry-After} when it has one), an invalid request 400, a transport exception a dropped
 * connection with no answer at all, anything else 500. Thread-safe.
 */
public final class ApiHandler implements HttpHandler {
  /** Status recorded for an exchange whose connection was dropped without an answer. */
  public static final int ABORTED = 0;

  /** Receives one line per API exchange; never given headers or bodies. */
  @FunctionalInterface
  public interface Recorder {
    /**
     * Records an exchange.
     *
     * @param method the HTTP method
     * @param path the raw path
     * @param query the raw query, or empty
     * @param requestId the {@code x-request-id} sent, if any
     * @param traceId the {@code x-trace-id} sent, if any
     * @param status the status answered, or {@link #ABORTED}
     */
    void record(
        String method, String path, String query, @Nullable String requestId, @Nullable String traceId, int status);
  }

  /**
   * Sees every API exchange whole, just before its answer is sent (or its connection dropped), so
   * that whatever it records is there before the client has its answer.
   */
  @FunctionalInterface
  public interface Inspector {
    /**
     * Inspects an exchange.
     *
     * @param method the HTTP method
     * @param pathAndQuery the raw path with its raw query, if any
     * @param requestHeaders the request headers (they hold the bearer: never log them)
     * @param requestBody the request body, or null when it was empty or too large
     * @param status the status answered, or {@link #ABORTED}
     * @param responseHeaders the answer's headers, empty when aborted
     * @param responseBody the answer's body, or null for none
     */
    void inspect(
        String method,
        String pathAndQuery,
        Map<String, List<String>> requestHeaders,
        byte @Nullable [] requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        byte @Nullable [] responseBody);
  }

  /** Decides, before the backend is called, whether an authorised request is turned away with a 400. */
  @FunctionalInterface
  public interface Gate {
    /**
     * Checks a request.
     *
     * @param method the HTTP method
     * @param pathAndQuery the raw path with its raw query, if any
     * @param requestHeaders the request headers (they hold the bearer: never echo them)
     * @param requestBody the request body, or null when it was empty
     * @return why the request is rejected, or null to let it through
     */
    @Nullable String rejection(
        String method, String pathAndQuery, Map<String, List<String>> requestHeaders, byte @Nullable [] requestBody);
  }

  private final ImagesPort backend;
  private final TokenStore tokens;
  private final Recorder recorder;
  private final @Nullable Inspector inspector;
  private final @Nullable Gate gate;

  /**
   * Creates the handler.
   *
   * @param backend the port that does the work
   * @param tokens the accepted bearers
   * @param recorder where exchanges are recorded
   * @param inspector what sees each exchange whole, or null
   */
  public ApiHandler(ImagesPort backend, TokenStore tokens, Recorder recorder, @Nullable Inspector inspector) {
    this(backend, tokens, recorder, inspector, null);
  }

  /**
   * Creates the handler with a gate that may turn authorised requests away.
   *
   * @param backend the port that does the work
   * @param tokens the accepted bearers
   * @param recorder where exchanges are recorded
   * @param inspector what sees each exchange whole, or null
   * @param gate what may reject a request after routing and authorisation, or null
   */
  public ApiHandler(ImagesPort backend, TokenStore tokens, Recorder recorder, @Nullable Inspector inspector,
      @Nullable Gate gate) {
    this.backend = backend;
    this.tokens = tokens;
    this.recorder = recorder;
    this.inspector = inspector;
    this.gate = gate;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String requestId = exchange.getRequestHeaders().getFirst(ImagesWire.REQUEST_ID);
    String traceId = exchange.getRequestHeaders().getFirst(ImagesWire.TRACE_ID);
    // Read first, whatever the answer: the inspector sees the request as it was sent.
    byte[] body = Exchanges.readBody(exchange);
    Answer answer = answer(exchange, method, path, query, requestId, traceId, body);
    recorder.record(method, path, query == null ? "" : query, requestId, traceId, answer.status());
    if (inspector != null) {
      inspect(inspector, exchange, method, query == null ? path : path + "?" + query, body, answer);
    }
    try {
      if (answer.status() == ABORTED) {
        Exchanges.abort(exchange);
        return;
      }
      Exchanges.send(exchange, answer.status(), answer.body());
    } finally {
      exchange.close();
    }
  }

  private Answer answer(
      HttpExchange exchange,
      String method,
      String path,
      @Nullable String query,
      @Nullable String requestId,
      @Nullable String traceId,
      byte @Nullable [] body) {
    List<ImagesOperation> operations = ServerWire.operationsAt(path);
    if (operations.isEmpty()) {
      return Answer.error(404, "Cannot " + method + " " + path);
    }
    ImagesOperation operation =
        operations.stream().filter(o -> ServerWire.methodOf(o).equals(method)).findFirst().orElse(null);
    if (operation == null) {
      exchange.getResponseHeaders().set(
          "Allow", operations.stream().map(ServerWire::methodOf).collect(Collectors.joining(", ")));
      return Answer.error(405, "Method Not Allowed");
    }
    if (!tokens.accepts(bearer(exchange))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      return Answer.error(401, "Unauthorized");
    }
    if (gate != null && body != null) {
      String rejection = gate.rejection(method, query == null ? path : path + "?" + query,
          Map.copyOf(exchange.getRequestHeaders()), body.length == 0 ? null : body);
      if (rejection != null) {
        return Answer.error(400, rejection);
      }
    }
    CallContext context;
    try {
      Checks.requireRequestId(ImagesWire.REQUEST_ID, requestId);
      context = CallContext.create().withRequestId(requestId);
      if (traceId != null) {
        context = context.withTraceId(traceId);
      }
    } catch (InvalidRequestException e) {
      return Answer.error(400, e.getMessage());
    }
    if (body == null) {
      return Answer.error(413, "Payload Too Large");
    }
    boolean hasBody = operation == ImagesOperation.CREATE_CUSTOM_IMAGE || operation == ImagesOperation.UPDATE_IMAGE;
    if (hasBody && !Exchanges.hasMediaType(exchange, "application/json")) {
      return Answer.error(415, "Unsupported Media Type: the body must be application/json");
    }
    try {
      return new Answer(ServerWire.successStatus(operation), call(operation, path, query, body, context));
    } catch (InvalidRequestException e) {
      return Answer.error(ServerWire.statusFor(e), e.getMessage());
    } catch (ImagesServiceException e) {
      e.retryAfter().ifPresent(d -> exchange.getResponseHeaders().set("Retry-After", seconds(d)));
      return Answer.error(e.statusCode(), e.serviceMessage());
    } catch (ImagesTransportException e) {
      return new Answer(ABORTED, null); // a scripted "answer lost": the client gets no answer at all
    } catch (RuntimeException e) {
      return Answer.error(500, "Internal Server Error: " + e.getClass().getSimpleName());
    }
  }

  private static void inspect(Inspector inspector, HttpExchange exchange, String method, String pathAndQuery,
      byte @Nullable [] body, Answer answer) {
    Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    if (answer.status() != ABORTED) {
      responseHeaders.putAll(exchange.getResponseHeaders());
      if (answer.body() != null) {
        responseHeaders.put("Content-Type", List.of(Exchanges.JSON));
      }
    }
    inspector.inspect(method, pathAndQuery, Map.copyOf(exchange.getRequestHeaders()),
        body == null || body.length == 0 ? null : body, answer.status(), responseHeaders, answer.body());
  }

  private byte @Nullable [] call(
      ImagesOperation operation, String path, @Nullable String query, byte[] body, CallContext context) {
    switch (operation) {
      case CREATE_CUSTOM_IMAGE:
        return ServerWire.created(backend.createCustomImage(ServerWire.readCreate(body), context));
      case RETRIEVE_IMAGE_LIST: {
        ImageListQuery list = ServerWire.readListQuery(query);
        return ServerWire.imagePage(backend.retrieveImageList(list, context), list);
      }
      case RETRIEVE_IMAGE:
        return ServerWire.image(backend.retrieveImage(imageId(path), context));
      case UPDATE_IMAGE:
        return ServerWire.updated(backend.updateImage(imageId(path), ServerWire.readUpdate(body), context));
      case DELETE_IMAGE:
        backend.deleteImage(imageId(path), context);
        return null;
      case RETRIEVE_CUSTOM_IMAGES_STATS:
        return ServerWire.stats(backend.retrieveCustomImagesStats(context));
      case RETRIEVE_IMAGE_AUDITS_LIST: {
        AuditQuery audits = ServerWire.readAuditQuery(query);
        return ServerWire.auditPage(backend.retrieveImageAuditsList(audits, context), audits);
      }
      default:
        throw new IllegalStateException("no route for " + operation);
    }
  }

  private static String imageId(String path) {
    String id = ServerWire.imageIdOf(path);
    if (id == null) {
      throw new IllegalStateException("routed without an image id: " + path);
    }
    return id;
  }

  private static @Nullable String bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return null;
    }
    return header.substring(7).trim();
  }

  /** Delay-seconds, rounded up so a client never comes back early. */
  private static String seconds(Duration delay) {
    long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
    return Long.toString(Math.max(0, seconds));
  }

  private record Answer(int status, byte @Nullable [] body) {
    static Answer error(int status, String message) {
      return new Answer(status, ServerWire.error(status, message));
    }
  }
}
