package io.github.contabo4j.images.testkit.http;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageTag;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A hand-written port with canned answers that records what it was called with and throws a
 * scripted exception when told to. Not a fake: no state, no rules.
 */
final class StubPort implements ImagesPort {
  static final Instant T0 = Instant.parse("2021-06-03T06:27:12Z");

  final List<String> calls = new ArrayList<>();
  volatile Object lastArgument;
  volatile String lastRequestId;
  volatile String lastTraceId;
  volatile Supplier<RuntimeException> failNext;

  static Image image(String id, String description) {
    return Image.builder()
        .imageId(id)
        .tenantId(TenantId.DE)
        .customerId("54321")
        .name("Image " + id)
        .description(description)
        .url("https://example.com/" + id + ".iso")
        .sizeMb(1024)
        .uploadedSizeMb(1024)
        .osType(OsType.LINUX)
        .version("1.0")
        .format(ImageFormat.ISO)
        .status(ImageStatus.DOWNLOADED)
        .creationDate(T0)
        .lastModifiedDate(T0)
        .tags(List.of(new ImageTag(1, "web")))
        .build();
  }

  /** The fake's scripted "answer lost": the face must drop the connection. */
  static ImagesTransportException answerLost(ImagesOperation operation) {
    return new ImagesTransportException(operation, ImagesTransportException.Failure.CONNECTION_CLOSED,
        Delivery.MAYBE_PROCESSED, "answer lost", null, List.of(), null);
  }

  synchronized void reset() {
    calls.clear();
    lastArgument = null;
    lastRequestId = null;
    lastTraceId = null;
    failNext = null;
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  private synchronized void called(String operation, Object argument, CallContext context) {
    calls.add(operation);
    lastArgument = argument;
    lastRequestId = context.newRequestId(); // the first id handed out is the one the client sent
    lastTraceId = context.traceId().orElse(null);
    Supplier<RuntimeException> failure = failNext;
    failNext = null;
    if (failure != null) {
      throw failure.get();
    }
  }

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    called("create", request, context);
    return CreatedImage.builder().imageId("new-1").tenantId(TenantId.DE).customerId("54321").build();
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    called("list", query, context);
    return new Page<>(List.of(image("img-1", "first"), image("img-2", null)), new Pagination(1, 2, 3, 2),
        PageLinks.none());
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    called("get", imageId, context);
    return image(imageId, null);
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    called("update", update, context);
    return ImageRef.builder().imageId(imageId).tenantId(TenantId.DE).customerId("54321").build();
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    called("delete", imageId, context);
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    called("stats", "", context);
    return ImageStats.builder()
        .tenantId(TenantId.DE)
        .customerId("54321")
        .currentImagesCount(2)
        .totalSizeMb(102400)
        .usedSizeMb(2048)
        .freeSizeMb(100352)
        .build();
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    called("audits", query, context);
    AuditEntry entry = AuditEntry.builder()
        .id(1)
        .action(AuditAction.CREATED)
        .timestamp(T0)
        .tenantId(TenantId.DE)
        .customerId("54321")
        .changedBy("user-1")
        .username("John.Doe")
        .requestId(lastRequestId)
        .imageId("img-1")
        .changes(Map.of("new", Map.of("name", "Image img-1")))
        .build();
    return new Page<>(List.of(entry), new Pagination(1, 10, 1, 1), PageLinks.none());
  }
}
