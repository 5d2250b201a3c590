package io.github.contabo4j.images.transport.feign.internal;

import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.Retryer;
import feign.codec.DecodeException;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesCall;
import io.github.contabo4j.images.ImagesCallHandler;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.internal.wire.Fatal;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.MalformedBodyException;
import io.github.contabo4j.images.internal.wire.ResponseLimit;
import io.github.contabo4j.images.internal.wire.ResponseTooLargeException;
import io.github.contabo4j.images.internal.wire.TransportFailures;
import io.github.contabo4j.images.internal.wire.WireRequest;
import org.jspecify.annotations.Nullable;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@link io.github.contabo4j.images.ImagesPort} through the Feign interface: core encodes each attempt, Feign sends it with
 * {@link Retryer#NEVER_RETRY} (Feign's default retryer re-sends POSTs), core decodes the answer.
 *
 * <p>Each attempt, body included, is bounded by {@link WireRequest#attemptTimeout} and watched by the
 * {@link AttemptWatchdog}, which cancels its request at that timeout or when the calling thread is
 * interrupted; such an attempt fails as {@code TIMEOUT} or {@code INTERRUPTED} (interrupt flag set),
 * {@code MAYBE_PROCESSED} either way, as on the JDK transport.
 */
public final class FeignImagesPort extends ImagesCallHandler {
  private final boolean tracksSending;
  private final ImagesWire wire;
  private final ImagesFeignApi api;
  private final Duration requestTimeout;
  private final AttemptWatchdog watchdog;

  /**
   * Builds the Feign client.
   *
   * @param wire core's wire for this client
   * @param client the Feign client ({@link Hc5FeignClient}, sharing {@code watchdog})
   * @param baseUri the base URI
   * @param connectTimeout the connect timeout
   * @param requestTimeout the per-attempt timeout, body included
   * @param watchdog cuts attempts at their timeout or on an interrupt
   * @param limit how much of an answer is read
   * @param tracksSending whether the client was built by {@link Hc5Clients#create}, whose request
   *     executor marks when an attempt starts writing ({@link SendProgress})
   */
  public FeignImagesPort(ImagesWire wire, Client client, String baseUri, Duration connectTimeout,
      Duration requestTimeout, AttemptWatchdog watchdog, ResponseLimit limit, boolean tracksSending) {
    this.wire = wire;
    this.tracksSending = tracksSending;
    this.requestTimeout = requestTimeout;
    this.watchdog = watchdog;
    WireCodec codec = new WireCodec(wire, limit, watchdog);
    this.api = Feign.builder()
        .client(client)
        .encoder(codec)
        .decoder(codec)
        .decodeVoid() // a void method's answer goes through the codec too, so it is read and logged
        .errorDecoder(codec)
        .retryer(Retryer.NEVER_RETRY)
        .options(new Request.Options(connectTimeout, requestTimeout, false))
        .target(ImagesFeignApi.class, baseUri);
  }

  @Override
  protected <R> R handle(ImagesCall<R> call) {
    WireRequest request = wire.encode(call);
    @SuppressWarnings("unchecked") // each Feign method returns its operation's result type
    Supplier<R> send = () -> (R) call.accept(new FeignCalls(request));
    return call(request, send);
  }

  /** Each operation onto its method of the declarative {@link ImagesFeignApi}, with the encoded attempt's headers and body. */
  private final class FeignCalls implements ImagesCall.Visitor<Object> {
    private final WireRequest r;

    FeignCalls(WireRequest request) {
      this.r = request;
    }

    @Override
    public Object createCustomImage(CreateCustomImage request, CallContext context) {
      return api.createCustomImage(r.headers(), r.body());
    }

    @Override
    public Object retrieveImageList(ImageListQuery query, CallContext context) {
      return api.retrieveImageList(r.headers(), ImagesWire.listQueryParams(query));
    }

    @Override
    public Object retrieveImage(String imageId, CallContext context) {
      return api.retrieveImage(r.headers(), imageId);
    }

    @Override
    public Object updateImage(String imageId, ImageUpdate update, CallContext context) {
      return api.updateImage(r.headers(), imageId, r.body());
    }

    @Override
    public @Nullable Object deleteImage(String imageId, CallContext context) {
      api.deleteImage(r.headers(), imageId);
      return null;
    }

    @Override
    public Object retrieveCustomImagesStats(CallContext context) {
      return api.retrieveCustomImagesStats(r.headers());
    }

    @Override
    public Object retrieveImageAuditsList(AuditQuery query, CallContext context) {
      return api.retrieveImageAuditsList(r.headers(), ImagesWire.auditQueryParams(query));
    }
  }

  private <T> T call(WireRequest request, Supplier<T> invocation) {
    WireCodec.begin(request);
    SendProgress.reset();
    AttemptWatchdog.Watch watch = watchdog.watch(request.attemptTimeout(requestTimeout));
    try {
      return invocation.get();
    } catch (RuntimeException e) {
      AttemptWatchdog.Cut cut = watch.cut();
      if (cut == null) {
        RuntimeException translated = translate(request, e, tracksSending && !SendProgress.started());
        if (translated instanceof ImagesTransportException) {
          WireCodec.failed(translated.getCause() == null ? translated : translated.getCause());
        }
        throw translated;
      }
      // The watchdog cancelled the request; whatever Apache or Feign threw then is a consequence.
      ImagesTransportException failure;
      if (cut == AttemptWatchdog.Cut.INTERRUPT) {
        Thread.currentThread().interrupt();
        failure = TransportFailures.toException(request, new InterruptedException("interrupted during " + request));
      } else if (!SendProgress.started() && tracksSending) {
        // Cut while waiting for a pooled connection or connecting: not a byte of the request was written.
        failure = TransportFailures.of(request, ImagesTransportException.Failure.TIMEOUT,
            io.github.contabo4j.images.Delivery.NOT_SENT,
            new SocketTimeoutException("no connection within " + watch.timeout() + "; nothing was sent"));
      } else {
        failure = TransportFailures.toException(request,
            new SocketTimeoutException("no complete answer within " + watch.timeout()));
      }
      WireCodec.failed(failure.getCause() == null ? failure : failure.getCause());
      failure.addSuppressed(e);
      throw failure;
    } finally {
      watch.close();
      WireCodec.end();
    }
  }

  /** Maps what a Feign call threw to core's exceptions; anything else is returned as it is. */
  private static RuntimeException translate(WireRequest request, RuntimeException thrown, boolean provenUnsent) {
    if (thrown instanceof ImagesException) {
      return thrown; // already mapped by the ErrorDecoder
    }
    Fatal.rethrowVirtualMachineError(thrown);
    ResponseTooLargeException tooLarge = ResponseTooLargeException.in(thrown);
    if (tooLarge != null) {
      return tooLarge.toFailure(request);
    }
    if (thrown instanceof DecodeException) {
      Throwable cause = thrown.getCause();
      if (cause instanceof MalformedBodyException) {
        MalformedBodyException bad = (MalformedBodyException) cause;
        return TransportFailures.badBody(request, bad.failure(), bad.getMessage(), bad.getCause());
      }
      return ApacheFailures.toException(request, cause == null ? thrown : cause, provenUnsent);
    }
    if (thrown instanceof FeignException) {
      // RetryableException (send failed) and read failures carry the IOException as cause.
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return TransportFailures.toException(request, new InterruptedException("interrupted during " + request));
      }
      return ApacheFailures.toException(request, thrown.getCause() == null ? thrown : thrown.getCause(), provenUnsent);
    }
    return thrown;
  }
}
