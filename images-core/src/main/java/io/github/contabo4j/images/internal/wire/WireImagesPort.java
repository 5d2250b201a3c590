package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.ImagesCall;
import io.github.contabo4j.images.ImagesCallHandler;
import java.io.IOException;
import java.util.Objects;

/**
 * {@link io.github.contabo4j.images.ImagesPort} over any byte-moving {@link Exchange}: every operation encoded, sent, logged
 * ({@link WireLog}) and decoded the same way whatever the HTTP client. A transport supplies only the
 * {@link Exchange}.
 */
public final class WireImagesPort extends ImagesCallHandler {

  /** Moves one encoded request and its answer. Implementations are thread-safe. */
  @FunctionalInterface
  public interface Exchange {
    /**
     * Sends the request and reads the whole answer.
     *
     * @param request the attempt
     * @return the answer, whatever its status
     * @throws IOException when no complete answer came back
     * @throws InterruptedException when the calling thread was interrupted
     */
    WireResponse exchange(WireRequest request) throws IOException, InterruptedException;
  }

  private final ImagesWire wire;
  private final Exchange exchange;

  /**
   * Creates the port.
   *
   * @param wire the encoder and decoder
   * @param exchange the transport
   */
  public WireImagesPort(ImagesWire wire, Exchange exchange) {
    this.wire = Objects.requireNonNull(wire, "wire == null");
    this.exchange = Objects.requireNonNull(exchange, "exchange == null");
  }

  @Override
  protected <R> R handle(ImagesCall<R> call) {
    return send(wire.encode(call));
  }

  private <T> T send(WireRequest request) {
    long start = WireLog.request(request);
    WireResponse response;
    try {
      response = exchange.exchange(request);
    } catch (InterruptedException e) {
      WireLog.failure(request, e, start);
      Thread.currentThread().interrupt();
      throw TransportFailures.toException(request, e);
    } catch (IOException e) {
      Fatal.rethrowVirtualMachineError(e); // e.g. an OutOfMemoryError the HTTP client wrapped
      WireLog.failure(request, e, start);
      ResponseTooLargeException tooLarge = ResponseTooLargeException.in(e);
      throw tooLarge != null ? tooLarge.toFailure(request) : TransportFailures.toException(request, e);
    }
    WireLog.response(request, response.statusCode(), response.retryAfter(), start);
    return wire.decode(request, response);
  }
}
