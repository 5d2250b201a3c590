package io.github.contabo4j.images.transport.jdk;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.client.ImagesClientBuilder;
import io.github.contabo4j.images.internal.transport.AttemptTicker;
import io.github.contabo4j.images.internal.transport.TransportBuilder;
import io.github.contabo4j.images.transport.jdk.internal.DeadlineBodyHandler;
import io.github.contabo4j.images.transport.jdk.internal.SendWatch;
import io.github.contabo4j.images.internal.wire.ResponseLimit;
import io.github.contabo4j.images.internal.wire.WireImagesPort;
import io.github.contabo4j.images.internal.wire.WireRequest;
import io.github.contabo4j.images.internal.wire.WireResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
 * {@link HttpClient}, built in {@code build()} (or supplied by the caller) and reused by every
 * call. {@link #close()} releases only what this client created: on Java 17 the JDK's client has no
 * {@code close()}, so closing shuts down the executor this client created, stops its deadline thread
 * and marks it closed; on
 * Java 21 and later it also closes the {@code HttpClient} it built. A caller-supplied {@code
 * HttpClient} or executor is never closed. After {@code close()} every call throws {@link
 * IllegalStateException} ({@code "JdkImagesClient is closed"}) without sending anything.
 *
 * <p><b>Deadlines.</b> Each attempt's {@code requestTimeout} bounds the whole answer, headers and
 * body. One daemon thread per client ({@code contabo4j-images-jdk-deadlines-N}) checks the attempts
 * in flight every 10 ms; at the deadline it cuts a body still arriving and interrupts the blocked
 * {@code send}, which aborts the exchange and closes its connection; the attempt then fails with
 * {@code TIMEOUT}, and the caller's thread keeps no interrupt flag of ours. Where the connect timeout
 * could outlast the attempt, the JDK's own request timer ({@code HttpRequest.timeout()}) bounds the
 * wait for the headers instead, because only it tells a connect that was cut (never sent) from a
 * request that may have been sent. Neither wakes a thread on the way: the choice and its
 * measurements are in {@code docs/PERFORMANCE.md}.
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
public final class JdkImagesClient extends ImagesClient {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String base;
  private final Duration requestTimeout;
  private final ResponseLimit responseLimit;
  private final HttpClient httpClient;
  private final boolean ownsHttpClient;
  private final @Nullable Duration clientConnectTimeout;
  private final @Nullable ExecutorService ownedExecutor;
  private final ImagesPort port;
  private final AttemptTicker ticker = new AttemptTicker("contabo4j-images-jdk-deadlines-" + THREADS.incrementAndGet());

  private JdkImagesClient(DefaultBuilder b, TransportBuilder.Settings settings) {
    super("JdkImagesClient", settings.baseUri(), settings.requestTimeout(), settings.userAgent(), settings.traceId(),
        settings.interceptors());
    this.base = settings.baseUri().toString();
    this.requestTimeout = settings.requestTimeout();
    this.responseLimit = settings.responseLimit();
    if (b.httpClient != null) {
      this.httpClient = b.httpClient;
      this.ownsHttpClient = false;
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = b.executor == null ? Executors.newCachedThreadPool(JdkImagesClient::daemon) : null;
      HttpClient.Builder hb = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(settings.connectTimeout())
          .executor(ownedExecutor != null ? ownedExecutor : b.executor);
      if (settings.proxy() != null) {
        hb.proxy(settings.proxy());
      }
      if (settings.sslContext() != null) {
        hb.sslContext(settings.sslContext());
      }
      this.httpClient = hb.build();
      this.ownsHttpClient = true;
    }
    this.clientConnectTimeout = httpClient.connectTimeout().orElse(null);
    this.port = settings.decorate(new WireImagesPort(settings.wire(), this::exchange));
  }

  /**
   * Starts a builder. Only a token source is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new DefaultBuilder();
  }

  @Override
  protected ImagesPort delegate() {
    return port;
  }

  /** The connect timeout of the {@code HttpClient} in use, if it has one. */
  public Optional<Duration> connectTimeout() {
    return httpClient.connectTimeout();
  }

  /** The one {@code HttpClient} every call goes through (for tests in this package). */
  HttpClient httpClient() {
    return httpClient;
  }

  /**
   * Releases only what this client created (its executor, and on Java 21+ its {@code HttpClient},
   * which waits for calls in flight); a caller-supplied {@code HttpClient} or executor stays open.
   */
  @Override
  protected void release() {
    // HttpClient is AutoCloseable from Java 21 on; on 17 there is nothing to close.
    if (ownsHttpClient && httpClient instanceof AutoCloseable) {
      try {
        ((AutoCloseable) httpClient).close();
      } catch (Exception e) {
        // Closing is best effort: the client is marked closed either way.
      }
    }
    ticker.close();
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  // ---------------------------------------------------------------- the HttpClient glue

  private WireResponse exchange(WireRequest request) throws IOException, InterruptedException {
    requireOpen(); // a close() that raced the encoding still stops the call before any I/O
    byte[] body = request.body();
    Duration timeout = request.attemptTimeout(requestTimeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    // send() keeps the exchange on this thread (no hand-off back from another executor). The watch
    // holds the deadline: it cuts a body still arriving then and, unless the JDK's request timer is
    // armed, interrupts send(), which aborts the exchange (SendWatch). That timer is armed only when
    // the client's connect timeout could outlast the attempt: only it can tell a cut connect (never
    // sent) from a request that may have been sent, and the JDK wakes its selector thread for it on
    // every request.
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri(base));
    if (body != null) {
      builder.method(request.method(), BodyPublishers.ofByteArray(body));
    } else if ("GET".equals(request.method())) {
      builder.GET(); // no publisher at all: with noBody() the JDK sends "Content-Length: 0" on a GET
    } else if ("DELETE".equals(request.method())) {
      builder.DELETE(); // likewise
    } else {
      builder.method(request.method(), BodyPublishers.noBody());
    }
    boolean jdkTimer = connectMayOutlast(timeout);
    if (jdkTimer) {
      builder.timeout(timeout);
    }
    request.headers().forEach(builder::header);
    DeadlineBodyHandler handler = new DeadlineBodyHandler(deadline, timeout, responseLimit, !jdkTimer);
    SendWatch watch;
    try {
      watch = SendWatch.start(ticker, deadline, handler, !jdkTimer);
    } catch (IllegalStateException closed) {
      requireOpen();
      throw closed;
    }
    HttpResponse<byte[]> response;
    try {
      response = httpClient.send(builder.build(), handler);
    } catch (InterruptedException e) {
      if (watch.end()) {
        throw new HttpTimeoutException("no complete answer within " + timeout);
      }
      throw e;
    } finally {
      watch.end();
    }
    return new WireResponse(
        response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), response.body());
  }

  /** Whether a connect could outlast an attempt of this timeout: no connect timeout, or one as long. */
  private boolean connectMayOutlast(Duration attemptTimeout) {
    return clientConnectTimeout == null || clientConnectTimeout.compareTo(attemptTimeout) >= 0;
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "contabo4j-images-jdk-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Builds a {@link JdkImagesClient}: every setting of {@link ImagesClientBuilder}, with the same
   * names, defaults and rules as the other transports, plus the two that belong to the JDK's {@link
   * HttpClient}. Every setting but the token source has a default, applied in {@link #build()}. Not
   * thread-safe; a builder may build several independent clients.
   */
  public interface Builder extends ImagesClientBuilder<Builder, JdkImagesClient> {
    /**
     * Runs the {@code HttpClient}'s asynchronous work on this executor, which the caller owns and
     * shuts down. Default: a cached pool of daemon threads created and shut down by the client.
     *
     * @param executor the executor
     * @return this builder
     */
    Builder executor(Executor executor);

    /**
     * Uses a caller-built {@code HttpClient} instead of building one. It must never follow
     * redirects ({@code followRedirects() == NEVER}); its connect timeout, proxy, TLS context and
     * executor are its own, so those settings must not also be set on this builder. The caller owns
     * it: {@link JdkImagesClient#close()} leaves it open. A {@code ContaboCredentials} token source
     * then reaches its token endpoint through its own settings, or the JVM's defaults.
     *
     * @param httpClient the client
     * @return this builder
     * @throws IllegalArgumentException naming {@code httpClient} if it follows redirects
     */
    Builder httpClient(HttpClient httpClient);

    /**
     * Builds the client, applying the defaults, and creates its one {@code HttpClient} unless one
     * was supplied. The resilience policy (default {@code ResiliencePolicy.defaults()}) wraps it.
     *
     * @return the client; close it when done
     * @throws IllegalStateException if no token source was set, or if connect timeout, proxy, TLS
     *     context or executor are set together with a caller-supplied {@code httpClient}
     * @throws IllegalArgumentException naming {@code userAgent} or {@code traceId} if it breaks the
     *     header rules
     */
    @Override
    JdkImagesClient build();
  }

  /** The one implementation of {@link Builder}: the shared settings come from core. */
  private static final class DefaultBuilder extends TransportBuilder<Builder, JdkImagesClient> implements Builder {
    private @Nullable Executor executor;
    private @Nullable HttpClient httpClient;

    @Override
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    @Override
    public Builder httpClient(HttpClient httpClient) {
      Objects.requireNonNull(httpClient, "httpClient == null");
      if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "httpClient must not follow redirects: build it with followRedirects(HttpClient.Redirect.NEVER)");
      }
      this.httpClient = httpClient;
      return this;
    }

    @Override
    protected String transportName() {
      return "java.net.http";
    }

    @Override
    public JdkImagesClient build() {
      TransportBuilder.Settings settings =
          executor == null ? resolve(httpClient != null) : resolve(httpClient != null, "executor");
      return new JdkImagesClient(this, settings);
    }
  }
}
