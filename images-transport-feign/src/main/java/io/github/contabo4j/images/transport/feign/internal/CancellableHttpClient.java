package io.github.contabo4j.images.transport.feign.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * The Apache client Feign's {@code ApacheHttp5Client} (a final class) is given: it executes each
 * request on the wrapped client as a cancellable {@link HttpUriRequestBase}, attached to the calling
 * thread's {@link AttemptWatchdog.Watch}, so the watchdog can abort it, and with a response (read)
 * timeout cut down to what is left of the attempt's timeout.
 *
 * <p>{@code ApacheHttp5Client} builds a plain {@code ClassicHttpRequest}, which Apache cannot
 * cancel; it is copied into an {@code HttpUriRequestBase} (method, URI, version, headers, entity).
 * Apache ties that request to its execution ({@code CancellableDependency}), so {@code cancel()}
 * closes the connection, whether the request is being sent, its answer awaited or its body read.
 *
 * <p>It also tells {@link QuietConnectionFactory} the method of the request whose connection is being
 * leased on this thread, so a {@code POST}, {@code PATCH} or {@code DELETE} gets the full stale check.
 *
 * <p>Closing this client does nothing: the wrapped client belongs to whoever built it. Not API.
 */
public final class CancellableHttpClient extends CloseableHttpClient {
  private final CloseableHttpClient delegate;
  private final AttemptWatchdog watchdog;

  /**
   * Wraps a client.
   *
   * @param delegate the client that does the work
   * @param watchdog the watchdog whose current watch each request is attached to
   */
  public CancellableHttpClient(CloseableHttpClient delegate, AttemptWatchdog watchdog) {
    this.delegate = delegate;
    this.watchdog = watchdog;
  }

  @Override
  protected CloseableHttpResponse doExecute(HttpHost target, ClassicHttpRequest request, @Nullable HttpContext context)
      throws IOException {
    QuietConnectionFactory.leasingFor(request.getMethod());
    try {
      return executeWatched(target, request, context);
    } finally {
      QuietConnectionFactory.leased();
    }
  }

  private CloseableHttpResponse executeWatched(HttpHost target, ClassicHttpRequest request, @Nullable HttpContext context)
      throws IOException {
    AttemptWatchdog.Watch watch = watchdog.current();
    if (watch == null) {
      return CloseableHttpResponse.adapt(delegate.executeOpen(target, request, context));
    }
    HttpUriRequestBase cancellable = cancellable(request);
    RequestConfig config = configOf(request, context);
    if (config != null) {
      Timeout left = Timeout.of(watch.remaining());
      if (config.getResponseTimeout() == null || config.getResponseTimeout().compareTo(left) > 0) {
        cancellable.setConfig(RequestConfig.copy(config).setResponseTimeout(left).build());
      } else {
        cancellable.setConfig(config);
      }
    }
    watch.attach(cancellable);
    return CloseableHttpResponse.adapt(delegate.executeOpen(target, cancellable, context));
  }

  private static HttpUriRequestBase cancellable(ClassicHttpRequest request) throws IOException {
    if (request instanceof HttpUriRequestBase) {
      return (HttpUriRequestBase) request;
    }
    HttpUriRequestBase copy;
    try {
      copy = new HttpUriRequestBase(request.getMethod(), request.getUri());
    } catch (URISyntaxException e) {
      throw new ClientProtocolException("invalid request URI", e);
    }
    copy.setVersion(request.getVersion());
    copy.setHeaders(request.getHeaders());
    copy.setEntity(request.getEntity());
    return copy;
  }

  /** The configuration the request would run with: its own, else the context's (Feign sets one). */
  private static @Nullable RequestConfig configOf(ClassicHttpRequest request, @Nullable HttpContext context) {
    if (request instanceof Configurable && ((Configurable) request).getConfig() != null) {
      return ((Configurable) request).getConfig();
    }
    return context instanceof HttpClientContext ? ((HttpClientContext) context).getRequestConfig() : null;
  }

  /** Does nothing: the wrapped client's owner closes it. */
  @Override
  public void close() {}

  /** Does nothing: the wrapped client's owner closes it. */
  @Override
  public void close(CloseMode closeMode) {}

  @Override
  public String toString() {
    return "CancellableHttpClient{" + delegate.getClass().getSimpleName() + "}";
  }
}
