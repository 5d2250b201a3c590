package io.github.contabo4j.images.transport.feign.internal;

import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.internal.wire.TransportFailures;
import io.github.contabo4j.images.internal.wire.WireRequest;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies Apache HttpClient 5's exceptions by type, so core needs no Apache import; anything else
 * goes to core's {@link TransportFailures}. {@code NOT_SENT} only where it is proven: waiting for a
 * pooled connection timed out, the connection could not be opened, or the attempt failed before its
 * request executor began writing ({@link SendProgress}). Everything else may have been processed.
 */
final class ApacheFailures {
  private ApacheFailures() {}

  /**
   * Builds the exception for a failed attempt.
   *
   * @param request the attempt
   * @param thrown what Apache (or Feign around it) threw
   * @param provenUnsent whether the attempt is proven to have written no request byte
   * @return the exception
   */
  static ImagesTransportException toException(WireRequest request, Throwable thrown, boolean provenUnsent) {
    ImagesTransportException e = classify(request, thrown);
    if (provenUnsent && e.delivery() == Delivery.MAYBE_PROCESSED && e.failure() != Failure.INTERRUPTED) {
      return TransportFailures.of(request, e.failure(), Delivery.NOT_SENT, thrown);
    }
    return e;
  }

  private static ImagesTransportException classify(WireRequest request, Throwable thrown) {
    if (find(thrown, ConnectionRequestTimeoutException.class) != null) {
      return TransportFailures.of(request, Failure.TIMEOUT, Delivery.NOT_SENT, thrown); // waited for the pool
    }
    if (find(thrown, ConnectTimeoutException.class) != null) {
      return TransportFailures.of(request, Failure.TIMEOUT, Delivery.NOT_SENT, thrown);
    }
    if (find(thrown, HttpHostConnectException.class) != null) {
      return TransportFailures.of(request, Failure.CONNECT_FAILED, Delivery.NOT_SENT, thrown);
    }
    if (find(thrown, NoHttpResponseException.class) != null || find(thrown, ConnectionClosedException.class) != null) {
      // no answer at all, or a body cut short of its Content-Length
      return TransportFailures.of(request, Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED, thrown);
    }
    if (find(thrown, MessageConstraintException.class) != null
        || find(thrown, MalformedChunkCodingException.class) != null
        || find(thrown, org.apache.hc.core5.http.ProtocolException.class) != null
        || find(thrown, HttpException.class) != null
        || find(thrown, ParseException.class) != null
        || find(thrown, org.apache.hc.client5.http.ClientProtocolException.class) != null) {
      // bytes came back that were not HTTP, broke a header or line limit, or a broken chunk
      return TransportFailures.of(request, Failure.MALFORMED_RESPONSE, Delivery.MAYBE_PROCESSED, thrown);
    }
    return TransportFailures.toException(request, thrown);
  }

  private static <T extends Throwable> @Nullable T find(Throwable thrown, Class<T> type) {
    for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
