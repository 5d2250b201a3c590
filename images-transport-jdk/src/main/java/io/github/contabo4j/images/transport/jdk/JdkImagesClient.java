package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.WireImagesPort;
import io.github.contabo4j.images.internal.wire.WireRequest;
import io.github.contabo4j.images.internal.wire.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The Contabo Compute Images API over the JDK's own {@link HttpClient}: an {@link ImagesPort} with
 * no dependency beyond {@code images-core}.
 *
 * <pre>{@code
 * try (JdkImagesClient images = JdkImagesClient.builder().token(accessToken).build()) {
 *   Page<Image> page = images.retrieveImageList(ImageListQuery.builder().standardImage(false).build());
 * }
 * }</pre>
 *
 * <p><b>Wire format.</b> Paths, query encoding, headers ({@code Authorization}, a fresh {@code
 * x-request-id} per attempt, {@code x-trace-id}, {@code Content-Type}, {@code User-Agent}), JSON
 * bodies, error bodies and {@code Retry-After} all come from core's one wire format; this class only
 * moves bytes. Every exception is one of core's: {@code InvalidRequestException} before any I/O, an
 * {@code ImagesServiceException} subclass for an error status, {@code ImagesTransportException} when
 * no usable answer came back.
 *
 * <p><b>Thread-safety and lifecycle.</b> Thread-safe; build one per application. It holds <em>one</em>
 * {@link HttpClient}, built in {@link Builder#build()} (or supplied by the caller) and reused by every
 * call. {@link #close()} releases only what this client created: on Java 17 the JDK's client has no
 * {@code close()}, so closing shuts down the executor this client created and marks it closed; on
 * Java 21 and later it also closes the {@code HttpClient} it built. A caller-supplied {@code
 * HttpClient} or executor is never closed. After {@code close()} every call throws {@link
 * IllegalStateException} ({@code "JdkImagesClient is closed"}) without sending anything.
 *
 * <p><b>HTTP.</b> The client this class builds speaks HTTP/1.1 and never follows redirects. HTTP/1.1
 * makes the bytes on the wire the same as the Feign transport's (Apache HttpClient 5 classic) and
 * avoids the JDK's cleartext HTTP/2 upgrade, which sends {@code Upgrade: h2c} on plain-http test
 * servers. A caller who wants HTTP/2 over TLS can supply their own {@code HttpClient}.
 *
 * <p><b>No retries here, with one exception built into the JDK.</b> This class sends each attempt
 * once; retries belong to the resilience decorator alone. But the JDK's {@code HttpClient} itself
 * re-sends a {@code GET} once when its connection closes before the first response byte (a reset or
 * an empty response), typically a reused pooled connection the server had already dropped, but on
 * Java 17 a fresh connection too. That re-send is invisible here: it is the same request with the
 * same {@code x-request-id}, within the same {@code requestTimeout}, and the call still ends with
 * the second failure if that fails too. A retry policy above this client should count one {@code
 * GET} attempt as possibly two deliveries. {@code POST}, {@code PATCH} and {@code DELETE} are never
 * re-sent (unless the JVM runs with {@code -Djdk.httpclient.enableAllMethodRetry}, which this library
 * does not support).
 */
public final class JdkImagesClient implements ImagesPort, AutoCloseable {
  /** The default base URI, {@value}. */
  public static final String DEFAULT_BASE_URI = "https://api.contabo.com";
  /** The default time to open a connection: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The default time for one attempt, from sending to the last body byte: 30 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration MAX_TIMEOUT = Duration.ofDays(1);
  private static final String CLOSED = "JdkImagesClient is closed";
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final URI baseUri;
  private final String base;
  private final Duration requestTimeout;
  private final String userAgent;
  private final @Nullable String traceId;
  private final HttpClient httpClient;
  private final boolean ownsHttpClient;
  private final @Nullable ExecutorService ownedExecutor;
  private final WireImagesPort port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkImagesClient(Builder b, URI baseUri, String userAgent, TokenSource tokens) {
    this.baseUri = baseUri;
    this.base = baseUri.toString();
    this.requestTimeout = b.requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : b.requestTimeout;
    this.userAgent = userAgent;
    this.traceId = b.traceId;
    // The wire validates userAgent and traceId; build it before creating threads.
    ImagesWire wire = new ImagesWire(tokens, userAgent, traceId, b.clock == null ? Clock.systemUTC() : b.clock);
    if (b.httpClient != null) {
      this.httpClient = b.httpClient;
      this.ownsHttpClient = false;
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = b.executor == null ? Executors.newCachedThreadPool(JdkImagesClient::daemon) : null;
      HttpClient.Builder hb = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(b.connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : b.connectTimeout)
          .executor(ownedExecutor != null ? ownedExecutor : b.executor);
      if (b.proxy != null) {
        hb.proxy(b.proxy);
      }
      if (b.sslContext != null) {
        hb.sslContext(b.sslContext);
      }
      this.httpClient = hb.build();
      this.ownsHttpClient = true;
    }
    this.port = new WireImagesPort(wire, this::exchange);
  }

  /**
   * Starts a builder. Only a token source is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- ImagesPort

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    return open().createCustomImage(request, context);
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    return open().retrieveImageList(query, context);
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    return open().retrieveImage(imageId, context);
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    return open().updateImage(imageId, update, context);
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    open().deleteImage(imageId, context);
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    return open().retrieveCustomImagesStats(context);
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    return open().retrieveImageAuditsList(query, context);
  }

  // ---------------------------------------------------------------- settings

  /** The base URI every request path is appended to. */
  public URI baseUri() {
    return baseUri;
  }

  /** The time one attempt may take, from sending to the last body byte. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The connect timeout of the {@code HttpClient} in use, if it has one. */
  public Optional<Duration> connectTimeout() {
    return httpClient.connectTimeout();
  }

  /** The {@code User-Agent} every request carries. */
  public String userAgent() {
    return userAgent;
  }

  /** The client-wide {@code x-trace-id}, used when a call's {@link CallContext} carries none. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /** The one {@code HttpClient} every call goes through (for tests in this package). */
  HttpClient httpClient() {
    return httpClient;
  }

  /**
   * Closes this client: later calls throw {@link IllegalStateException}. Releases only what this
   * client created (its executor, and on Java 21+ its {@code HttpClient}, which waits for calls in
   * flight); a caller-supplied {@code HttpClient} or executor stays open. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // HttpClient is AutoCloseable from Java 21 on; on 17 there is nothing to close.
    if (ownsHttpClient && httpClient instanceof AutoCloseable) {
      try {
        ((AutoCloseable) httpClient).close();
      } catch (Exception e) {
        // Closing is best effort: the client is marked closed either way.
      }
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  @Override
  public String toString() {
    return "JdkImagesClient{baseUri=" + baseUri + ", requestTimeout=" + requestTimeout
        + (closed.get() ? ", closed" : "") + "}";
  }

  // ---------------------------------------------------------------- the HttpClient glue

  private ImagesPort open() {
    if (closed.get()) {
      throw new IllegalStateException(CLOSED);
    }
    return port;
  }

  private WireResponse exchange(WireRequest request) throws IOException, InterruptedException {
    open(); // a close() that raced the encoding still stops the call before any I/O
    byte[] body = request.body();
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri(base))
        .timeout(requestTimeout)
        .method(request.method(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    request.headers().forEach(builder::header);
    HttpResponse<byte[]> response = await(httpClient.sendAsync(builder.build(), BodyHandlers.ofByteArray()));
    return new WireResponse(
        response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), response.body());
  }

  /**
   * Waits for the whole answer. {@link HttpRequest#timeout} only bounds the wait for the response
   * headers; this deadline also covers a body that trickles in, so an attempt never outlives
   * {@code requestTimeout} by much.
   */
  private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> pending)
      throws IOException, InterruptedException {
    try {
      return pending.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("no complete answer within requestTimeout " + requestTimeout);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IOException(cause);
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "contabo4j-images-jdk-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  private static String defaultUserAgent() {
    String version = "unknown";
    try (InputStream in = JdkImagesClient.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        version = properties.getProperty("version", version);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "contabo4j-images/" + version + " java.net.http";
  }

  /**
   * Builds a {@link JdkImagesClient}. Every setting but the token source has a default, applied in
   * {@link #build()}. Not thread-safe; a builder may build several independent clients.
   */
  public static final class Builder {
    private @Nullable URI baseUri;
    private @Nullable TokenSource tokenSource;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration requestTimeout;
    private @Nullable ProxySelector proxy;
    private @Nullable SSLContext sslContext;
    private @Nullable Executor executor;
    private @Nullable String userAgent;
    private @Nullable String traceId;
    private @Nullable Clock clock;
    private @Nullable HttpClient httpClient;

    private Builder() {}

    /**
     * Sets the base URI. Default {@value JdkImagesClient#DEFAULT_BASE_URI}. It must be {@code
     * https}, except on a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) where
     * {@code http} is allowed for tests; it must not carry user-info, a query or a fragment. A path
     * prefix is kept; a trailing slash is ignored.
     *
     * @param baseUri e.g. {@code https://api.contabo.com}
     * @return this builder
     * @throws InvalidRequestException naming {@code baseUri} and the rule it breaks
     */
    public Builder baseUri(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri == null");
      this.baseUri = Checks.requireBaseUri("baseUri", baseUri);
      return this;
    }

    /**
     * Sets the base URI from text; see {@link #baseUri(URI)}.
     *
     * @param baseUri e.g. {@code https://api.contabo.com}
     * @return this builder
     * @throws InvalidRequestException naming {@code baseUri} and the rule it breaks
     */
    public Builder baseUri(String baseUri) {
      Objects.requireNonNull(baseUri, "baseUri == null");
      try {
        return baseUri(new URI(baseUri));
      } catch (URISyntaxException e) {
        // The text is not echoed: it may carry credentials.
        throw new InvalidRequestException("baseUri", "must be a valid absolute URI");
      }
    }

    /**
     * Sets where bearer tokens come from. Required (or use {@link #token(String)}).
     *
     * @param tokenSource called once per attempt; must be thread-safe
     * @return this builder
     */
    public Builder tokenSource(TokenSource tokenSource) {
      this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource == null");
      return this;
    }

    /**
     * Uses one fixed access token: {@code tokenSource(TokenSource.fixed(accessToken))}.
     *
     * @param accessToken the token, without {@code Bearer }
     * @return this builder
     * @throws InvalidRequestException if the token is blank or holds whitespace or control characters
     */
    public Builder token(String accessToken) {
      Objects.requireNonNull(accessToken, "accessToken == null");
      return tokenSource(TokenSource.fixed(accessToken));
    }

    /**
     * Sets the time allowed to open a connection. Default 10 seconds.
     *
     * @param connectTimeout positive, at most one day
     * @return this builder
     * @throws InvalidRequestException if zero, negative or longer than a day
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requireTimeout("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * Sets the time allowed for one attempt, from sending to the last body byte. Default 30
     * seconds. There is no "infinite": a missing answer always ends as an {@code
     * ImagesTransportException} with failure {@code TIMEOUT}.
     *
     * @param requestTimeout positive, at most one day
     * @return this builder
     * @throws InvalidRequestException if zero, negative or longer than a day
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requireTimeout("requestTimeout", requestTimeout);
      return this;
    }

    /**
     * Sends requests through proxies chosen by this selector. Default: no proxy ({@code
     * HttpClient}'s default, which does not consult the system selector).
     *
     * @param proxy e.g. {@code ProxySelector.of(new InetSocketAddress("proxy", 3128))}
     * @return this builder
     */
    public Builder proxy(ProxySelector proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy == null");
      return this;
    }

    /**
     * Uses this TLS context, e.g. with a private trust store. Default: the JVM's default context.
     *
     * @param sslContext the context
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext == null");
      return this;
    }

    /**
     * Runs the {@code HttpClient}'s asynchronous work on this executor, which the caller owns and
     * shuts down. Default: a cached pool of daemon threads created and shut down by the client.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Sets the {@code User-Agent}. Default {@code contabo4j-images/<version> java.net.http}.
     *
     * @param userAgent visible ISO-8859-1 characters, at most 1024
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
      return this;
    }

    /**
     * Sets a client-wide {@code x-trace-id}, sent when a call's {@link CallContext} has none.
     * Default: none.
     *
     * @param traceId free-form, at most 1024 characters, no CR, LF or control characters; null for
     *     none
     * @return this builder
     */
    public Builder traceId(@Nullable String traceId) {
      this.traceId = traceId;
      return this;
    }

    /**
     * Sets the clock an HTTP-date {@code Retry-After} is measured against. Default {@link
     * Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Uses a caller-built {@code HttpClient} instead of building one. It must never follow
     * redirects ({@code followRedirects() == NEVER}); its connect timeout, proxy, TLS context and
     * executor are its own, so those settings must not also be set on this builder. The caller owns
     * it: {@link JdkImagesClient#close()} leaves it open.
     *
     * @param httpClient the client
     * @return this builder
     * @throws InvalidRequestException if it follows redirects
     */
    public Builder httpClient(HttpClient httpClient) {
      Objects.requireNonNull(httpClient, "httpClient == null");
      if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new InvalidRequestException(
            "httpClient", "must not follow redirects: build it with followRedirects(HttpClient.Redirect.NEVER)");
      }
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Builds the client, applying the defaults, and creates its one {@code HttpClient} unless one
     * was supplied.
     *
     * @return the client; close it when done
     * @throws IllegalStateException if no token source was set
     * @throws InvalidRequestException if {@code userAgent} or {@code traceId} breaks the header
     *     rules, or if connect timeout, proxy, TLS context or executor are set together with a
     *     caller-supplied {@code httpClient}
     */
    public JdkImagesClient build() {
      if (tokenSource == null) {
        throw new IllegalStateException("tokenSource is required: call tokenSource(...) or token(...)");
      }
      if (httpClient != null && (connectTimeout != null || proxy != null || sslContext != null || executor != null)) {
        throw new InvalidRequestException("httpClient",
            "is configured by its owner: set connectTimeout, proxy, sslContext and executor on it, not on this builder");
      }
      URI uri = baseUri == null ? URI.create(DEFAULT_BASE_URI) : baseUri;
      String path = uri.toString();
      if (path.endsWith("/")) {
        uri = URI.create(path.substring(0, path.length() - 1));
      }
      return new JdkImagesClient(this, uri, userAgent == null ? defaultUserAgent() : userAgent, tokenSource);
    }

    private static Duration requireTimeout(String field, Duration timeout) {
      Objects.requireNonNull(timeout, field + " == null");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new InvalidRequestException(field, "must be positive");
      }
      if (timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new InvalidRequestException(field, "must be at most one day");
      }
      return timeout;
    }
  }
}
