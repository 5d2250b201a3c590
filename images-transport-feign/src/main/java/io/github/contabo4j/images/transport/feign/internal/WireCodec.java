package io.github.contabo4j.images.transport.feign.internal;

import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.WireLog;
import io.github.contabo4j.images.internal.wire.WireRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;
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

  WireCodec(ImagesWire wire) {
    this.wire = wire;
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
    return ImagesWire.decodeBody(answered(response).operation(), body);
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

  private static byte[] bytes(Response response) throws IOException {
    Response.Body body = response.body();
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = body.asInputStream()) {
      Integer length = body.length();
      if (length == null || length < 0) {
        return in.readAllBytes();
      }
      // Content-Length known: one array of exactly that size, no growing buffer and final copy
      // (Feign's Util.toByteArray grows a buffer and copies it: ~2.5x the body in garbage).
      byte[] bytes = new byte[length];
      int read = in.readNBytes(bytes, 0, length);
      if (read < length) {
        throw new EOFException("body ended after " + read + " of " + length + " bytes");
      }
      return bytes;
    }
  }

  private static @Nullable String firstHeader(Response response, String name) {
    for (var entry : response.headers().entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
        Collection<String> values = entry.getValue();
        return values.isEmpty() ? null : values.iterator().next();
      }
    }
    return null;
  }
}
