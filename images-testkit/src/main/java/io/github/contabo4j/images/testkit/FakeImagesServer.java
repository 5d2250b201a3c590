package io.github.contabo4j.images.testkit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.testkit.internal.http.ApiHandler;
import io.github.contabo4j.images.testkit.internal.http.TokenEndpoint;
import io.github.contabo4j.images.testkit.internal.http.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP face of any {@link ImagesPort}, usually the testkit's in-memory fake: a loopback server
 * that speaks the Contabo Images API's wire protocol, plus Contabo's OAuth2 password-grant token
 * endpoint, so that a real transport can be tested end to end without the network.
 *
 * <p>It checks each request the way the service does and answers with the service's statuses and
 * error-body shape, {@code {"statusCode": N, "message": "..."}}:
 *
 * <ul>
 *   <li>404 for a path that is not the API's, 405 for a method a path does not serve;
 *   <li>401 without a known bearer: a static token (see {@link #token()}) or an unexpired one the
 *       token endpoint issued;
 *   <li>400 without an {@code x-request-id} matching the spec's pattern, for a bad {@code x-trace-id},
 *       query parameter or body, and for whatever {@link io.github.contabo4j.images.InvalidRequestException}
 *       the backend throws;
 *   <li>415 for a body that is not JSON and for an image URL that names no {@code .iso} or {@code
 *       .qcow2} file.
 * </ul>
 *
 * <p>The backend is called with a {@link io.github.contabo4j.images.CallContext} carrying the client's
 * {@code x-request-id} (and {@code x-trace-id}), so the backend's audit log shows the client's ids. Its
 * exceptions become answers: an {@link io.github.contabo4j.images.ImagesServiceException} its status and
 * message (plus {@code Retry-After} in whole seconds, rounded up, when it carries a delay); an {@link
 * io.github.contabo4j.images.ImagesTransportException}, the fake's scripted "answer lost", a dropped
 * connection with no status line at all; any other exception 500. Every answer carries every property
 * the vendor spec marks required ({@code ""} where a value is absent).
 *
 * <p><b>What a client sees of a dropped connection.</b> The socket is closed after the request was
 * read and before a byte of the answer was written. The JDK's {@code HttpClient} (HTTP/1.1) throws
 * {@code IOException: HTTP/1.1 header parser received no bytes} for a POST, PATCH or DELETE; a GET it
 * silently sends once more (it takes the drop for a stale pooled connection, on fresh connections
 * too), so the backend is called twice and the client gets the second answer. A dropped GET is
 * therefore visible only to clients that do not re-send.
 *
 * <p>The token endpoint, {@link #tokenEndpoint()}, takes the form post Contabo's Keycloak takes:
 * {@code grant_type=password} with {@code client_id}, {@code client_secret}, {@code username} and
 * {@code password}, or {@code grant_type=refresh_token}. It answers {@code access_token}, {@code
 * expires_in}, {@code refresh_token}, {@code refresh_expires_in} and {@code token_type}; wrong user
 * credentials get 401 {@code invalid_grant} and a wrong client 401 {@code invalid_client} (unless
 * {@link Builder#acceptAnyCredentials()}), a bad request
 * 400 {@code invalid_request}. It logs nothing and echoes no value it was sent.
 *
 * <p><b>Why the JDK's {@code com.sun.net.httpserver} and not WireMock.</b> It ships with every JDK
 * (module {@code jdk.httpserver}), so the testkit puts no Jetty on its users' test classpaths and
 * needs no extra dependency; it starts in milliseconds; and it gives full control of the connection,
 * which a faithful "answer lost" needs: an exchange is closed before any byte of an answer is sent.
 *
 * <p><b>Spec validation</b>, opt-in with {@link Builder#validateAgainst(SpecValidator)}: every API
 * exchange is then checked against the vendor spec before its answer is sent, and {@link
 * #assertNoSpecViolations()} fails a test that saw a violation. The rule for what is checked is
 * written once, on that builder method.
 *
 * <p>Bound to {@code 127.0.0.1} unless {@link Builder#bindAddress} says otherwise. Thread-safe; handlers run on a cached pool of daemon threads.
 * After {@link #close()} every method but {@code close()} throws {@link IllegalStateException}, and
 * the port is free again.
 */
public final class FakeImagesServer implements AutoCloseable {
  /** The token endpoint's path, as Contabo serves it. */
  public static final String TOKEN_PATH = TokenEndpoint.PATH;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUri;
  private final String token;
  private final TokenStore tokens;
  private final TokenEndpoint tokenEndpoint;
  private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();
  private final int requestHistoryLimit;
  private int requestTotal;
  private final @Nullable SpecCheck specCheck;
  private volatile boolean closed;

  /**
   * One API exchange as the face saw it. It never holds the {@code Authorization} header or a body.
   *
   * @param method the HTTP method
   * @param path the raw path, e.g. {@code /v1/compute/images/abc}
   * @param query the raw query string without {@code ?}, or empty
   * @param requestId the {@code x-request-id} sent, or null
   * @param traceId the {@code x-trace-id} sent, or null
   * @param status the status answered, or 0 when the connection was dropped without an answer
   */
  public record RecordedRequest(
      String method, String path, String query, @Nullable String requestId, @Nullable String traceId, int status) {

    /**
     * Whether the connection was dropped without an answer.
     *
     * @return true for a scripted transport fault
     */
    public boolean aborted() {
      return status == ApiHandler.ABORTED;
    }
  }

  private FakeImagesServer(Builder b) {
    String first = b.staticTokens.isEmpty() ? "fake-static-" + randomHex() : b.staticTokens.get(0);
    List<String> accepted = new ArrayList<>(b.staticTokens);
    if (accepted.isEmpty()) {
      accepted.add(first);
    }
    this.token = first;
    this.tokens = new TokenStore(accepted, b.tokenLifetime, b.refreshTokenLifetime, b.clock);
    this.tokenEndpoint = b.anyCredentials
        ? new TokenEndpoint(tokens, null, null, null, null)
        : new TokenEndpoint(tokens, b.clientId, b.clientSecret, b.username, b.password);
    this.requestHistoryLimit = b.requestHistoryLimit;
    // SpecCheck, and with it the optional validator library, is loaded only when asked for.
    this.specCheck = b.validator == null ? null : new SpecCheck(b.validator);
    ApiHandler api = new ApiHandler(b.backend, tokens, this::record, specCheck,
        b.strictValidator == null ? null : SpecCheck.strict(b.strictValidator));
    InetAddress address = b.bindAddress == null ? loopback() : b.bindAddress;
    try {
      server = HttpServer.create(new InetSocketAddress(address, b.port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + address.getHostAddress() + ":" + b.port, e);
    }
    Map<String, HttpHandler> routes = new LinkedHashMap<>(b.routes);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals(TOKEN_PATH)) {
        tokenEndpoint.handle(exchange);
        return;
      }
      for (Map.Entry<String, HttpHandler> route : routes.entrySet()) {
        if (path.startsWith(route.getKey())) {
          route.getValue().handle(exchange);
          return;
        }
      }
      api.handle(exchange);
    });
    executor = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(executor);
    server.start();
    String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    baseUri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
        + server.getAddress().getPort());
  }

  /**
   * Starts a face for {@code backend} on an ephemeral port, with the builder's defaults.
   *
   * @param backend the port that answers every call, usually the testkit's fake
   * @return the running server
   */
  public static FakeImagesServer start(ImagesPort backend) {
    return builder(backend).start();
  }

  /**
   * A builder for a face of {@code backend}.
   *
   * @param backend the port that answers every call
   * @return the builder
   */
  public static Builder builder(ImagesPort backend) {
    return new Builder(Objects.requireNonNull(backend, "backend == null"));
  }

  /**
   * The base URI a client is pointed at.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI baseUri() {
    open();
    return baseUri;
  }

  /**
   * The port the server listens on.
   *
   * @return the port
   */
  public int port() {
    open();
    return baseUri.getPort();
  }

  /**
   * The token endpoint's URI.
   *
   * @return {@code http://127.0.0.1:<port>/auth/realms/contabo/protocol/openid-connect/token}
   */
  public URI tokenEndpoint() {
    open();
    return baseUri.resolve(TOKEN_PATH);
  }

  /**
   * A bearer the API always accepts: the first static token given to the builder, or a random one.
   *
   * @return the token
   */
  public String token() {
    open();
    return token;
  }

  /**
   * How many API requests arrived (token requests are not counted).
   *
   * @return the count
   */
  public int requestCount() {
    open();
    synchronized (requests) {
      return requestTotal;
    }
  }

  /**
   * Every API request so far, oldest first: the most recent {@link Builder#requestHistoryLimit} of
   * them (default 10,000), so a long-running server holds bounded memory. A request is recorded
   * before its answer is sent.
   *
   * @return a snapshot
   */
  public List<RecordedRequest> requests() {
    open();
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * How many requests reached the token endpoint, whatever their answer.
   *
   * @return the count
   */
  public long tokenRequestCount() {
    open();
    return tokenEndpoint.requestCount();
  }

  /**
   * Makes the token endpoint answer the next {@code times} requests with 503 (for retry tests).
   *
   * @param times how many; replaces any count still pending; 0 stops the failures
   */
  public void failNextTokenRequests(int times) {
    open();
    if (times < 0) {
      throw new IllegalArgumentException("times < 0");
    }
    tokenEndpoint.failNext(times);
  }

  /**
   * Forgets every access and refresh token the endpoint issued, so the next API call with one gets
   * 401 and the next refresh {@code invalid_grant}. Static tokens stay valid.
   */
  public void revokeIssuedTokens() {
    open();
    tokens.revokeIssued();
  }

  /**
   * Every spec violation seen so far, oldest first, one line each: {@code METHOD /path?query ->
   * status: key: message} (never a header or body value).
   *
   * @return a snapshot; empty when every exchange conformed
   * @throws IllegalStateException if the server was not built with {@link
   *     Builder#validateAgainst(SpecValidator)}, or is closed
   */
  public List<String> specViolations() {
    return validating().violations();
  }

  /**
   * Fails when any exchange so far broke the vendor spec.
   *
   * @throws AssertionError listing every violation
   * @throws IllegalStateException if the server was not built with {@link
   *     Builder#validateAgainst(SpecValidator)}, or is closed
   */
  public void assertNoSpecViolations() {
    List<String> found = specViolations();
    if (!found.isEmpty()) {
      throw new AssertionError("the HTTP face saw traffic that breaks the vendor spec:\n  " + String.join("\n  ", found));
    }
  }

  /** Stops the server at once and frees its port; later calls to any other method throw. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "FakeImagesServer{" + (closed ? "closed" : baseUri) + "}";
  }

  private void record(
      String method, String path, String query, @Nullable String requestId, @Nullable String traceId, int status) {
    synchronized (requests) {
      requestTotal++;
      if (requests.size() == requestHistoryLimit) {
        requests.removeFirst();
      }
      requests.addLast(new RecordedRequest(method, path, query, requestId, traceId, status));
    }
  }

  private SpecCheck validating() {
    open();
    if (specCheck == null) {
      throw new IllegalStateException("spec validation is off: build the server with validateAgainst(SpecValidator)");
    }
    return specCheck;
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("FakeImagesServer is closed (it was at " + baseUri + ")");
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "fake-images-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String randomHex() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Configures a {@link FakeImagesServer}. Defaults: an ephemeral port; one random static token;
   * client id {@code contabo4j-fake-client} with secret {@code contabo4j-fake-secret}, user {@code
   * fake-user} with password {@code fake-password}; access tokens live 300 s and refresh tokens
   * 1800 s (Contabo's {@code expires_in} and {@code refresh_expires_in}); the system UTC clock. Not
   * thread-safe; its {@code toString()} shows no credential.
   */
  public static final class Builder {
    private final ImagesPort backend;
    private int port;
    private final List<String> staticTokens = new ArrayList<>();
    private String clientId = "contabo4j-fake-client";
    private String clientSecret = "contabo4j-fake-secret";
    private String username = "fake-user";
    private String password = "fake-password";
    private Duration tokenLifetime = Duration.ofSeconds(300);
    private Duration refreshTokenLifetime = Duration.ofSeconds(1800);
    private Clock clock = Clock.systemUTC();
    private @Nullable SpecValidator validator;
    private @Nullable SpecValidator strictValidator;
    private boolean anyCredentials;
    private @Nullable InetAddress bindAddress;
    private int requestHistoryLimit = 10_000;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    private Builder(ImagesPort backend) {
      this.backend = backend;
    }

    /**
     * A fixed port, for a server run by hand.
     *
     * @param port 1-65535, or 0 for an ephemeral port (the default)
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Adds a bearer the API always accepts; the first one added is {@link FakeImagesServer#token()}.
     *
     * @param token visible ASCII, no spaces
     * @return this builder
     */
    public Builder acceptToken(String token) {
      Checks.requireToken("token", token);
      staticTokens.add(token);
      return this;
    }

    /**
     * The OAuth2 client the token endpoint accepts.
     *
     * @param clientId the {@code client_id}
     * @param clientSecret the {@code client_secret}
     * @return this builder
     */
    public Builder client(String clientId, String clientSecret) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret == null");
      return this;
    }

    /**
     * The API user the token endpoint accepts.
     *
     * @param username the {@code username}
     * @param password the {@code password}
     * @return this builder
     */
    public Builder user(String username, String password) {
      this.username = Objects.requireNonNull(username, "username == null");
      this.password = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /**
     * How long an issued access token is accepted, answered as {@code expires_in} (whole seconds).
     *
     * @param lifetime positive; default 300 s
     * @return this builder
     */
    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = positive(lifetime, "tokenLifetime");
      return this;
    }

    /**
     * How long an issued refresh token is accepted, answered as {@code refresh_expires_in}.
     *
     * @param lifetime positive; default 1800 s
     * @return this builder
     */
    public Builder refreshTokenLifetime(Duration lifetime) {
      this.refreshTokenLifetime = positive(lifetime, "refreshTokenLifetime");
      return this;
    }

    /**
     * The clock token lifetimes run on.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Validates every API exchange against the vendor spec; read the outcome with {@link
     * FakeImagesServer#specViolations()} or {@link FakeImagesServer#assertNoSpecViolations()}. Needs
     * {@code swagger-request-validator-core} on the classpath. Off by default.
     *
     * <p><b>What is validated.</b> Each exchange is checked on the handler thread just before its
     * answer is sent, so a violation is recorded before the client has its answer:
     *
     * <ul>
     *   <li><b>Every request</b> to the API, including one the face rejects (unknown path, missing
     *       or unknown bearer, bad {@code x-request-id}, bad media type, query or body). A request
     *       the face rejects because it breaks the spec is reported as the violation it is: in a
     *       validated test no client should send one. A request rejected for a reason the spec
     *       cannot see, such as a well-formed but unknown bearer or a quota, validates cleanly, so
     *       such tests need no opt-out.
     *   <li><b>Every answer</b>, with {@link SpecValidator}'s one relaxation: the spec documents no
     *       error statuses but create's 415, so other error answers are checked only where the spec
     *       says something about them.
     *   <li><b>A dropped connection</b> (a scripted lost answer) has no answer: its request alone
     *       is checked.
     *   <li><b>The token endpoint</b> is not part of the Images spec and is not validated.
     * </ul>
     *
     * <p>A test that sends off-spec requests on purpose leaves validation off, or asserts on
     * {@link FakeImagesServer#specViolations()}.
     *
     * @param validator the vendor-spec validator; load it once and share it, it is thread-safe
     * @return this builder
     */
    public Builder validateAgainst(SpecValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator == null");
      return this;
    }

    /**
     * Turns away, with 400 and the service's error body, every API request the vendor spec rejects
     * (after routing, 404/405, and the bearer check, 401), before the backend sees it. The message
     * lists the violations by key and message. Needs {@code swagger-request-validator-core} on the
     * classpath. Off by default: the face then reads an explicit JSON {@code null} in an optional
     * string field as an absent field, as {@code docs/ASSUMPTIONS.md} records.
     *
     * @param validator the vendor-spec validator
     * @return this builder
     */
    public Builder rejectOffSpecRequests(SpecValidator validator) {
      this.strictValidator = Objects.requireNonNull(validator, "validator == null");
      return this;
    }

    /**
     * Makes the token endpoint accept any client and user credentials (each must still be sent).
     * Off by default: only the configured {@link #client} and {@link #user} get tokens.
     *
     * @return this builder
     */
    public Builder acceptAnyCredentials() {
      this.anyCredentials = true;
      return this;
    }

    /**
     * The address to listen on (default {@code 127.0.0.1}). Anything but a loopback address exposes
     * the fake to the network: its tokens are no protection, so do that only on purpose.
     *
     * @param address the local address, e.g. {@code InetAddress.getByName("0.0.0.0")}
     * @return this builder
     */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address == null");
      return this;
    }

    /**
     * How many recent API requests {@link FakeImagesServer#requests()} keeps (default 10,000);
     * {@link FakeImagesServer#requestCount()} keeps counting every one.
     *
     * @param limit at least 1
     * @return this builder
     */
    public Builder requestHistoryLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("requestHistoryLimit must be at least 1, was " + limit);
      }
      this.requestHistoryLimit = limit;
      return this;
    }

    /**
     * Serves another handler for every path that starts with {@code prefix}, e.g. a control API.
     * The prefix must not overlap the API's paths ({@code /v1/}) or the token endpoint's ({@code
     * /auth/}); such requests are neither recorded nor validated.
     *
     * @param prefix a path prefix such as {@code /__control/}, starting and ending with {@code /}
     * @param handler the handler; it must close each exchange
     * @return this builder
     * @throws IllegalArgumentException for a prefix that could catch the API's or the token endpoint's paths
     */
    public Builder route(String prefix, HttpHandler handler) {
      Objects.requireNonNull(prefix, "prefix == null");
      Objects.requireNonNull(handler, "handler == null");
      String lower = prefix.toLowerCase(Locale.ROOT);
      if (!prefix.startsWith("/") || !prefix.endsWith("/") || prefix.length() < 3
          || "/v1/".startsWith(lower) || "/auth/".startsWith(lower) || lower.startsWith("/v1/")
          || lower.startsWith("/auth/")) {
        throw new IllegalArgumentException("route prefix must look like /name/ and not overlap /v1/ or /auth/: " + prefix);
      }
      routes.put(prefix, handler);
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @return the running server
     * @throws UncheckedIOException when the port cannot be bound
     */
    public FakeImagesServer start() {
      return new FakeImagesServer(this);
    }

    @Override
    public String toString() {
      return "FakeImagesServer.Builder{port=" + port + ", staticTokens=" + staticTokens.size()
          + ", validated=" + (validator != null) + ", strict=" + (strictValidator != null)
          + ", anyCredentials=" + anyCredentials
          + ", tokenLifetime=" + tokenLifetime + ", refreshTokenLifetime=" + refreshTokenLifetime + "}";
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }
  }
}
