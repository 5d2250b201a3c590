package io.github.contabo4j.images.transport.feign;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.client.ImagesClientBuilder;
import io.github.contabo4j.images.internal.transport.TransportBuilder;
import io.github.contabo4j.images.transport.feign.internal.AttemptWatchdog;
import io.github.contabo4j.images.transport.feign.internal.FeignImagesPort;
import io.github.contabo4j.images.transport.feign.internal.Hc5Clients;
import io.github.contabo4j.images.transport.feign.internal.Hc5FeignClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ImagesPort} on Feign over Apache HttpClient 5.
 *
 * <pre>{@code
 * try (FeignImagesClient images = FeignImagesClient.builder().token(accessToken).build()) {
 *   Image image = images.retrieveImage("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
 * }
 * }</pre>
 *
 * <p>Takes the same settings, defaults and rules as the JDK transport (see {@link ImagesClientBuilder}),
 * plus Apache-specific ones: a connection pool of {@value Builder#DEFAULT_MAX_CONNECTIONS} connections
 * by default, and an optional caller-supplied {@link CloseableHttpClient}. Feign's retryer is {@code
 * NEVER_RETRY} and Apache's automatic retries and redirects are off: one layer only retries.
 *
 * <p><b>Timeouts and interrupts.</b> Each attempt, body included, may take {@code requestTimeout}, or
 * less when the resilience policy's call deadline is nearer. One daemon watchdog thread per client
 * holds that deadline: it cancels the Apache request, closing its connection, when the attempt's time
 * is up ({@code TIMEOUT}) or when the calling thread is interrupted ({@code INTERRUPTED}, flag kept).
 * A per-read timeout could not do it (a body that trickles in never trips one), so within an attempt
 * Apache's socket reads are untimed, which also spares a {@code poll} per read; the connect timeout
 * stays Apache's. An interrupt is polled, so it ends
 * the attempt within about 10 ms. Both failures are {@code MAYBE_PROCESSED}, as on the JDK transport.
 *
 * <p>Thread-safe. {@link #close()} stops the watchdog and closes the Apache client if this adapter
 * created it, never a caller-supplied one; calls after close fail with {@link IllegalStateException}.
 */
public final class FeignImagesClient extends ImagesClient {
  private final ImagesPort port;
  private final @Nullable CloseableHttpClient ownedClient;
  private final AttemptWatchdog watchdog = new AttemptWatchdog();
  private final @Nullable Duration connectTimeout;

  private FeignImagesClient(DefaultBuilder builder, TransportBuilder.Settings settings) {
    super("FeignImagesClient", settings.baseUri(), settings.requestTimeout(), settings.userAgent(), settings.traceId(),
        settings.interceptors());
    CloseableHttpClient http = builder.httpClient;
    if (http == null) {
      http = Hc5Clients.create(settings.connectTimeout(), settings.requestTimeout(), builder.maxConnections,
          settings.proxy(), settings.sslContext());
      ownedClient = http;
      connectTimeout = settings.connectTimeout();
    } else {
      Hc5Clients.requireNoAutomaticRetries(http);
      ownedClient = null;
      connectTimeout = null; // the caller's client has its own
    }
    this.port = settings.decorate(new FeignImagesPort(settings.wire(),
        new Hc5FeignClient(http, watchdog), settings.baseUri().toString(),
        settings.connectTimeout(), settings.requestTimeout(), watchdog, settings.responseLimit(), ownedClient != null));
  }

  /** A builder with every default. */
  public static Builder builder() {
    return new DefaultBuilder();
  }

  @Override
  protected ImagesPort delegate() {
    return port;
  }

  /** The connect timeout of the Apache client this adapter built; empty for a caller-supplied one. */
  public Optional<Duration> connectTimeout() {
    return Optional.ofNullable(connectTimeout);
  }

  /** Stops the watchdog thread and closes the Apache client if this adapter created it. */
  @Override
  protected void release() {
    watchdog.close();
    if (ownedClient != null) {
      try {
        ownedClient.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Builds a {@link FeignImagesClient}: every setting of {@link ImagesClientBuilder}, with the same
   * names, defaults and rules as the other transports, plus the Apache-specific ones. Not
   * thread-safe; a builder may build several independent clients.
   */
  public interface Builder extends ImagesClientBuilder<Builder, FeignImagesClient> {
    /** Default size of the connection pool (total and per route). */
    int DEFAULT_MAX_CONNECTIONS = 20;

    /**
     * The connection pool's size, total and per route. Default {@value #DEFAULT_MAX_CONNECTIONS}.
     *
     * @param maxConnections at least 1
     * @return this builder
     * @throws IllegalArgumentException naming {@code maxConnections} if it is below 1
     */
    Builder maxConnections(int maxConnections);

    /**
     * A caller-supplied Apache client, which this adapter never closes. It must be built with {@code
     * disableAutomaticRetries()} (checked: otherwise Apache would re-send requests behind the
     * library's own retry layer); redirects are switched off per request. Its response parser is its
     * own: Apache's default, lenient one skips lines that are not a status line, so an answer of
     * random bytes then a close fails as {@code CONNECTION_CLOSED} where the client this builder
     * makes (on core's strict parser) reports {@code MALFORMED_RESPONSE}, as the JDK transport does.
     *
     * <p>Its logging is its own too. The client this builder makes never logs headers or wire bytes,
     * whatever level Apache's loggers are at; a caller-supplied one built the usual way logs every
     * request header, {@code Authorization: Bearer <token>} included, under {@code
     * org.apache.hc.client5.http.headers}, and every byte under {@code org.apache.hc.client5.http.wire},
     * whenever those loggers are at DEBUG. Keep them above DEBUG, or give its connection manager a
     * connection factory that does not log.
     *
     * <p>Its connection reuse is its own as well: the client this builder makes never reuses a
     * connection with stray bytes waiting on it, checks before every {@code POST}, {@code PATCH} and
     * {@code DELETE} that the server has not closed the pooled connection, and asks for no
     * compression; a caller-supplied one does what it was built to do. The response-size limit
     * ({@code maxResponseBytes}) applies to both, counted after any decompression.
     *
     * <p>A {@code ContaboCredentials} token source then reaches its token endpoint through its own
     * settings, or the JVM's defaults.
     *
     * @param httpClient the client
     * @return this builder
     */
    Builder httpClient(CloseableHttpClient httpClient);

    /**
     * Builds the client, applying the defaults; the resilience policy (default {@code
     * ResiliencePolicy.defaults()}) wraps it.
     *
     * @return the client; close it when done
     * @throws IllegalStateException if no token source was set, or if connect timeout, proxy or TLS
     *     context are set together with a caller-supplied client
     * @throws IllegalArgumentException naming {@code userAgent} or {@code traceId} if it breaks the
     *     header rules, or naming {@code httpClient} if a caller-supplied client retries by itself
     */
    @Override
    FeignImagesClient build();
  }

  /** The one implementation of {@link Builder}: the shared settings come from core. */
  private static final class DefaultBuilder extends TransportBuilder<Builder, FeignImagesClient> implements Builder {
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private @Nullable CloseableHttpClient httpClient;

    @Override
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    @Override
    public Builder httpClient(CloseableHttpClient httpClient) {
      if (httpClient == null) {
        throw new NullPointerException("httpClient == null");
      }
      this.httpClient = httpClient;
      return this;
    }

    @Override
    protected String transportName() {
      return "feign-hc5";
    }

    @Override
    public FeignImagesClient build() {
      return new FeignImagesClient(this, resolve(httpClient != null));
    }
  }
}
