package io.github.contabo4j.images.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.internal.resilience.RetryRules;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Core's response-size limit, the error-body cap, the answer-id check, and JVM errors left alone. */
class ResponseLimitTest {
  private static final ResponseLimit LIMIT = new ResponseLimit(2048);

  /** A stream of n bytes that counts what was read from it. */
  private static final class Counting extends InputStream {
    private final long size;
    private long read;

    Counting(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (read >= size) {
        return -1;
      }
      read++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - read);
      read += n;
      return n;
    }
  }

  @Test
  void aDeclaredLengthAboveTheLimitFailsBeforeReadingOrAllocating() {
    assertThatThrownBy(() -> LIMIT.open(200, 2_000_000_000L))
        .isInstanceOf(ResponseTooLargeException.class)
        .hasMessageContaining("2000000000")
        .hasMessageContaining("2048");
  }

  @Test
  void aBodyWithoutLengthIsReadUpToTheLimitAndNoFurther() throws IOException {
    Counting in = new Counting(1_000_000);
    BodyBuffer buffer = LIMIT.open(200, -1);

    assertThat(buffer.readFrom(in)).as("stopped before the end").isFalse();
    assertThat(in.read).isLessThanOrEqualTo(2049 + 8192);
    assertThatThrownBy(buffer::bytes).isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void aBodyOfExactlyTheLimitIsAccepted() throws IOException {
    BodyBuffer buffer = LIMIT.open(200, -1);

    assertThat(buffer.readFrom(new Counting(2048))).isTrue();
    assertThat(buffer.bytes()).hasSize(2048);
  }

  @Test
  void aShortErrorBodyIsReadWhole() throws IOException {
    byte[] body = "{\"statusCode\": 503, \"message\": \"busy\"}".getBytes(StandardCharsets.UTF_8);
    BodyBuffer buffer = new ResponseLimit(ResponseLimit.DEFAULT_MAX_BYTES).open(503, body.length);

    assertThat(buffer.readFrom(new ByteArrayInputStream(body))).isTrue();
    assertThat(buffer.bytes()).isEqualTo(body);
  }

  @Test
  void aLongErrorBodyIsCutAtTheCapWithoutFailing() throws IOException {
    BodyBuffer buffer = new ResponseLimit(ResponseLimit.DEFAULT_MAX_BYTES).open(503, 2_000_000_000L);

    assertThat(buffer.readFrom(new Counting(10_000_000))).as("cut: the connection must be closed").isFalse();
    assertThat(buffer.bytes()).hasSize(ResponseLimit.ERROR_BODY_CAP);
  }

  @Test
  void aBodyShorterThanItsLengthIsAnEndOfFile() throws IOException {
    BodyBuffer buffer = LIMIT.open(200, 100);

    assertThat(buffer.readFrom(new Counting(40))).isTrue();
    assertThatThrownBy(buffer::bytes).isInstanceOf(EOFException.class).hasMessageContaining("40 of 100");
  }

  @Test
  void theLimitHasAFloorNamedInTheRejection() {
    assertThatThrownBy(() -> new ResponseLimit(1023))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("maxResponseBytes")
        .hasMessageContaining("1024");
  }

  @Test
  void theFailureNamesLimitSettingAndPageSizeAndIsNeverRetriedButReconciled() {
    ImagesWire wire = Fixtures.wire();
    WireRequest list = wire.retrieveImageList(ImageListQuery.builder().size(750).build(), CallContext.create());
    WireRequest audits = wire.retrieveImageAuditsList(AuditQuery.all(), CallContext.create());
    WireRequest create = wire.createCustomImage(
        CreateCustomImage.of("n", "https://example.com/i.qcow2", OsType.LINUX, "1"), CallContext.create());
    ResponseTooLargeException tooLarge = new ResponseTooLargeException(2048, -1, 2049);

    ImagesTransportException forList = tooLarge.toFailure(list);
    ImagesTransportException forCreate = tooLarge.toFailure(create);

    assertThat(forList.failure()).isEqualTo(Failure.RESPONSE_TOO_LARGE);
    assertThat(forList.delivery()).isEqualTo(Delivery.MAYBE_PROCESSED);
    assertThat(forList.getMessage()).contains("2048", "maxResponseBytes", "size=750");
    assertThat(tooLarge.toFailure(audits).getMessage()).contains("default size");
    assertThat(RetryRules.retryable(forList, ResiliencePolicy.defaults())).isFalse();
    assertThat(RetryRules.retryable(forCreate, ResiliencePolicy.defaults())).isFalse();
    assertThat(RetryRules.ambiguous(forCreate)).as("a create that ends so is reconciled").isTrue();
  }

  @Test
  void aTooLargeBodyWrappedByTheHttpClientBecomesTheFailure() {
    ImagesPort port = new WireImagesPort(Fixtures.wire(),
        request -> { throw new IOException("wrapped", new ResponseTooLargeException(2048, 5000, -1)); });

    assertThatThrownBy(() -> port.retrieveImage("img-1"))
        .isInstanceOfSatisfying(ImagesTransportException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.RESPONSE_TOO_LARGE))
        .hasMessageContaining("declares 5000 bytes");
  }

  @Test
  void anOutOfMemoryErrorWrappedByTheHttpClientIsRethrownAsItIs() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    ImagesPort port = new WireImagesPort(Fixtures.wire(), request -> { throw new IOException("wrapped", oom); });

    assertThatThrownBy(() -> port.retrieveImage("img-1")).isSameAs(oom);
  }

  @Test
  void anAnswerNamingAnotherImageIsMalformed() {
    ImagesPort port = new WireImagesPort(Fixtures.wire(), request -> new WireResponse(200, null,
        Fixtures.example(request.method().equals("PATCH") ? "update-image.json" : "find-image.json")));

    assertThatThrownBy(() -> port.retrieveImage("img-other"))
        .isInstanceOfSatisfying(ImagesTransportException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE))
        .hasMessageContaining("img-other");
    assertThatThrownBy(() -> port.updateImage("img-other", ImageUpdate.rename("x")))
        .isInstanceOfSatisfying(ImagesTransportException.class,
            e -> assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE));
  }

  @Test
  void onlyA2xxDeclaringALengthWithinTheLimitMayBeReadWholeAtThatLength() {
    ResponseLimit limit = new ResponseLimit(1024);

    assertThat(limit.allowsDeclared(200, 1024)).isTrue();
    assertThat(limit.allowsDeclared(204, 0)).isTrue();
    assertThat(limit.allowsDeclared(200, 1025)).as("over the limit").isFalse();
    assertThat(limit.allowsDeclared(200, -1)).as("no Content-Length").isFalse();
    assertThat(limit.allowsDeclared(404, 10)).as("an error body is capped, not read whole").isFalse();
    assertThat(limit.allowsDeclared(199, 10)).isFalse();
    assertThat(limit.allowsDeclared(300, 10)).isFalse();
  }
}
