package io.github.contabo4j.images.tck.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.testkit.internal.wire.ServerWire;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.testkit.MutableClock;
import io.github.contabo4j.images.testkit.SpecValidator;
import io.github.contabo4j.images.tck.transport.SpecCheckedTraffic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link FaultMatrixContract} for an HTTP transport, against WireMock: a transport extends this
 * class with the one hook {@link #newClient}, which builds the client the way a user would, with its
 * builder's default resilience decorator.
 *
 * <pre>{@code
 * class JdkFaultMatrixTest extends WireFaultMatrixContract {
 *   @Override
 *   protected ImagesPort newClient(String baseUri, TokenSource tokens, ProxySelector proxy,
 *       ResiliencePolicy policy, Sleeper sleeper, Clock clock) {
 *     return JdkImagesClient.builder().baseUri(baseUri).tokenSource(tokens).proxy(proxy)
 *         .resilience(policy).sleeper(sleeper).clock(clock).build();
 *   }
 * }
 * }</pre>
 *
 * <p><b>How faults are scripted.</b> Every operation has one stub, answered by {@link
 * MatrixWireService}, a response transformer that plays the service: it hands out the scripted
 * faults one per request, atomically (concurrent callers each meet exactly one), then the normal
 * answer. Status answers, resets, empty responses, malformed chunks and random bytes are WireMock
 * responses and faults; a slow answer is the normal answer with a fixed delay, a dribbled one the
 * normal answer with a chunked dribble delay. For a {@code GET} whose connection dies before the
 * first byte, each failed attempt consumes {@link #getSendsWhenTheConnectionDiesBeforeTheFirstByte()}
 * faults, because a client that re-sends such a {@code GET} by itself puts that many requests on the
 * wire per attempt.
 *
 * <p><b>What the service did.</b> The normal answers are a 200 with the row's image, a 201 for a
 * create (which the service thereby applied), a 204 for a delete, and an audit log that lists a
 * {@code CREATED} entry for each applied create, its request id in upper case. A fault {@linkplain
 * MatrixFault#afterApplying() after applying} marks its create as applied too; on a delete it makes
 * every later delete of the image a 404, as the image is gone.
 *
 * <p><b>Refused connections</b> need a server that is not there for some attempts and there for
 * the next. The client is given a {@link ProxySelector} that, while attempts are to be refused,
 * names an HTTP proxy on a closed local port (so the connect is refused and nothing is sent) and
 * otherwise says {@link Proxy#NO_PROXY}. Attempts are counted by the {@link TokenSource}, which the
 * wire layer asks exactly once per attempt, so a client's own reconnect within one attempt does not
 * move the count. Any other reader (the builder's re-authentication layer, which reads the token
 * after a 401) is not an attempt: it gets the token its thread's last attempt carried, and {@code
 * invalidate} offers no other, so a 401 is final as with {@link TokenSource#fixed}. The matrix tests
 * the resilience decorator, under which a 401 is never retried, not re-authentication.
 *
 * <p><b>Virtual send times.</b> The token source also stamps each attempt: the token is {@code
 * matrix-attempt-N}, and attempt N's virtual time is the clock's reading when the token was drawn.
 * WireMock's journal then maps each request to the virtual time of its attempt through its {@code
 * Authorization} header.
 *
 * <p><b>Server and spec check.</b> One WireMock server per test class, on a dynamic port, with
 * cleartext HTTP/2 off; reset before each row. After each row every request WireMock received is
 * validated against the vendor spec ({@link SpecCheckedTraffic}). Answers are not: the matrix
 * answers statuses the spec does not list for every operation, and faults, on purpose.
 */
public abstract class WireFaultMatrixContract extends FaultMatrixContract {

  private static final MatrixWireService SERVICE = new MatrixWireService();

  /** The one WireMock server of the test class. */
  @RegisterExtension
  protected static final WireMockExtension WIRE_MOCK = WireMockExtension.newInstance()
      .options(options().dynamicPort().http2PlainDisabled(true).extensions(SERVICE))
      .build();

  private static final String JSON = "application/json";
  private static final String TOKEN_PREFIX = "matrix-attempt-";
  /** Chunks of a dribbled answer: a few bytes each, spread over the fault's delay. */
  private static final int DRIBBLE_CHUNKS = 20;
  private static final SocketAddress CLOSED_PORT = closedPort();

  private static @Nullable SpecCheckedTraffic traffic;

  private final Attempts attempts = new Attempts();

  /**
   * The hook: builds the transport's client with its builder's default resilience decorator and
   * exactly these settings. The suite closes it after the row if it is {@link AutoCloseable}.
   *
   * @param baseUri WireMock's base URL
   * @param tokens the token source; must be asked once per attempt, as the wire layer does
   * @param proxy the proxy selector that refuses scripted attempts; must be consulted per request
   * @param policy the resilience policy; its {@code attemptTimeout} is the request timeout
   * @param sleeper the decorator's sleeper
   * @param clock the decorator's and the wire's clock
   * @return the client
   */
  protected abstract ImagesPort newClient(String baseUri, TokenSource tokens, ProxySelector proxy,
      ResiliencePolicy policy, Sleeper sleeper, Clock clock);

  @BeforeAll
  static void loadSpec() {
    traffic = new SpecCheckedTraffic(SpecValidator.load());
  }

  @Override
  protected final ImagesPort newPort(ResiliencePolicy policy, Sleeper sleeper, Clock clock) {
    return newClient(WIRE_MOCK.baseUrl(), attempts, attempts.proxy, policy, sleeper, clock);
  }

  @Override
  protected void begin(MutableClock clock, Image image) {
    WIRE_MOCK.resetAll();
    attempts.reset(clock);
    SERVICE.reset(clock, image);
    for (ImagesOperation operation : ImagesOperation.values()) {
      WIRE_MOCK.stubFor(request(operation)
          .willReturn(aResponse().withTransformers(MatrixWireService.NAME)
              .withTransformerParameter("operation", operation.name())));
    }
  }

  @Override
  protected void end() {
    if (traffic == null) {
      throw new IllegalStateException("the spec was not loaded");
    }
    traffic.assertConforms(WIRE_MOCK.getAllServeEvents(), false);
  }

  @Override
  protected void script(ImagesOperation operation, int attemptCount, MatrixFault fault) {
    if (fault.kind() == MatrixFault.Kind.CONNECTION_REFUSED) {
      attempts.refuseNext(attemptCount);
      return;
    }
    SERVICE.script(operation, attemptCount * sendsPerAttempt(operation, fault), answer(operation, fault),
        fault.applied(), fault.kind() == MatrixFault.Kind.SLOW_ANSWER);
  }

  @Override
  protected void auditLogLags(int lookups) {
    SERVICE.lag(lookups);
  }

  /** One image per applied create: the image of the row, whose id the 201 answer carries. */
  @Override
  protected List<String> imagesCreated() {
    return Collections.nCopies(SERVICE.appliedCreates(), IMAGE.imageId());
  }

  @Override
  protected boolean awaitAnswerHeldBack(Duration timeout) throws InterruptedException {
    return SERVICE.awaitHeld(timeout);
  }


  @Override
  protected List<Received> received(ImagesOperation operation) {
    return WIRE_MOCK.findAll(requested(operation)).stream()
        .sorted(Comparator.comparingInt(WireFaultMatrixContract::attemptOf))
        .map(r -> new Received(r.getHeader("x-request-id"), r.getHeader("x-trace-id"), attempts.at(attemptOf(r))))
        .toList();
  }

  private static ResponseDefinition answer(ImagesOperation operation, MatrixFault fault) {
    switch (fault.kind()) {
      case STATUS:
        ResponseDefinitionBuilder error = aResponse().withStatus(fault.status())
            .withHeader("Content-Type", JSON)
            .withBody(ServerWire.error(fault.status(), fault.message()));
        return (fault.retryAfter() == null ? error : error.withHeader("Retry-After", fault.retryAfter())).build();
      case CONNECTION_RESET:
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case EMPTY_RESPONSE:
        return aResponse().withFault(Fault.EMPTY_RESPONSE).build();
      case MALFORMED_RESPONSE_CHUNK:
        return aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK).build();
      case RANDOM_DATA_THEN_CLOSE:
        return aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE).build();
      case SLOW_ANSWER:
        return ResponseDefinitionBuilder.like(SERVICE.normalAnswer(operation))
            .withFixedDelay((int) fault.delay().toMillis())
            .build();
      case DRIBBLED_ANSWER:
        return ResponseDefinitionBuilder.like(SERVICE.normalAnswer(operation))
            .withChunkedDribbleDelay(DRIBBLE_CHUNKS, (int) fault.delay().toMillis())
            .build();
      default:
        throw new IllegalArgumentException("not a WireMock answer: " + fault);
    }
  }

  private static MappingBuilder request(ImagesOperation operation) {
    String image = ImagesWire.imagePath(IMAGE.imageId());
    switch (operation) {
      case CREATE_CUSTOM_IMAGE:
        return post(urlEqualTo(ImagesWire.IMAGES_PATH));
      case RETRIEVE_IMAGE_LIST:
        return get(urlPathEqualTo(ImagesWire.IMAGES_PATH));
      case RETRIEVE_IMAGE:
        return get(urlEqualTo(image));
      case UPDATE_IMAGE:
        return patch(urlEqualTo(image));
      case DELETE_IMAGE:
        return delete(urlEqualTo(image));
      case RETRIEVE_CUSTOM_IMAGES_STATS:
        return get(urlEqualTo(ImagesWire.STATS_PATH));
      case RETRIEVE_IMAGE_AUDITS_LIST:
        return get(urlPathEqualTo(ImagesWire.AUDITS_PATH));
      default:
        throw new IllegalArgumentException("unknown operation " + operation);
    }
  }

  private static RequestPatternBuilder requested(ImagesOperation operation) {
    return RequestPatternBuilder.like(request(operation).build().getRequest());
  }

  /** The attempt number a request's bearer token carries. */
  private static int attemptOf(LoggedRequest request) {
    String authorization = request.getHeader("Authorization");
    String prefix = "Bearer " + TOKEN_PREFIX;
    if (authorization == null || !authorization.startsWith(prefix)) {
      throw new AssertionError("a request without an attempt token: " + authorization);
    }
    return Integer.parseInt(authorization.substring(prefix.length()));
  }

  private static SocketAddress closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts and stamps attempts through their tokens, and refuses the scripted ones. */
  private static final class Attempts implements TokenSource {
    /**
     * Tells the wire layer's draws (one per attempt: the bounded read, or the plain one when the wire
     * calls it directly) from other reads of the token.
     */
    private static final StackWalker CALLERS = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final AtomicInteger drawn = new AtomicInteger();
    private final AtomicInteger refuseThrough = new AtomicInteger();
    private final Map<Integer, Instant> sentAt = new ConcurrentHashMap<>();
    private final ThreadLocal<String> lastDrawn = new ThreadLocal<>();
    private volatile String latest = TOKEN_PREFIX + 0;
    private volatile Clock clock = Clock.systemUTC();

    final ProxySelector proxy = new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return drawn.get() <= refuseThrough.get()
            ? List.of(new Proxy(Proxy.Type.HTTP, CLOSED_PORT))
            : List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // Expected for the scripted refusals; the attempt fails and the decorator decides.
      }
    };

    void reset(Clock rowClock) {
      clock = rowClock;
      drawn.set(0);
      refuseThrough.set(0);
      sentAt.clear();
    }

    void refuseNext(int count) {
      refuseThrough.set(drawn.get() + count);
    }

    Instant at(int attempt) {
      Instant at = sentAt.get(attempt);
      if (at == null) {
        throw new AssertionError("no attempt " + attempt + " was drawn");
      }
      return at;
    }

    @Override
    public String accessToken() {
      if (CALLERS.getCallerClass() != ImagesWire.class) {
        String mine = lastDrawn.get();
        return mine == null ? latest : mine;
      }
      return draw();
    }

    /** The wire's read for an attempt bounded by the decorator: one draw per attempt. */
    @Override
    public String accessToken(java.time.Duration timeLeft) {
      return draw();
    }

    private String draw() {
      int attempt = drawn.incrementAndGet();
      sentAt.put(attempt, clock.instant());
      String token = TOKEN_PREFIX + attempt;
      lastDrawn.set(token);
      latest = token;
      return token;
    }

    @Override
    public String toString() {
      return "Attempts{drawn=" + drawn.get() + "}";
    }
  }
}
