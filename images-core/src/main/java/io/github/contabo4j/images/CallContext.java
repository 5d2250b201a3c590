package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.AttemptTimeouts;
import io.github.contabo4j.images.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The per-call context: the {@code x-request-id}s a call sends and its optional {@code x-trace-id}.
 *
 * <p>Every HTTP attempt of a call carries a fresh UUID4 in {@code x-request-id} (Contabo support asks
 * for it). A caller may choose the first attempt's id with {@link #withRequestId}; retries get fresh
 * ones. After the call, successful or not, {@link #requestIds()} lists every id sent, in order, and
 * {@link #lastRequestId()} names the one that got the final answer: that is how a caller learns the
 * request id of a successful call without every return type being wrapped.
 *
 * <pre>{@code
 * CallContext ctx = CallContext.create().withTraceId("deploy-42");
 * Image image = images.retrieveImage(id, ctx);
 * log.info("got {} with request id {}", image.name(), ctx.lastRequestId().orElseThrow());
 * }</pre>
 *
 * <p>A context belongs to one call: create a new one for each call. It is thread-safe, so a
 * retrying decorator may use it from another thread. The client-wide trace id set on a transport's
 * builder applies when the context carries none.
 *
 * <p><b>Deadline.</b> Callers set deadlines on the resilience policy, not here. The resilience layer
 * tells the transport, through the context, how long each attempt may still take; that is internal.
 */
public final class CallContext {
  private final @Nullable String firstRequestId;
  private final @Nullable String traceId;
  private final List<String> requestIds = new ArrayList<>(2);
  private volatile @Nullable Duration attemptTimeout;

  private CallContext(@Nullable String firstRequestId, @Nullable String traceId) {
    this.firstRequestId = firstRequestId;
    this.traceId = traceId;
  }

  /** A new context with no trace id and generated request ids. */
  public static CallContext create() {
    return new CallContext(null, null);
  }

  /**
   * A new context whose calls carry this {@code x-trace-id}.
   *
   * @param traceId free-form, at most 1024 characters, no control characters
   * @return the new context
   * @throws InvalidRequestException if the trace id holds CR, LF, NUL or other control characters
   */
  public CallContext withTraceId(String traceId) {
    Checks.requireHeaderValue("x-trace-id", traceId);
    return new CallContext(firstRequestId, traceId);
  }

  /**
   * A new context whose first attempt carries this {@code x-request-id}; later attempts get fresh
   * ones.
   *
   * @param requestId a UUID in the form the service accepts (the spec's pattern)
   * @return the new context
   * @throws InvalidRequestException if the id does not match the spec's UUID pattern
   */
  public CallContext withRequestId(String requestId) {
    Checks.requireRequestId("x-request-id", requestId);
    return new CallContext(requestId, traceId);
  }

  /** The trace id given to this context, if any. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /**
   * Returns the request id for the next HTTP attempt of this call and records it: the caller-given
   * id for the first attempt, a fresh UUID4 afterwards. Adapters call this once per attempt.
   *
   * @return the id to send in {@code x-request-id}
   */
  public synchronized String newRequestId() {
    String id = requestIds.isEmpty() && firstRequestId != null ? firstRequestId : randomUuid4();
    requestIds.add(id);
    return id;
  }

  /** Every request id sent by this call so far, in order. */
  public synchronized List<String> requestIds() {
    return List.copyOf(requestIds);
  }

  /** The request id of the latest attempt, the one that got the final answer, if any was sent. */
  public synchronized Optional<String> lastRequestId() {
    return requestIds.isEmpty() ? Optional.empty() : Optional.of(requestIds.get(requestIds.size() - 1));
  }

  static {
    AttemptTimeouts.register(new AttemptTimeouts.Access() {
      @Override
      public void limit(CallContext context, Duration timeout) {
        context.attemptTimeout = timeout;
      }

      @Override
      public @Nullable Duration get(CallContext context) {
        return context.attemptTimeout;
      }
    });
  }

  @Override
  public synchronized String toString() {
    return "CallContext{traceId=" + traceId + ", requestIds=" + requestIds + "}";
  }

  /**
   * A version-4 UUID. Request ids need to be unique, not secret, so this draws from
   * {@link ThreadLocalRandom} rather than {@link UUID#randomUUID()}'s shared {@code SecureRandom},
   * which contends under many threads.
   */
  private static String randomUuid4() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
