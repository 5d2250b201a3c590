package io.github.contabo4j.images.internal.upload;

import io.github.contabo4j.images.upload.Finding;
import io.github.contabo4j.images.upload.Finding.Certainty;
import io.github.contabo4j.images.upload.Finding.Kind;
import io.github.contabo4j.images.upload.PreflightOptions;
import io.github.contabo4j.images.upload.SourceFormat;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preflight's HTTP side, on its own {@link HttpClient}: no proxy, no cookies, no authenticator,
 * redirects never followed by the client. It sends only {@code User-Agent} and {@code Range}; it
 * never sees the API client's headers or token.
 *
 * <p>Each hop (the URL, then every redirect target) is checked by the {@link AddressGuard} after DNS
 * resolution before anything is sent to it. {@code HEAD} first; then one ranged {@code GET} of the
 * first {@link #READ_LIMIT} bytes, of which at most that many are kept ({@link BoundedBody}) however
 * much the server sends. Logs name URLs only as {@link SourceUrls#display} shows them, and findings
 * carry an I/O failure's type, never its message.
 */
public final class SourceProbe {
  /** The most bytes of a source's body the probe reads: 64 KiB. */
  public static final int READ_LIMIT = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(SourceProbe.class);
  private static final String USER_AGENT = "contabo4j-preflight";
  private static final Pattern CONTENT_RANGE_TOTAL = Pattern.compile("bytes\\s+\\d+-\\d+/(\\d+)");

  /** What the probe learnt, before the quota check. */
  public record Probed(boolean reachable, OptionalLong sizeBytes, SourceFormat format, int bytesRead,
      List<Finding> findings) {}

  /** One hop's outcome: an answer, or a stop (refused, failed, too many redirects). */
  private record Answer(int status, HttpHeaders headers, URI uri, byte[] body, @Nullable String failure) {
    boolean ok() {
      return failure == null && status >= 200 && status < 300;
    }
  }

  private final PreflightOptions options;
  private final AddressGuard guard;
  private final javax.net.ssl.@Nullable SSLContext tls;
  private @Nullable HttpClient client;

  /**
   * Creates a probe.
   *
   * @param options timeouts, redirects, loopback
   * @param resolver how host names resolve
   */
  public SourceProbe(PreflightOptions options, AddressGuard.Resolver resolver) {
    this(options, resolver, null);
  }

  /**
   * Creates a probe with its own TLS trust (tests: a self-signed source).
   *
   * @param options timeouts, redirects, loopback
   * @param resolver how host names resolve
   * @param tls the TLS context, or null for the JDK's default trust
   */
  public SourceProbe(PreflightOptions options, AddressGuard.Resolver resolver, javax.net.ssl.@Nullable SSLContext tls) {
    this.options = options;
    this.guard = new AddressGuard(resolver, options.allowLoopback());
    this.tls = tls;
  }

  /** The probe's own client, made on first use (a JDK client starts a selector thread when built). */
  private synchronized HttpClient client() {
    if (client == null) {
      HttpClient.Builder builder = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(options.connectTimeout());
      if (tls != null) {
        builder.sslContext(tls);
      }
      client = builder.build();
    }
    return client;
  }

  /** A probe on the system resolver and the JDK's default trust. */
  public static SourceProbe system(PreflightOptions options) {
    return new SourceProbe(options, InetAddress::getAllByName);
  }

  /**
   * Probes a source.
   *
   * @param start the source URL, http or https
   * @return what was found
   */
  public Probed probe(URI start) {
    List<Finding> findings = new ArrayList<>();
    Answer head = follow("HEAD", start, findings);
    if (head == null) {
      return new Probed(false, OptionalLong.empty(), SourceFormat.NOT_READ, 0, findings);
    }
    boolean reachable = head.ok();
    OptionalLong size = reachable ? contentLength(head.headers()) : OptionalLong.empty();
    Answer get = follow("GET", reachable ? head.uri() : start, findings);
    byte[] body = new byte[0];
    if (get != null && get.ok()) {
      reachable = true;
      body = get.body();
      OptionalLong total = contentRangeTotal(get.headers());
      if (total.isPresent()) {
        size = total;
      } else if (size.isEmpty() && get.status() == 200) {
        size = contentLength(get.headers());
      }
    }
    if (!reachable && get != null) {
      add(findings, unreachable(head, get));
    } else if (get != null && !get.ok()) {
      add(findings, new Finding(Kind.UNREACHABLE, Certainty.HINT, SourceUrls.display(get.uri())
          + " answered HEAD but not a ranged GET (" + (get.failure() != null ? get.failure() : get.status())
          + "); the format could not be read"));
    }
    SourceFormat format = HeaderSniffer.format(body, body.length);
    if (reachable) {
      HeaderSniffer.inspect(format, body, body.length, path(start), findings);
    }
    return new Probed(reachable, size, format, body.length, findings);
  }

  private static Finding unreachable(Answer head, Answer get) {
    if (get.failure() == null) {
      return new Finding(Kind.UNREACHABLE, Certainty.CERTAIN, SourceUrls.display(get.uri()) + " answered "
          + (head.failure() == null ? head.status() + " to HEAD and " : "") + get.status() + " to GET");
    }
    return new Finding(Kind.UNREACHABLE, Certainty.HINT, SourceUrls.display(get.uri())
        + " could not be reached from here (" + get.failure() + "); Contabo's network may differ");
  }

  /** Sends {@code method}, following redirects by hand, each hop checked; null when a hop is refused. */
  private @Nullable Answer follow(String method, URI start, List<Finding> findings) {
    URI uri = start;
    for (int hop = 0; ; hop++) {
      String refused = refusal(uri, findings);
      if (refused != null) {
        return null;
      }
      Answer answer = send(method, uri);
      LOG.debug("preflight {} {} -> {}", method, SourceUrls.display(uri),
          answer.failure() != null ? answer.failure() : answer.status());
      String location = answer.headers().firstValue("location").orElse(null);
      if (answer.failure() != null || !isRedirect(answer.status()) || location == null) {
        return answer;
      }
      URI next;
      try {
        next = uri.resolve(new URI(location.trim()));
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        add(findings, new Finding(Kind.UNREACHABLE, Certainty.CERTAIN,
            SourceUrls.display(uri) + " redirects to a malformed Location"));
        return null;
      }
      if ("https".equalsIgnoreCase(uri.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
        add(findings, new Finding(Kind.HTTPS_DOWNGRADE, Certainty.HINT, "redirect from "
            + SourceUrls.display(uri) + " to plain http " + SourceUrls.display(next)));
      }
      if (hop + 1 > options.maxRedirects()) {
        add(findings, new Finding(Kind.TOO_MANY_REDIRECTS, Certainty.HINT,
            "more than " + options.maxRedirects() + " redirects from " + SourceUrls.display(start)));
        return null;
      }
      uri = next;
    }
  }

  /** Why this hop may not be contacted (also added to the findings), or null. */
  private @Nullable String refusal(URI uri, List<Finding> findings) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      String why = SourceUrls.display(uri) + " is not an http(s) URL with a host";
      add(findings, new Finding(Kind.REFUSED_TARGET, Certainty.CERTAIN, why));
      return why;
    }
    try {
      String why = guard.refusal(uri.getHost());
      if (why != null) {
        add(findings, new Finding(Kind.REFUSED_TARGET, Certainty.CERTAIN, SourceUrls.display(uri) + ": " + why
            + "; Contabo cannot download from it, and the preflight does not go there"));
      }
      return why;
    } catch (UnknownHostException e) {
      String why = "host " + uri.getHost() + " does not resolve";
      add(findings, new Finding(Kind.UNREACHABLE, Certainty.HINT, why + " from here"));
      return why;
    }
  }

  private Answer send(String method, URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(options.requestTimeout())
        .header("User-Agent", USER_AGENT);
    if (method.equals("GET")) {
      request.header("Range", "bytes=0-" + (READ_LIMIT - 1));
    }
    AtomicReference<HttpResponse.@Nullable ResponseInfo> info = new AtomicReference<>();
    BoundedBody body = new BoundedBody(method.equals("GET") ? READ_LIMIT : 0);
    CompletableFuture<HttpResponse<byte[]>> pending = client().sendAsync(request.build(), responseInfo -> {
      info.set(responseInfo);
      return method.equals("GET") ? body : HttpResponse.BodySubscribers.replacing(new byte[0]);
    });
    String failure = null;
    try {
      pending.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      failure = "no complete answer within " + options.requestTimeout();
    } catch (ExecutionException e) {
      failure = e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName();
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      failure = "interrupted";
    }
    HttpResponse.ResponseInfo got = info.get();
    if (got == null) {
      return new Answer(0, HttpHeaders.of(java.util.Map.of(), (a, b) -> true), uri, new byte[0],
          failure == null ? "no answer" : failure);
    }
    // An answer whose body was cut short (a timeout, a reset) still counts with the bytes that came.
    return new Answer(got.statusCode(), got.headers(), uri, body.snapshot(), null);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static OptionalLong contentLength(HttpHeaders headers) {
    OptionalLong length = headers.firstValueAsLong("content-length");
    return length.isPresent() && length.getAsLong() >= 0 ? length : OptionalLong.empty();
  }

  private static OptionalLong contentRangeTotal(HttpHeaders headers) {
    String range = headers.firstValue("content-range").orElse("");
    Matcher m = CONTENT_RANGE_TOTAL.matcher(range.trim());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(m.group(1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static String path(URI uri) {
    return uri.getRawPath() == null ? "" : uri.getRawPath();
  }

  private static void add(List<Finding> findings, Finding finding) {
    if (!findings.contains(finding)) {
      findings.add(finding);
    }
  }

}
