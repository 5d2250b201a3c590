package io.github.contabo4j.images.internal.wire;

import static io.github.contabo4j.images.internal.wire.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a client threw, classified into the facts a retry policy needs. */
class TransportFailuresTest {
  private final WireRequest request =
      Fixtures.wire("t-1").retrieveImage("img-1", CallContext.create().withRequestId(Fixtures.REQUEST_ID));

  static Stream<Arguments> classifications() {
    HttpConnectTimeoutException jdkConnectTimeout = new HttpConnectTimeoutException("HTTP connect timed out");
    jdkConnectTimeout.initCause(new ConnectException("HTTP connect timed out")); // as the JDK client builds it
    HttpTimeoutException requestTimeout = new HttpTimeoutException("request timed out");
    return Stream.of(
        Arguments.of(new ConnectException("Connection refused"), Failure.CONNECT_FAILED, Delivery.NOT_SENT),
        Arguments.of(new UnknownHostException("nowhere.invalid"), Failure.CONNECT_FAILED, Delivery.NOT_SENT),
        Arguments.of(new NoRouteToHostException("no route"), Failure.CONNECT_FAILED, Delivery.NOT_SENT),
        Arguments.of(new SSLHandshakeException("bad cert"), Failure.CONNECT_FAILED, Delivery.NOT_SENT),
        Arguments.of(new IOException("wrapped", new ConnectException("refused")), Failure.CONNECT_FAILED, Delivery.NOT_SENT),
        Arguments.of(new HttpConnectTimeoutException("HTTP connect timed out"), Failure.TIMEOUT, Delivery.NOT_SENT),
        Arguments.of(jdkConnectTimeout, Failure.TIMEOUT, Delivery.NOT_SENT),
        Arguments.of(requestTimeout, Failure.TIMEOUT, Delivery.MAYBE_PROCESSED),
        Arguments.of(new SocketTimeoutException("Read timed out"), Failure.TIMEOUT, Delivery.MAYBE_PROCESSED),
        Arguments.of(new IOException("Connection reset"), Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new IOException("connection closed by peer"), Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new EOFException("EOF reached while reading"), Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new IOException("outer", new EOFException()), Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new IOException("HTTP/1.1 header parser received no bytes"), Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new InterruptedException(), Failure.INTERRUPTED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new UncheckedIOException(new IOException("x", new InterruptedException())), Failure.INTERRUPTED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new IOException("something odd"), Failure.IO_ERROR, Delivery.MAYBE_PROCESSED),
        Arguments.of(new IOException(), Failure.IO_ERROR, Delivery.MAYBE_PROCESSED));
  }

  @ParameterizedTest
  @MethodSource("classifications")
  void classifies(Throwable thrown, Failure failure, Delivery delivery) {
    ImagesTransportException e = TransportFailures.toException(request, thrown);

    assertThat(e.failure()).isEqualTo(failure);
    assertThat(e.delivery()).isEqualTo(delivery);
    assertThat(e.getCause()).isSameAs(thrown);
    assertThat(e.operation()).isEqualTo(request.operation());
    assertThat(e.requestIds()).containsExactly(Fixtures.REQUEST_ID);
    assertThat(e.traceId()).contains("t-1");
    assertThat(e.getMessage())
        .startsWith("retrieveImage failed, " + failure + " (" + delivery + "): " + thrown.getClass().getSimpleName())
        .endsWith("[x-request-id=" + Fixtures.REQUEST_ID + "; x-trace-id=t-1]");
  }

  @Test
  void detailIsShortSingleLineAndNeverShowsTheToken() {
    IOException thrown = new IOException("failed\r\nAuthorization: Bearer " + TOKEN + "\n" + "x".repeat(5000));

    ImagesTransportException e = TransportFailures.toException(request, thrown);

    assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(400);
  }

  @Test
  void badBodyIsMaybeProcessed() {
    ImagesTransportException e = TransportFailures.badBody(request, Failure.EMPTY_RESPONSE, "empty", null);

    assertThat(e.failure()).isEqualTo(Failure.EMPTY_RESPONSE);
    assertThat(e.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
    assertThat(e.getCause()).isNull();
  }
}
