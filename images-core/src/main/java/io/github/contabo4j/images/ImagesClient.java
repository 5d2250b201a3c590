package io.github.contabo4j.images;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ImagesPort} that holds resources (connections, threads): what each transport's builder
 * builds. Close it when done; afterwards every call throws {@link IllegalStateException} without
 * sending anything. Thread-safe.
 *
 * <p>Every call goes one way ({@link #handle}): the closed check, the {@link ImagesInterceptor}s,
 * then the transport's decorated port. The settings every transport reports are written here once; a
 * transport supplies its port and what closing releases.
 */
public abstract class ImagesClient extends ImagesCallHandler implements AutoCloseable {
  private final String name;
  private final URI baseUri;
  private final Duration requestTimeout;
  private final String userAgent;
  private final @Nullable String traceId;
  private final List<ImagesInterceptor> interceptors;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable ImagesPort pipeline;

  /**
   * Creates the client.
   *
   * @param name the transport client's name for messages, e.g. {@code JdkImagesClient}
   * @param baseUri the base URI every request path is appended to
   * @param requestTimeout the time one attempt may take
   * @param userAgent the {@code User-Agent} every request carries
   * @param traceId the client-wide {@code x-trace-id}, or null
   */
  protected ImagesClient(
      String name, URI baseUri, Duration requestTimeout, String userAgent, @Nullable String traceId) {
    this(name, baseUri, requestTimeout, userAgent, traceId, List.of());
  }

  /**
   * Creates the client with interceptors.
   *
   * @param name the transport client's name for messages, e.g. {@code JdkImagesClient}
   * @param baseUri the base URI every request path is appended to
   * @param requestTimeout the time one attempt may take
   * @param userAgent the {@code User-Agent} every request carries
   * @param traceId the client-wide {@code x-trace-id}, or null
   * @param interceptors what every call passes through before the transport's layers, outermost
   *     first
   */
  protected ImagesClient(String name, URI baseUri, Duration requestTimeout, String userAgent,
      @Nullable String traceId, List<? extends ImagesInterceptor> interceptors) {
    this.interceptors = List.copyOf(interceptors);
    this.name = Objects.requireNonNull(name, "name == null");
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri == null");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout == null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
    this.traceId = traceId;
  }

  /**
   * The transport's port, with every layer (401 replay, resilience) applied.
   *
   * @return the port calls go to
   */
  protected abstract ImagesPort delegate();

  /** Releases what this client created (never what the caller supplied); called once by {@link #close()}. */
  protected abstract void release();

  private ImagesPort open() {
    if (closed.get()) {
      throw new IllegalStateException(name + " is closed");
    }
    return delegate();
  }

  /** The interceptors around the transport's port, built on first use (the port exists only then). */
  private ImagesPort pipeline() {
    ImagesPort port = open(); // throws once closed
    ImagesPort p = pipeline;
    if (p == null) {
      p = ImagesInterceptor.around(port, interceptors);
      pipeline = p;
    }
    return p;
  }

  /**
   * Fails if this client is closed: for transport code that must stop a call that raced {@link
   * #close()}.
   *
   * @throws IllegalStateException if closed
   */
  protected final void requireOpen() {
    open();
  }

  /** Every call passes the closed check, then the interceptors, then the transport's layers. */
  @Override
  protected final <R> R handle(ImagesCall<R> call) {
    return call.sendTo(pipeline());
  }

  /**
   * Polls through the client's own resilience layer, on its clock and sleeper; the interceptors see
   * the wait {@linkplain ImagesInterceptor#interceptAwaitDownloaded as a whole}.
   */
  @Override
  public final Image awaitDownloaded(String imageId, Duration timeout) {
    return pipeline().awaitDownloaded(imageId, timeout);
  }

  /** The base URI every request path is appended to. */
  public final URI baseUri() {
    return baseUri;
  }

  /** The time one attempt may take, from sending to the last body byte. */
  public final Duration requestTimeout() {
    return requestTimeout;
  }

  /** The {@code User-Agent} every request carries. */
  public final String userAgent() {
    return userAgent;
  }

  /** The client-wide {@code x-trace-id}, used when a call's {@link CallContext} carries none. */
  public final Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /** Whether {@link #close()} was called. */
  public final boolean isClosed() {
    return closed.get();
  }

  /** Closes this client, releasing only what it created. Idempotent. */
  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      release();
    }
  }

  @Override
  public String toString() {
    // Settings only: never a token.
    return name + "{baseUri=" + baseUri + ", requestTimeout=" + requestTimeout + (closed.get() ? ", closed" : "") + "}";
  }
}
