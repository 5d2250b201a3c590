package io.github.contabo4j.images.transport.feign.internal;

import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.Retryer;
import feign.codec.DecodeException;
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
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.MalformedBodyException;
import io.github.contabo4j.images.internal.wire.TransportFailures;
import io.github.contabo4j.images.internal.wire.WireRequest;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@link ImagesPort} through the Feign interface: core encodes each attempt, Feign sends it with
 * {@link Retryer#NEVER_RETRY} (Feign's default retryer re-sends POSTs), core decodes the answer.
 */
public final class FeignImagesPort implements ImagesPort {
  private final ImagesWire wire;
  private final ImagesFeignApi api;

  /**
   * Builds the Feign client.
   *
   * @param wire core's wire for this client
   * @param client the Feign client (ApacheHttp5Client)
   * @param baseUri the base URI
   * @param connectTimeout the connect timeout
   * @param requestTimeout the per-attempt read timeout
   */
  public FeignImagesPort(
      ImagesWire wire, Client client, String baseUri, Duration connectTimeout, Duration requestTimeout) {
    this.wire = wire;
    WireCodec codec = new WireCodec(wire);
    this.api = Feign.builder()
        .client(client)
        .encoder(codec)
        .decoder(codec)
        .errorDecoder(codec)
        .retryer(Retryer.NEVER_RETRY)
        .options(new Request.Options(connectTimeout, requestTimeout, false))
        .target(ImagesFeignApi.class, baseUri);
  }

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    WireRequest r = wire.createCustomImage(request, context);
    return call(r, () -> api.createCustomImage(r.headers(), r.body()));
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    WireRequest r = wire.retrieveImageList(query, context);
    return call(r, () -> api.retrieveImageList(r.headers(), ImagesWire.listQueryParams(query)));
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    WireRequest r = wire.retrieveImage(imageId, context);
    return call(r, () -> api.retrieveImage(r.headers(), imageId));
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    WireRequest r = wire.updateImage(imageId, update, context);
    return call(r, () -> api.updateImage(r.headers(), imageId, r.body()));
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    WireRequest r = wire.deleteImage(imageId, context);
    call(r, () -> {
      api.deleteImage(r.headers(), imageId);
      return null;
    });
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    WireRequest r = wire.retrieveCustomImagesStats(context);
    return call(r, () -> api.retrieveCustomImagesStats(r.headers()));
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    WireRequest r = wire.retrieveImageAuditsList(query, context);
    return call(r, () -> api.retrieveImageAuditsList(r.headers(), ImagesWire.auditQueryParams(query)));
  }

  private static <T> T call(WireRequest request, Supplier<T> invocation) {
    WireCodec.begin(request);
    try {
      return invocation.get();
    } catch (ImagesException e) {
      throw e; // already mapped by the ErrorDecoder
    } catch (DecodeException e) {
      if (e.getCause() instanceof MalformedBodyException) {
        MalformedBodyException bad = (MalformedBodyException) e.getCause();
        throw TransportFailures.badBody(request, bad.failure(), bad.getMessage(), bad.getCause());
      }
      throw TransportFailures.toException(request, e.getCause() == null ? e : e.getCause());
    } catch (FeignException e) {
      // RetryableException (send failed) and read failures carry the IOException as cause.
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw TransportFailures.toException(request, new InterruptedException("interrupted during " + request));
      }
      throw TransportFailures.toException(request, e.getCause() == null ? e : e.getCause());
    } finally {
      WireCodec.end();
    }
  }
}
