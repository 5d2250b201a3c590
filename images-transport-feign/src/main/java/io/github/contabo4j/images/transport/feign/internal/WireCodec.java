package io.github.contabo4j.images.transport.feign.internal;

import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.contabo4j.images.internal.wire.BodyBuffer;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.ResponseLimit;
import io.github.contabo4j.images.internal.wire.WireLog;
import io.github.contabo4j.images.internal.wire.WireRequest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Core's one wire format as Feign's {@link Encoder}, {@link Decoder} and {@link ErrorDecoder}. The
 * attempt being executed ({@link WireRequest}) travels in a thread-local set by {@link
 * FeignImagesPort} around each synchronous Feign call, so the decoders know the operation and every
 * request id the call has sent.
 *
 * <p>It also writes the answer line of core's {@link WireLog}, once the whole body is read (as the JDK
 * transport sees an answer only with its body), so a body cut short is logged as a failure by {@link
 * FeignImagesPort}, not as an answer.
 *
 * <p>Bodies are read within core's {@link ResponseLimit}: never more than the limit (a 2xx) or the
 * error-body cap, whatever {@code Content-Length} declares. A body not read to its end (too large, cut,
 * or failed) has its connection closed, never drained by Feign's close nor returned to the pool.
 */
final class WireCodec implements Encoder, Decoder, ErrorDecoder {
  private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

  /** The attempt on this thread: its request, its {@link WireLog} start time, whether it was answered. */
  private static final class Attempt {
    final WireRequest request;
    final long start;
    boolean answered;

    Attempt(WireRequest request, long start) {
      this.request = request;
      this.start = start;
    }
  }

  private final ImagesWire wire;
  private final ResponseLimit limit;
  private final AttemptWatchdog watchdog;

  WireCodec(ImagesWire wire, ResponseLimit limit, AttemptWatchdog watchdog) {
    this.wire = wire;
    this.limit = limit;
    this.watchdog = watchdog;
  }

  /**
   * Starts an attempt on this thread and logs its request line.
   *
   * @param request the attempt
   */
  static void begin(WireRequest request) {
    CURRENT.set(new Attempt(request, WireLog.request(request)));
  }

  /**
   * Logs that the current attempt got no answer, unless its answer was already logged.
   *
   * @param failure why
   */
  static void failed(Throwable failure) {
    Attempt attempt = CURRENT.get();
    if (attempt != null && !attempt.answered) {
      WireLog.failure(attempt.request, failure, attempt.start);
    }
  }

  static void end() {
    CURRENT.remove();
  }

  private static Attempt current() {
    Attempt attempt = CURRENT.get();
    if (attempt == null) {
      throw new IllegalStateException("ImagesFeignApi must be called through FeignImagesPort");
    }
    return attempt;
  }

  private static WireRequest answered(Response response) {
    Attempt attempt = current();
    attempt.answered = true;
    WireLog.response(attempt.request, response.status(), firstHeader(response, "Retry-After"), attempt.start);
    return attempt.request;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    // Bodies arrive already encoded by ImagesWire; anything else is encoded by the same mapper.
    byte[] body = object instanceof byte[] ? (byte[]) object : ImagesWire.json(object);
    template.body(body, null);
  }

  @Override
  public @Nullable Object decode(Response response, Type type) throws IOException {
    current();
    byte[] body = bytes(response);
    return ImagesWire.decodeBody(answered(response), body);
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    byte[] body;
    try {
      body = bytes(response);
    } catch (IOException e) {
      body = new byte[0];
    }
    return wire.errorFor(answered(response), response.status(), firstHeader(response, "Retry-After"), body);
  }

  private byte[] bytes(Response response) throws IOException {
    Response.Body body = response.body();
    if (body == null) {
      return new byte[0];
    }
    InputStream in = body.asInputStream();
    boolean complete = false;
    try {
      BodyBuffer buffer = limit.open(response.status(), declaredLength(response, body));
      complete = buffer.readFrom(in);
      return buffer.bytes();
    } finally {
      if (complete) {
        in.close();
      } else {
        discardConnection(in);
      }
    }
  }

  /** The {@code Content-Length} as declared (Feign's own length stops at {@code Integer.MAX_VALUE}). */
  private static long declaredLength(Response response, Response.Body body) {
    String header = firstHeader(response, "Content-Length");
    if (header != null) {
      try {
        return Long.parseLong(header.trim());
      } catch (NumberFormatException e) {
        // Apache rejects such an answer before this; fall back to Feign's view
      }
    }
    Integer length = body.length();
    return length == null ? -1 : length;
  }

  /**
   * Closes the connection of a body left unread: Apache would drain it on close (all of a 2 GB
   * answer) and pool the connection. Aborting the stream discards the connection; a stream of a
   * caller-supplied client that decompresses is not Apache's own, so its request is cancelled instead.
   */
  private void discardConnection(InputStream in) {
    if (in instanceof EofSensorInputStream) {
      try {
        ((EofSensorInputStream) in).abort();
        return;
      } catch (IOException e) {
        // the connection may be half closed already: cancel the request, which closes it for good
      }
    }
    AttemptWatchdog.Watch watch = watchdog.current();
    if (watch != null) {
      watch.discardConnection();
    }
  }

  private static @Nullable String firstHeader(Response response, String name) {
    // Feign's Response keeps its headers in a case-insensitive map (Util.caseInsensitiveCopyOf).
    Collection<String> values = response.headers().get(name);
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }
}
