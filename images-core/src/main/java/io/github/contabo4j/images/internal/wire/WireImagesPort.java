package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Page;
import java.io.IOException;
import java.util.Objects;

/**
 * {@link ImagesPort} over any byte-moving {@link Exchange}: every operation encoded, sent, logged
 * ({@link WireLog}) and decoded the same way whatever the HTTP client. A transport supplies only the
 * {@link Exchange}.
 */
public final class WireImagesPort implements ImagesPort {

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
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    return call(wire.createCustomImage(request, context));
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    return call(wire.retrieveImageList(query, context));
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    return call(wire.retrieveImage(imageId, context));
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    return call(wire.updateImage(imageId, update, context));
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    call(wire.deleteImage(imageId, context));
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    return call(wire.retrieveCustomImagesStats(context));
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    return call(wire.retrieveImageAuditsList(query, context));
  }

  private <T> T call(WireRequest request) {
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
