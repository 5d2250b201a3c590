package io.github.contabo4j.images.internal.wire;

import static io.github.contabo4j.images.internal.wire.Fixtures.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.InvalidRequestException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The port over a scripted exchange: encode, send, decode, and map failures. */
class WireImagesPortTest {
  private final List<WireRequest> sent = new ArrayList<>();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void aSuccessfulCallRecordsItsRequestIdInTheContext() {
    ImagesPort port = port(request -> new WireResponse(200, null, example("stats.json")));
    CallContext context = CallContext.create();

    ImageStats stats = port.retrieveCustomImagesStats(context);

    assertThat(stats.currentImagesCount()).isEqualTo(4);
    assertThat(sent).hasSize(1);
    assertThat(context.lastRequestId()).contains(sent.get(0).requestId());
  }

  @Test
  void theOverloadWithoutAContextWorks() {
    ImagesPort port = port(request -> new WireResponse(200, null, example("find-image.json")));

    Image image = port.retrieveImage("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");

    assertThat(image.name()).isEqualTo("Custom Image Ubuntu");
    assertThat(sent.get(0).path()).isEqualTo("/v1/compute/images/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
  }

  @Test
  void anErrorStatusIsThrownAsItsTypedException() {
    ImagesPort port = port(request -> Fixtures.response(404, "{\"statusCode\":404,\"message\":\"Not Found\"}"));

    assertThatThrownBy(() -> port.deleteImage("gone", CallContext.create()))
        .isInstanceOf(ImageNotFoundException.class)
        .hasMessageContaining("Not Found");
  }

  @Test
  void anIoFailureIsATransportException() {
    ImagesPort port = port(request -> {
      throw new ConnectException("Connection refused");
    });

    ImagesTransportException e = catchThrowableOfType(
        ImagesTransportException.class, () -> port.retrieveImageList(ImageListQuery.all(), CallContext.create()));

    assertThat(e.failure()).isEqualTo(Failure.CONNECT_FAILED);
    assertThat(e.delivery()).isEqualTo(Delivery.NOT_SENT);
    assertThat(e.requestIds()).containsExactly(sent.get(0).requestId());
  }

  @Test
  void anInterruptKeepsTheFlagSet() {
    ImagesPort port = port(request -> {
      throw new InterruptedException();
    });

    ImagesTransportException e = catchThrowableOfType(
        ImagesTransportException.class, () -> port.retrieveImageAuditsList(AuditQuery.all(), CallContext.create()));

    assertThat(e.failure()).isEqualTo(Failure.INTERRUPTED);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void badInputNeverReachesTheExchange() {
    ImagesPort port = port(request -> {
      throw new AssertionError("must not be sent");
    });
    CallContext context = CallContext.create();

    assertThatThrownBy(() -> port.retrieveImage("a/b", context)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> port.updateImage("stats", ImageUpdate.rename("x"), context)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> port.deleteImage(" ", context)).isInstanceOf(InvalidRequestException.class);
    assertThat(sent).isEmpty();
    assertThat(context.requestIds()).isEmpty();
  }

  private ImagesPort port(WireImagesPort.Exchange script) {
    return new WireImagesPort(Fixtures.wire(), request -> {
      sent.add(request);
      return script.exchange(request);
    });
  }
}
