package io.github.contabo4j.images.transport.feign.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Feign's {@link Client} on an Apache HttpClient 5: each request goes out exactly as Feign built it
 * (core's encoding of the path and query, untouched), as a cancellable {@link HttpUriRequestBase}
 * attached to the calling thread's {@link AttemptWatchdog.Watch}, so the watchdog can abort it. The
 * watch holds the attempt's deadline, so the socket's reads are untimed (no per-read {@code poll}); a
 * request made outside a watch (none is, in this transport) keeps Feign's read timeout.
 *
 * <p>Why not Feign's own {@code ApacheHttp5Client}: it parses every URL with {@code URIBuilder},
 * decodes the query into name-value pairs and has Apache encode them again, then builds a request
 * Apache cannot cancel, which had to be copied into one it can. That is four parses of each URL, a
 * re-encoding of a query core already encoded, and a copy; here it is one {@link URI#create}.
 *
 * <p>Apache ties the request to its execution ({@code CancellableDependency}), so {@code cancel()}
 * closes the connection, whether the request is being sent, its answer awaited or its body read. It
 * also tells {@link QuietConnectionFactory} the method of the request whose connection is being leased
 * on this thread, so a {@code POST}, {@code PATCH} or {@code DELETE} gets the full stale check.
 *
 * <p>Closing the response body reads what is left of it ({@code EntityUtils.consume}), so the
 * connection can go back to the pool, then closes the response; the watchdog bounds that read too.
 * Not API. Thread-safe; the Apache client belongs to whoever built it.
 */
public final class Hc5FeignClient implements Client {
  private final CloseableHttpClient http;
  private final AttemptWatchdog watchdog;

  /**
   * A client over {@code http}.
   *
   * @param http the Apache client that does the work
   * @param watchdog the watchdog whose current watch each request is attached to
   */
  public Hc5FeignClient(CloseableHttpClient http, AttemptWatchdog watchdog) {
    this.http = Objects.requireNonNull(http, "http");
    this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    URI uri = URI.create(request.url());
    HttpUriRequestBase outgoing = toApache(request, uri);
    AttemptWatchdog.Watch watch = watchdog.current();
    // Within a watched attempt the watchdog is the deadline: it closes the connection at the
    // attempt's timeout, whatever the thread is blocked on, so the socket's reads go untimed. A timed
    // read costs a non-blocking read, a poll() and a second read each time the answer is not there yet.
    Timeout readTimeout = watch != null ? Timeout.DISABLED : Timeout.of(options.readTimeout(), options.readTimeoutUnit());
    @SuppressWarnings("deprecation") // a per-request connect timeout, as Feign's ApacheHttp5Client sets it
    RequestConfig config = RequestConfig.custom()
        .setRedirectsEnabled(options.isFollowRedirects())
        .setConnectTimeout(options.connectTimeout(), options.connectTimeoutUnit())
        .setResponseTimeout(readTimeout)
        .build();
    outgoing.setConfig(config);
    if (watch != null) {
      watch.attach(outgoing);
    }
    QuietConnectionFactory.leasingFor(outgoing.getMethod());
    ClassicHttpResponse response;
    try {
      response = http.executeOpen(HttpHost.create(uri), outgoing, null); // null: Apache makes the context
    } finally {
      QuietConnectionFactory.leased();
    }
    return toFeign(response, request);
  }

  /** The request as Apache sends it: Feign's method, URL, headers (bar {@code Content-Length}) and body bytes. */
  private static HttpUriRequestBase toApache(Request request, URI uri) {
    HttpUriRequestBase outgoing = new HttpUriRequestBase(request.httpMethod().name(), uri);
    boolean hasAccept = false;
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if ("Content-Length".equalsIgnoreCase(name)) {
        continue; // Apache sets it from the entity, and refuses a request that sets it too
      }
      hasAccept |= "Accept".equalsIgnoreCase(name);
      for (String value : header.getValue()) {
        outgoing.addHeader(name, value);
      }
    }
    if (!hasAccept) {
      outgoing.addHeader("Accept", "*/*");
    }
    byte[] body = request.body();
    if (body != null) {
      outgoing.setEntity(new ByteArrayEntity(body, null));
    }
    return outgoing;
  }

  private static Response toFeign(ClassicHttpResponse response, Request request) {
    ProtocolVersion version = response.getVersion();
    Map<String, Collection<String>> headers = new HashMap<>();
    for (Header header : response.getHeaders()) {
      headers.computeIfAbsent(header.getName(), name -> new ArrayList<>(1)).add(header.getValue());
    }
    return Response.builder()
        .protocolVersion(version != null && version.lessEquals(HttpVersion.HTTP_1_0)
            ? Request.ProtocolVersion.HTTP_1_0 : Request.ProtocolVersion.HTTP_1_1)
        .status(response.getCode())
        .reason(response.getReasonPhrase())
        .headers(headers)
        .request(request)
        .body(body(response))
        .build();
  }

  private static Response.@Nullable Body body(ClassicHttpResponse response) {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return null;
    }
    return new Response.Body() {
      @Override
      public @Nullable Integer length() {
        long length = entity.getContentLength();
        return length >= 0 && length <= Integer.MAX_VALUE ? (int) length : null;
      }

      @Override
      public boolean isRepeatable() {
        return entity.isRepeatable();
      }

      @Override
      public InputStream asInputStream() throws IOException {
        return entity.getContent();
      }

      @Override
      public Reader asReader() throws IOException {
        return asReader(StandardCharsets.UTF_8);
      }

      @Override
      public Reader asReader(Charset charset) throws IOException {
        return new InputStreamReader(asInputStream(), Objects.requireNonNull(charset, "charset"));
      }

      @Override
      public void close() throws IOException {
        try {
          EntityUtils.consume(entity);
        } finally {
          response.close();
        }
      }
    };
  }

  @Override
  public String toString() {
    return "Hc5FeignClient{" + http.getClass().getSimpleName() + "}";
  }
}
