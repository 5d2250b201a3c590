package io.github.contabo4j.images.transport.feign.internal;

import java.lang.reflect.Field;
import java.net.ProxySelector;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Builds and checks Apache HttpClient 5 instances: no automatic retries, no redirects, and connections
 * that never log headers or wire bytes ({@link QuietConnectionFactory}).
 */
public final class Hc5Clients {
  private Hc5Clients() {}

  /**
   * A pooled client with Apache's automatic retries and redirect handling switched off, so only the
   * library's resilience layer retries, whose connections never log a header (so never {@code
   * Authorization}) or a byte of the wire, whatever level Apache's loggers are set to. It asks for no
   * compression. A pooled connection is never reused when bytes are waiting on it, and never for a
   * {@code POST}, {@code PATCH} or {@code DELETE} once the server has closed it (see {@link
   * QuietConnectionFactory}).
   *
   * @param connectTimeout connect timeout
   * @param requestTimeout the socket timeout a new connection starts with (its TLS handshake) and the
   *     default response timeout; within a watched attempt {@link Hc5FeignClient} disables the latter,
   *     the watch holding the deadline
   * @param maxConnections pool size, total and per route
   * @param proxy the proxy selector, or null for the JVM's {@link ProxySelector#getDefault()}
   * @param sslContext the TLS context, or null for the JVM's {@link SSLContext#getDefault()}
   * @return the client; the caller closes it
   */
  public static CloseableHttpClient create(
      Duration connectTimeout,
      Duration requestTimeout,
      int maxConnections,
      @Nullable ProxySelector proxy,
      @Nullable SSLContext sslContext) {
    PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
        // Core's strict parser, not the client's LenientHttpResponseParser: that one skips lines that
        // are not a status line, so bytes that are not HTTP followed by a close read as "no response"
        // (NoHttpResponseException) instead of a malformed one, as the JDK transport reports them.
        // The connections also never log headers or wire bytes (Authorization included): see
        // QuietConnectionFactory.
        .setConnectionFactory(QuietConnectionFactory.INSTANCE)
        .setMaxConnTotal(maxConnections)
        .setMaxConnPerRoute(maxConnections)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(requestTimeout))
            // Every lease asks the connection whether it is stale: QuietConnection answers at no cost
            // for GETs (stray bytes only) and with Apache's 1 ms read before POST, PATCH and DELETE.
            .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
            .build());
    // Unset, the JVM's default TLS context, as the JDK transport's (Apache's own default ignores the
    // javax.net.ssl key store properties).
    pool.setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
        .setSslContext(sslContext != null ? sslContext : jvmDefaultTls()).buildClassic());
    var builder = HttpClients.custom()
        .setConnectionManager(pool.build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setRedirectsEnabled(false)
            .setResponseTimeout(Timeout.of(requestTimeout))
            .build())
        .setRequestExecutor(SendProgress.markingExecutor()) // proves when nothing was sent
        .disableAutomaticRetries()
        .disableRedirectHandling()
        // No Accept-Encoding, no inflating: the same bytes as the JDK transport, and no gzip bomb
        // (docs/ASSUMPTIONS.md, "Compression").
        .disableContentCompression()
        .disableCookieManagement()
        .disableAuthCaching();
    // Unset (null), the planner asks ProxySelector.getDefault() on every request, as the JDK client does.
    builder.setRoutePlanner(new SystemDefaultRoutePlanner(proxy));
    return builder.build();
  }

  private static SSLContext jvmDefaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  /**
   * Rejects a caller-supplied client that would retry by itself. Apache adds its retry stage ({@code
   * HttpRequestRetryExec}) to the execution chain unless built with {@code disableAutomaticRetries()}; the
   * chain is not public, so it is read reflectively. A client whose chain cannot be read (another
   * implementation) is accepted as is, and its retries are the caller's responsibility.
   *
   * @param client the caller's client
   * @throws IllegalArgumentException naming {@code httpClient} if the client retries automatically
   */
  public static void requireNoAutomaticRetries(CloseableHttpClient client) {
    Object element = readField(client, "execChain");
    while (element != null) {
      Object handler = readField(element, "handler");
      if (handler != null && handler.getClass().getSimpleName().endsWith("RetryExec")) {
        throw new IllegalArgumentException(
            "httpClient must be built with disableAutomaticRetries(): the library's resilience layer is the only one that retries");
      }
      element = readField(element, "next");
    }
  }

  private static @Nullable Object readField(Object target, String name) {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }
}
