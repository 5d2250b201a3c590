package io.github.contabo4j.images.transport.feign;

import feign.hc5.ApacheHttp5Client;
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
import io.github.contabo4j.images.internal.transport.TransportBuilder;
import io.github.contabo4j.images.transport.feign.internal.AttemptWatchdog;
import io.github.contabo4j.images.transport.feign.internal.CancellableHttpClient;
import io.github.contabo4j.images.transport.feign.internal.FeignImagesPort;
import io.github.contabo4j.images.transport.feign.internal.Hc5Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>Takes the same settings, defaults and rules as the JDK transport (see {@link TransportBuilder}),
 * plus Apache-specific ones: a connection pool of {@value Builder#DEFAULT_MAX_CONNECTIONS} connections
 * by default, and an optional caller-supplied {@link CloseableHttpClient}. Feign's retryer is {@code
 * NEVER_RETRY} and Apache's automatic retries and redirects are off: one layer only retries.
 *
 * <p><b>Timeouts and interrupts.</b> Each attempt, body included, may take {@code requestTimeout}, or
 * less when the resilience policy's call deadline is nearer: Apache's read timeout is cut to that,
 * and since a body that trickles in never trips a read timeout, one daemon watchdog thread per
 * client also cancels the Apache request when the attempt's time is up ({@code TIMEOUT}) or when the
 * calling thread is interrupted ({@code INTERRUPTED}, flag kept). An interrupt is polled, so it ends
 * the attempt within about 10 ms. Both failures are {@code MAYBE_PROCESSED}, as on the JDK transport.
 *
 * <p>Thread-safe. {@link #close()} stops the watchdog and closes the Apache client if this adapter
 * created it, never a caller-supplied one; calls after close fail with {@link IllegalStateException}.
 */
public final class FeignImagesClient implements ImagesPort, AutoCloseable {
  private final ImagesPort port;
  private final @Nullable CloseableHttpClient ownedClient;
  private final AttemptWatchdog watchdog = new AttemptWatchdog();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final URI baseUri;
  private final Duration requestTimeout;
  private final @Nullable Duration connectTimeout;
  private final String userAgent;
  private final @Nullable String traceId;

  private FeignImagesClient(Builder builder, TransportBuilder.Settings settings) {
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
    this.baseUri = settings.baseUri();
    this.requestTimeout = settings.requestTimeout();
    this.userAgent = settings.userAgent();
    this.traceId = settings.traceId();
    this.port = settings.decorate(new FeignImagesPort(settings.wire(),
        new ApacheHttp5Client(new CancellableHttpClient(http, watchdog)), settings.baseUri().toString(),
        settings.connectTimeout(), settings.requestTimeout(), watchdog));
  }

  /** A builder with every default. */
  public static Builder builder() {
    return new Builder();
  }

  private ImagesPort port() {
    if (closed.get()) {
      throw new IllegalStateException("FeignImagesClient is closed");
    }
    return port;
  }

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    return port().createCustomImage(request, context);
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    return port().retrieveImageList(query, context);
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    return port().retrieveImage(imageId, context);
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    return port().updateImage(imageId, update, context);
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    port().deleteImage(imageId, context);
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    return port().retrieveCustomImagesStats(context);
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    return port().retrieveImageAuditsList(query, context);
  }

  @Override
  public Image awaitDownloaded(String imageId, java.time.Duration timeout) {
    return port().awaitDownloaded(imageId, timeout);
  }

  /** The base URI every request path is appended to. */
  public URI baseUri() {
    return baseUri;
  }

  /** The time one attempt may take, from sending to the last body byte. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The connect timeout of the Apache client this adapter built; empty for a caller-supplied one. */
  public Optional<Duration> connectTimeout() {
    return Optional.ofNullable(connectTimeout);
  }

  /** The {@code User-Agent} every request carries. */
  public String userAgent() {
    return userAgent;
  }

  /** The client-wide {@code x-trace-id}, used when a call's {@link CallContext} carries none. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /** Stops the watchdog thread and closes the Apache client if this adapter created it. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    watchdog.close();
    if (ownedClient != null) {
      try {
        ownedClient.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public String toString() {
    return "FeignImagesClient{baseUri=" + baseUri + ", requestTimeout=" + requestTimeout
        + (closed.get() ? ", closed" : "") + "}";
  }

  /** Builds a {@link FeignImagesClient}. Settings shared with the JDK transport are inherited. */
  public static final class Builder extends TransportBuilder<Builder> {
    /** Default size of the connection pool (total and per route). */
    public static final int DEFAULT_MAX_CONNECTIONS = 20;

    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private @Nullable CloseableHttpClient httpClient;

    private Builder() {}

    /**
     * The connection pool's size, total and per route. Default {@value #DEFAULT_MAX_CONNECTIONS}.
     *
     * @param maxConnections at least 1
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new InvalidRequestException("maxConnections", "must be at least 1");
      }
      this.maxConnections = maxConnections;
      return this;
    }

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
     * @param httpClient the client
     * @return this builder
     */
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

    /**
     * Builds the client, applying the defaults; the resilience policy (default {@code
     * ResiliencePolicy.defaults()}) wraps it.
     *
     * @return the client; close it when done
     * @throws IllegalStateException if no token source was set
     * @throws InvalidRequestException if {@code userAgent} or {@code traceId} breaks the header
     *     rules, if a caller-supplied client retries by itself, or if connect timeout, proxy or TLS
     *     context are set together with a caller-supplied client
     */
    public FeignImagesClient build() {
      TransportBuilder.Settings settings = resolve();
      if (httpClient != null && connectionSettingsSet()) {
        throw new InvalidRequestException("httpClient",
            "is configured by its owner: set connectTimeout, proxy and sslContext on it, not on this builder");
      }
      return new FeignImagesClient(this, settings);
    }
  }
}
