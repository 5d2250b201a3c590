package io.github.contabo4j.images.transport.feign.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.WireRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.stream.Stream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Apache's exception types, classified by type in this module; NOT_SENT only where proven. */
class ApacheFailuresTest {
  private final WireRequest request = new ImagesWire(TokenSource.fixed("t0ken-abc"), "test/1", null, Clock.systemUTC())
      .createCustomImage(io.github.contabo4j.images.CreateCustomImage.of(
          "n", "https://example.com/i.qcow2", io.github.contabo4j.images.OsType.LINUX, "1"), CallContext.create());

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of(new ConnectionRequestTimeoutException("Timeout deadline: 300 MILLISECONDS"), false,
            Failure.TIMEOUT, Delivery.NOT_SENT), // waited for a pooled connection: nothing sent
        Arguments.of(new ConnectTimeoutException("Connect to h timed out"), false, Failure.TIMEOUT, Delivery.NOT_SENT),
        Arguments.of(new HttpHostConnectException("Connect to h failed"), false, Failure.CONNECT_FAILED, Delivery.NOT_SENT),
        Arguments.of(new ConnectException("Connection refused"), false, Failure.CONNECT_FAILED, Delivery.NOT_SENT),
        Arguments.of(new NoHttpResponseException("h failed to respond"), false,
            Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new ConnectionClosedException("Premature end of Content-Length delimited message body"), false,
            Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new SocketException("Connection reset"), false, Failure.CONNECTION_CLOSED, Delivery.MAYBE_PROCESSED),
        Arguments.of(new SocketException("Connection reset"), true, Failure.CONNECTION_CLOSED, Delivery.NOT_SENT),
        Arguments.of(new MessageConstraintException("Maximum line length limit exceeded"), false,
            Failure.MALFORMED_RESPONSE, Delivery.MAYBE_PROCESSED),
        Arguments.of(new IOException("wrapped", new ProtocolException("Invalid response line")), false,
            Failure.MALFORMED_RESPONSE, Delivery.MAYBE_PROCESSED),
        Arguments.of(new TruncatedChunkException("Truncated chunk"), false,
            Failure.MALFORMED_RESPONSE, Delivery.MAYBE_PROCESSED),
        Arguments.of(new SocketTimeoutException("Read timed out"), false, Failure.TIMEOUT, Delivery.MAYBE_PROCESSED),
        Arguments.of(new IOException("odd"), false, Failure.IO_ERROR, Delivery.MAYBE_PROCESSED));
  }

  @ParameterizedTest
  @MethodSource("types")
  void classifiesByType(Throwable thrown, boolean provenUnsent, Failure failure, Delivery delivery) {
    ImagesTransportException e = ApacheFailures.toException(request, thrown, provenUnsent);

    assertEquals(failure, e.failure(), e.getMessage());
    assertEquals(delivery, e.delivery(), e.getMessage());
    assertSame(thrown, e.getCause());
  }
}
