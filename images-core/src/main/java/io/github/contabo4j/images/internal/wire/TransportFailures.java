package io.github.contabo4j.images.internal.wire;

import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Classifies what a transport's client threw into the facts a retry policy needs: what failed and
 * whether the request may have reached the service. It knows the JDK's exception types; where the
 * JDK's {@code HttpClient} reports a failure only as a plain {@code IOException}, its message is the
 * one thing that tells the cases apart. A transport over another HTTP library classifies that
 * library's types itself and builds the exception with {@link #of}. {@code NOT_SENT} is claimed only
 * where it is proven: a failure to connect.
 */
public final class TransportFailures {
  private TransportFailures() {}

  /**
   * Builds the exception for a failed attempt.
   *
   * @param request the attempt
   * @param thrown what the client threw
   * @return the exception to throw; for an interrupt, the caller must restore the interrupt flag
   */
  public static ImagesTransportException toException(WireRequest request, Throwable thrown) {
    Failure failure;
    Delivery delivery;
    Throwable root = rootOf(thrown);
    if (thrown instanceof InterruptedException || root instanceof InterruptedException) {
      failure = Failure.INTERRUPTED;
      delivery = Delivery.MAYBE_PROCESSED;
    } else if (isConnectFailure(thrown) || isConnectFailure(root)) {
      failure = hasInChain(thrown, HttpConnectTimeoutException.class) ? Failure.TIMEOUT : Failure.CONNECT_FAILED;
      delivery = Delivery.NOT_SENT;
    } else if (hasInChain(thrown, HttpTimeoutException.class)
        || hasInChain(thrown, SocketTimeoutException.class)
        || root instanceof InterruptedIOException) {
      failure = Failure.TIMEOUT;
      delivery = Delivery.MAYBE_PROCESSED;
    } else if (isGarbledAnswer(thrown)) {
      failure = Failure.MALFORMED_RESPONSE;
      delivery = Delivery.MAYBE_PROCESSED;
    } else if (hasInChain(thrown, EOFException.class)
        || messageContains(thrown, "reset") || messageContains(thrown, "closed")
        || messageContains(thrown, "header parser received no bytes")) {
      failure = Failure.CONNECTION_CLOSED;
      delivery = Delivery.MAYBE_PROCESSED;
    } else {
      failure = Failure.IO_ERROR;
      delivery = Delivery.MAYBE_PROCESSED;
    }
    return of(request, failure, delivery, thrown);
  }

  /**
   * Builds the exception for a failed attempt a transport has classified itself.
   *
   * @param request the attempt
   * @param failure what failed
   * @param delivery whether the request may have reached the service; {@code NOT_SENT} only if proven
   * @param thrown what the client threw, the cause
   * @return the exception to throw
   */
  public static ImagesTransportException of(WireRequest request, Failure failure, Delivery delivery, Throwable thrown) {
    String detail = thrown.getClass().getSimpleName()
        + (thrown.getMessage() == null
            ? ""
            : ": " + ErrorBodies.clean(ErrorBodies.redact(thrown.getMessage(), request.bearerToken()), 200));
    return new ImagesTransportException(
        request.operation(), failure, delivery, detail, thrown, request.requestIds(), request.traceId());
  }

  /**
   * The exception for a 2xx answer whose body could not be used.
   *
   * @param request the attempt
   * @param failure {@link Failure#EMPTY_RESPONSE} or {@link Failure#MALFORMED_RESPONSE}
   * @param detail what was wrong
   * @param cause the parse failure, if any
   * @return the exception to throw
   */
  public static ImagesTransportException badBody(
      WireRequest request, Failure failure, String detail, @org.jspecify.annotations.Nullable Throwable cause) {
    return new ImagesTransportException(
        request.operation(), failure, Delivery.MAYBE_PROCESSED, detail, cause, request.requestIds(), request.traceId());
  }

  private static boolean isConnectFailure(Throwable t) {
    return t instanceof ConnectException
        || t instanceof HttpConnectTimeoutException // a connect timeout; the JDK may throw it without a cause
        || t instanceof UnknownHostException
        || t instanceof NoRouteToHostException
        || t instanceof UnresolvedAddressException
        || t instanceof SSLHandshakeException;
  }

  /**
   * Bytes came back but were not HTTP: a bad status line, a bad header, or a broken chunk. The JDK
   * reports these as {@link java.net.ProtocolException} or as plain IOExceptions naming the part
   * ("parsing HTTP/1.1 status line", "Illegal character in chunk size").
   */
  private static boolean isGarbledAnswer(Throwable t) {
    return hasInChain(t, java.net.ProtocolException.class)
        || messageContains(t, "status line")
        || messageContains(t, "chunk");
  }

  private static boolean hasInChain(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean messageContains(Throwable t, String word) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = c.getMessage();
      if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootOf(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }
}
