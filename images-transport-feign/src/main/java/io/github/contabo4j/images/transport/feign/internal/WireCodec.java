package io.github.contabo4j.images.transport.feign.internal;

import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.contabo4j.images.internal.wire.ImagesWire;
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
 */
final class WireCodec implements Encoder, Decoder, ErrorDecoder {
  private static final ThreadLocal<WireRequest> CURRENT = new ThreadLocal<>();

  private final ImagesWire wire;

  WireCodec(ImagesWire wire) {
    this.wire = wire;
  }

  static void begin(WireRequest request) {
    CURRENT.set(request);
  }

  static void end() {
    CURRENT.remove();
  }

  private static WireRequest current() {
    WireRequest request = CURRENT.get();
    if (request == null) {
      throw new IllegalStateException("ImagesFeignApi must be called through FeignImagesPort");
    }
    return request;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    // Bodies arrive already encoded by ImagesWire; anything else is encoded by the same mapper.
    byte[] body = object instanceof byte[] ? (byte[]) object : ImagesWire.json(object);
    template.body(body, null);
  }

  @Override
  public @Nullable Object decode(Response response, Type type) throws IOException {
    return ImagesWire.decodeBody(current().operation(), bytes(response));
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    byte[] body;
    try {
      body = bytes(response);
    } catch (IOException e) {
      body = new byte[0];
    }
    return wire.errorFor(current(), response.status(), firstHeader(response, "Retry-After"), body);
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
