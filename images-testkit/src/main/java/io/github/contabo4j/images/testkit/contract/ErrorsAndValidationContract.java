package io.github.contabo4j.images.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.BadRequestException;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ConflictException;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.RateLimitedException;
import io.github.contabo4j.images.ServerErrorException;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.UnsupportedImageFormatException;
import io.github.contabo4j.images.testkit.FakeImages;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract of failures: each rejection with its status and typed exception (see {@code
 * docs/ASSUMPTIONS.md} and {@link FakeImages}), the ids every exception carries, bad input stopped
 * before it reaches the service, and scripted faults surfacing as the facts they stand for.
 *
 * <p>Skippable: the lost-answer test runs only while {@link #reproducesTransportFaults()} is true,
 * the refused-connection test only while {@link #reproducesRefusedConnections()} is.
 */
public abstract class ErrorsAndValidationContract extends PortContract {
  private static final String UNKNOWN_ID = "6f1e6d8e-1d1c-4a43-9d2b-7e1f0a9f0000";

  /** For subclasses. */
  protected ErrorsAndValidationContract() {}

  @Test
  void anUnknownIdIsNotFoundOnGetUpdateAndDelete() {
    ImageNotFoundException get = assertThrows(ImageNotFoundException.class, () -> port().retrieveImage(UNKNOWN_ID));
    assertThrows(ImageNotFoundException.class, () -> port().updateImage(UNKNOWN_ID, ImageUpdate.rename("x")));
    assertThrows(ImageNotFoundException.class, () -> port().deleteImage(UNKNOWN_ID));

    assertEquals(404, get.statusCode());
    assertEquals(Delivery.ANSWERED, get.delivery());
    assertEquals(ImagesOperation.RETRIEVE_IMAGE, get.operation());
    assertTrue(get.serviceMessage().contains(UNKNOWN_ID), get.serviceMessage());
  }

  @Test
  void aDeletedImageIsNotFound() {
    String id = port().createCustomImage(linuxImage("gone")).imageId();
    port().deleteImage(id);

    assertThrows(ImageNotFoundException.class, () -> port().retrieveImage(id));
    assertThrows(ImageNotFoundException.class, () -> port().deleteImage(id));
  }

  @Test
  void aServiceErrorCarriesTheCallsRequestIdAndTraceId() {
    CallContext context = CallContext.create().withTraceId("trace-404");

    ImageNotFoundException e = assertThrows(ImageNotFoundException.class,
        () -> port().retrieveImage(UNKNOWN_ID, context));

    assertFalse(context.requestIds().isEmpty());
    assertEquals(context.requestIds(), e.requestIds());
    assertEquals(Optional.of("trace-404"), e.traceId());
  }

  @Test
  void updatingAStandardImageIsDeniedAndChangesNothing() {
    Image standard = aStandardImage();

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> port().updateImage(standard.imageId(), ImageUpdate.rename("mine now")));

    assertEquals(403, e.statusCode());
    assertEquals(standard.name(), port().retrieveImage(standard.imageId()).name());
  }

  @Test
  void deletingAStandardImageIsDeniedAndKeepsIt() {
    Image standard = aStandardImage();

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> port().deleteImage(standard.imageId()));

    assertEquals(403, e.statusCode());
    assertTrue(port().retrieveImage(standard.imageId()).standardImage());
  }

  @Test
  void aCreateBeyondTheQuotaConflictsAndCreatesNothing() {
    fake().seedCustomImage("almost-full", fake().storageQuotaMb() - fake().defaultCustomImageSizeMb() + 1);
    ImageStats before = port().retrieveCustomImagesStats();

    ConflictException e = assertThrows(ConflictException.class,
        () -> port().createCustomImage(linuxImage("one-too-many")));

    assertEquals(409, e.statusCode());
    assertEquals(before, port().retrieveCustomImagesStats());
    assertEquals(1, customImagesThroughPort().size());
  }

  @Test
  void aCreateThatExactlyFillsTheQuotaSucceeds() {
    fake().seedCustomImage("almost-full", fake().storageQuotaMb() - fake().defaultCustomImageSizeMb());

    port().createCustomImage(linuxImage("last-one"));

    assertEquals(0, port().retrieveCustomImagesStats().freeSizeMb());
  }

  @Test
  void anUnsupportedFormatIsRejectedWith415() throws Exception {
    ImagesPort qcow2Only = openPort(fakeBuilder().supportedFormats(ImageFormat.QCOW2).build());

    UnsupportedImageFormatException e = assertThrows(UnsupportedImageFormatException.class,
        () -> qcow2Only.createCustomImage(
            CreateCustomImage.of("installer", "https://images.example.com/x.iso", OsType.LINUX, "1")));

    assertEquals(415, e.statusCode());
    assertTrue(qcow2Only.retrieveImageList(ImageListQuery.builder().standardImage(false).build()).items().isEmpty());
  }

  @Test
  void anUnknownOrderByFieldIsABadRequest() {
    BadRequestException list = assertThrows(BadRequestException.class,
        () -> port().retrieveImageList(ImageListQuery.builder().orderBy(SortOrder.asc("colour")).build()));
    BadRequestException audits = assertThrows(BadRequestException.class,
        () -> port().retrieveImageAuditsList(AuditQuery.builder().orderBy(SortOrder.desc("colour")).build()));

    assertEquals(400, list.statusCode());
    assertEquals(400, audits.statusCode());
    assertTrue(list.serviceMessage().contains("colour"), list.serviceMessage());
  }

  @Test
  void anInvalidImageIdNeverReachesTheService() {
    List<Executable> calls = List.of(
        () -> port().retrieveImage("../stats"),
        () -> port().retrieveImage("stats"),
        () -> port().updateImage("a b", ImageUpdate.rename("x")),
        () -> port().deleteImage(""));

    for (Executable call : calls) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
      assertEquals("imageId", e.field());
    }
    assertTrue(fake().calls().isEmpty(), "calls received: " + fake().calls());
  }

  @Test
  void rateLimitingCarriesRetryAfterAndPasses() {
    fake().faults().next(ImagesOperation.RETRIEVE_IMAGE_LIST).rateLimited(Duration.ofSeconds(2));

    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> port().retrieveImageList(ImageListQuery.all()));

    assertEquals(429, e.statusCode());
    assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
    assertFalse(port().retrieveImageList(ImageListQuery.all()).items().isEmpty());
  }

  @Test
  void rateLimitingWithoutRetryAfterHasNone() {
    fake().faults().next(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS).rateLimited();

    RateLimitedException e = assertThrows(RateLimitedException.class, () -> port().retrieveCustomImagesStats());

    assertEquals(Optional.empty(), e.retryAfter());
  }

  @Test
  void aServerErrorOnCreateCreatesNothing() {
    fake().faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).serverError(500);

    ServerErrorException e = assertThrows(ServerErrorException.class,
        () -> port().createCustomImage(linuxImage("unlucky")));

    assertEquals(500, e.statusCode());
    assertTrue(customImagesThroughPort().isEmpty());
    assertEquals(0, port().retrieveCustomImagesStats().currentImagesCount());
  }

  @Test
  void scriptedFaultsAreUsedUpOneCallEach() {
    fake().faults().nextCalls(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, 2).serverError(503);

    ServerErrorException first = assertThrows(ServerErrorException.class, () -> port().retrieveCustomImagesStats());
    assertThrows(ServerErrorException.class, () -> port().retrieveCustomImagesStats());
    ImageStats third = port().retrieveCustomImagesStats();

    assertEquals(503, first.statusCode());
    assertEquals(fake().storageQuotaMb(), third.totalSizeMb());
  }

  @Test
  void aLostCreateAnswerStillCreatedTheImage() {
    assumeTrue(reproducesTransportFaults(), "this adapter does not reproduce transport faults");
    fake().faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).answerLost();

    ImagesTransportException e = assertThrows(ImagesTransportException.class,
        () -> port().createCustomImage(linuxImage("ghost")));

    assertEquals(Delivery.MAYBE_PROCESSED, e.delivery());
    assertEquals(List.of("ghost"), customImagesThroughPort().stream().map(Image::name).toList());
  }

  @Test
  void aRefusedConnectionAppliesNothing() {
    assumeTrue(reproducesRefusedConnections(), "this adapter does not reproduce refused connections");
    fake().faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).connectionRefused();

    ImagesTransportException e = assertThrows(ImagesTransportException.class,
        () -> port().createCustomImage(linuxImage("never")));

    assertEquals(Delivery.NOT_SENT, e.delivery());
    assertEquals(ImagesTransportException.Failure.CONNECT_FAILED, e.failure());
    assertTrue(customImagesThroughPort().isEmpty());
  }

  private Image aStandardImage() {
    return port().retrieveImageList(ImageListQuery.builder().standardImage(true).size(1).build()).items().get(0);
  }
}
