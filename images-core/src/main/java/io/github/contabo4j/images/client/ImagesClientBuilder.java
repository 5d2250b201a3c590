package io.github.contabo4j.images.client;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesInterceptor;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The settings every transport's client builder takes, with the same names, defaults and rules: what
 * {@code JdkImagesClient.builder()} and {@code FeignImagesClient.builder()} return extends this and
 * adds only what is idiomatic to its HTTP client. Every default is applied in {@link #build()}.
 *
 * <p><b>Configuration errors.</b> A setter given a value that breaks its rule throws {@link
 * IllegalArgumentException}; {@link #build()} throws {@link IllegalStateException} when a required
 * setting is missing or two settings conflict. Either message names the setting and the rule, never
 * a secret. ({@link InvalidRequestException} is for a request's own input, never for configuration.)
 * A {@code null} argument throws {@link NullPointerException} naming the setting.
 *
 * <p>A builder is not thread-safe; it may build several independent clients.
 *
 * <pre>{@code
 * static <B extends ImagesClientBuilder<B, ?>> B configure(B builder, TokenSource tokens) {
 *   return builder.tokenSource(tokens).requestTimeout(Duration.ofSeconds(20)).userAgent("my-app/1.0");
 * }
 * }</pre>
 *
 * @param <B> the transport's builder, returned by every setter
 * @param <C> the client it builds
 */
public interface ImagesClientBuilder<B extends ImagesClientBuilder<B, C>, C extends ImagesClient> {
  /** The default base URI, {@value}. */
  String DEFAULT_BASE_URI = "https://api.contabo.com";

  /** The default time to open a connection: 10 seconds. */
  Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The default response-size limit, 4 MiB ({@value} bytes): a page of 500 images or audit entries
   * as large as the service allows (the most the streams ask for), or about 8,000 typical images.
   */
  int DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  /**
   * Sets the base URI. Default: the API base URL the token source's credentials chain found ({@code
   * ContaboCredentials.baseUri()}), else {@value #DEFAULT_BASE_URI}. It must be {@code https}, except
   * on a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) where {@code http} is
   * allowed for tests; it must not carry user-info, a query or a fragment. A path prefix is kept; a
   * trailing slash is ignored.
   *
   * @param baseUri e.g. {@code https://api.contabo.com}
   * @return this builder
   * @throws IllegalArgumentException naming {@code baseUri} and the rule it breaks
   */
  B baseUri(URI baseUri);

  /**
   * Sets the base URI from text; see {@link #baseUri(URI)}.
   *
   * @param baseUri e.g. {@code https://api.contabo.com}
   * @return this builder
   * @throws IllegalArgumentException naming {@code baseUri} and the rule it breaks
   */
  B baseUri(String baseUri);

  /**
   * Sets where bearer tokens come from. Required (or use {@link #token(String)}). A {@code
   * ContaboCredentials} fetches its tokens through this builder's {@link #proxy proxy}, {@link
   * #sslContext TLS context} and {@link #connectTimeout connect timeout}, except where it was given
   * its own.
   *
   * @param tokenSource called once per attempt; must be thread-safe
   * @return this builder
   */
  B tokenSource(TokenSource tokenSource);

  /**
   * Uses one fixed access token: a token source that always returns it.
   *
   * @param accessToken the token, without {@code Bearer }
   * @return this builder
   * @throws IllegalArgumentException naming {@code accessToken} if it is blank or holds whitespace or
   *     control characters (never echoing it)
   */
  B token(String accessToken);

  /**
   * Sets the time allowed to open a connection, to the API and to a {@code ContaboCredentials}
   * token endpoint. Default 10 seconds.
   *
   * @param connectTimeout positive, at most one day
   * @return this builder
   * @throws IllegalArgumentException naming {@code connectTimeout} if zero, negative or longer than a
   *     day
   */
  B connectTimeout(Duration connectTimeout);

  /**
   * Sets the time allowed for one attempt, from sending to the last body byte. Default: the
   * resilience policy's {@code attemptTimeout} (30 seconds by default). When set, it replaces the
   * policy's {@code attemptTimeout}, longer or shorter, and the policy's {@code callTimeout} is raised
   * to it if shorter, so one attempt always gets the whole of it; {@link ImagesClient#requestTimeout()}
   * reports the value applied. There is no "infinite": a missing answer always ends as an {@link
   * ImagesTransportException} with failure {@code TIMEOUT}.
   *
   * @param requestTimeout positive, at most one day
   * @return this builder
   * @throws IllegalArgumentException naming {@code requestTimeout} if zero, negative or longer than a
   *     day
   */
  B requestTimeout(Duration requestTimeout);

  /**
   * Sends requests, to the API and to a {@code ContaboCredentials} token endpoint, through proxies
   * chosen by this selector. Default, on every transport: the JVM's {@link
   * ProxySelector#getDefault()} (so the {@code http.proxyHost}/{@code https.proxyHost} properties
   * apply), asked on each new connection.
   *
   * @param proxy e.g. {@code ProxySelector.of(new InetSocketAddress("proxy", 3128))}
   * @return this builder
   */
  B proxy(ProxySelector proxy);

  /**
   * Uses this TLS context, to the API and to a {@code ContaboCredentials} token endpoint, e.g. with a
   * private trust store. Default, on every transport: the JVM's {@link SSLContext#getDefault()}.
   *
   * @param sslContext the context
   * @return this builder
   */
  B sslContext(SSLContext sslContext);

  /**
   * Sets the {@code User-Agent}. Default {@code contabo4j-images/<version> <transport>}.
   *
   * @param userAgent visible ISO-8859-1 characters, at most 1024; checked in {@link #build()}
   * @return this builder
   */
  B userAgent(String userAgent);

  /**
   * Sets a client-wide {@code x-trace-id}, sent when a call's {@link CallContext} has none. Default:
   * none.
   *
   * @param traceId free-form, at most 1024 characters, no CR, LF or control characters; null for
   *     none; checked in {@link #build()}
   * @return this builder
   */
  B traceId(@Nullable String traceId);

  /**
   * Sets the clock that {@code Retry-After} dates, backoff and the rate limiter are measured
   * against. Default {@link Clock#systemUTC()} for dates and a monotonic clock for waiting.
   *
   * @param clock the clock
   * @return this builder
   */
  B clock(Clock clock);

  /**
   * Sets how the resilience layer waits (backoff, {@code Retry-After}, rate limiting). Default
   * {@link Sleeper#system()}. Tests inject one that advances a virtual clock.
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  B sleeper(Sleeper sleeper);

  /**
   * Sets the retry and rate-limit policy applied around every call. Default {@link
   * ResiliencePolicy#defaults()}; {@link ResiliencePolicy#none()} sends each call exactly once.
   *
   * @param resilience the policy
   * @return this builder
   */
  B resilience(ResiliencePolicy resilience);

  /**
   * Sets the response-size limit: the most bytes of a 2xx answer's body this client reads. Default
   * {@value #DEFAULT_MAX_RESPONSE_BYTES} (4 MiB). A larger answer fails with an {@link
   * ImagesTransportException} of failure {@code RESPONSE_TOO_LARGE}, {@code MAYBE_PROCESSED}, never
   * retried: at once when its {@code Content-Length} declares too much, else as soon as one byte too
   * many has arrived; its connection is closed. The limit applies after any content decoding. An
   * error body is read up to 64 KiB (or this limit, if smaller) and cut there; its connection is then
   * closed too.
   *
   * @param maxResponseBytes at least 1024
   * @return this builder
   * @throws IllegalArgumentException naming {@code maxResponseBytes} if it is below 1024
   */
  B maxResponseBytes(int maxResponseBytes);

  /**
   * Sets who hears about retries, rate-limit and 429 waits, reconciliations and the end of every call
   * with its latency and request id (see {@link ImagesListener}). Default {@link
   * ImagesListener#none()}.
   *
   * @param listener the listener; called on the calling thread, must be thread-safe
   * @return this builder
   */
  B listener(ImagesListener listener);

  /**
   * Adds a listener beside those set so far (e.g. a metrics binding's beside the application's own);
   * each hears every event, in the order added, and one that throws keeps the event from none of the
   * others. {@link #listener} replaces them all.
   *
   * @param listener the listener; called on the calling thread, must be thread-safe
   * @return this builder
   */
  B addListener(ImagesListener listener);

  /**
   * Adds an interceptor that every call of the built client passes through once, outside the retries
   * and the 401 replay, so it sees the call's final outcome (see {@link ImagesInterceptor}); the first
   * added is the outermost.
   *
   * @param interceptor the interceptor; called on the calling thread, must be thread-safe
   * @return this builder
   */
  B addInterceptor(ImagesInterceptor interceptor);

  /**
   * Builds the client, applying the defaults; the resilience policy wraps it.
   *
   * @return the client; close it when done
   * @throws IllegalStateException if no token source was set, or settings conflict (e.g. a
   *     connection setting together with a caller-supplied HTTP client)
   * @throws IllegalArgumentException naming {@code userAgent} or {@code traceId} if it breaks the
   *     header rules
   */
  C build();
}
