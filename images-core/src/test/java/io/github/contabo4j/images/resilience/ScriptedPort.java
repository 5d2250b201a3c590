package io.github.contabo4j.images.resilience;

import io.github.contabo4j.images.internal.AttemptTimeouts;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Delivery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ImagesPort} stub: each attempt draws a request id from the context (as a transport does),
 * is recorded, and then fails with the next scripted step or, with the script used up, succeeds. An
 * audit query that succeeds answers the next scripted audit page, or an empty page.
 */
final class ScriptedPort implements ImagesPort {
  static final CreatedImage CREATED = CreatedImage.builder().imageId("img-1").build();
  static final Image IMAGE = Image.builder()
      .imageId("img-1")
      .name("name")
      .sizeMb(1)
      .uploadedSizeMb(1)
      .errorMessage("")
      .build();
  static final Page<Image> IMAGES = new Page<>(List.of(IMAGE), new Pagination(1, 10, 1, 1), PageLinks.none());
  static final ImageRef REF = ImageRef.builder().imageId("img-1").build();
  static final ImageStats STATS = ImageStats.builder()
      .currentImagesCount(1)
      .totalSizeMb(100)
      .usedSizeMb(10)
      .freeSizeMb(90)
      .build();
  static final Page<AuditEntry> AUDITS = new Page<>(List.of(), new Pagination(1, 10, 0, 0), PageLinks.none());

  /** One scripted failure. */
  @FunctionalInterface
  interface Step {
    /** The failure, or null to let the attempt succeed. */
    @Nullable RuntimeException fail(ImagesOperation op, List<String> requestIds, @Nullable String traceId);
  }

  /**
   * What one attempt looked like.
   *
   * @param attemptTimeout what the context allowed this attempt, as a transport reads it
   * @param auditRequestId the request id an audit query asked about, if it was one
   */
  record Attempt(ImagesOperation operation, String requestId, @Nullable String traceId, Instant at,
      @Nullable Duration attemptTimeout, @Nullable String auditRequestId) {}

  private final Clock clock;
  private final Deque<Step> script = new ArrayDeque<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private final Deque<Page<AuditEntry>> auditPages = new ArrayDeque<>();
  private final Deque<Image> images = new ArrayDeque<>();

  ScriptedPort(Clock clock) {
    this.clock = clock;
  }

  /** A step that lets its attempt succeed. */
  static Step ok() {
    return (op, ids, trace) -> null;
  }

  static Step status(int code) {
    return status(code, null);
  }

  static Step status(int code, @Nullable Duration retryAfter) {
    return (op, ids, trace) -> ImagesServiceException.forStatus(op, code, "scripted " + code, retryAfter, ids, trace);
  }

  static Step transport(Failure failure, Delivery delivery) {
    return (op, ids, trace) -> new ImagesTransportException(op, failure, delivery, "scripted", null, ids, trace);
  }

  /** Appends steps; the script is shared by all calls, in order. */
  synchronized ScriptedPort then(Step... steps) {
    script.addAll(List.of(steps));
    return this;
  }

  /** Appends the same step n times. */
  synchronized ScriptedPort times(int n, Step step) {
    for (int i = 0; i < n; i++) {
      script.add(step);
    }
    return this;
  }

  /** Appends audit pages, answered in order by audit queries that succeed. */
  @SafeVarargs
  final synchronized ScriptedPort auditPages(Page<AuditEntry>... pages) {
    auditPages.addAll(List.of(pages));
    return this;
  }

  /** Appends images, answered in order by {@code retrieveImage} calls that succeed; then {@link #IMAGE}. */
  synchronized ScriptedPort images(Image... answers) {
    images.addAll(List.of(answers));
    return this;
  }

  /** {@link #IMAGE} with this status, exactly as given (case kept), and error message. */
  static Image withStatus(String status, String errorMessage) {
    return IMAGE.toBuilder()
        .status(new io.github.contabo4j.images.ImageStatus(status))
        .errorMessage(errorMessage)
        .lastModifiedDate(Instant.EPOCH)
        .build();
  }

  synchronized List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /** The attempts of one operation. */
  synchronized List<Attempt> attempts(ImagesOperation op) {
    return attempts.stream().filter(a -> a.operation() == op).toList();
  }

  synchronized int attemptCount() {
    return attempts.size();
  }

  private void attempt(ImagesOperation op, CallContext context) {
    attempt(op, context, null);
  }

  private void attempt(ImagesOperation op, CallContext context, @Nullable String auditRequestId) {
    String id = context.newRequestId();
    String trace = context.traceId().orElse(null);
    Step step;
    synchronized (this) {
      attempts.add(new Attempt(op, id, trace, clock.instant(), AttemptTimeouts.of(context).orElse(null), auditRequestId));
      step = script.poll();
    }
    RuntimeException failure = step == null ? null : step.fail(op, context.requestIds(), trace);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    attempt(ImagesOperation.CREATE_CUSTOM_IMAGE, context);
    return CREATED;
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    attempt(ImagesOperation.RETRIEVE_IMAGE_LIST, context);
    return IMAGES;
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    attempt(ImagesOperation.RETRIEVE_IMAGE, context);
    synchronized (this) {
      Image image = images.poll();
      return image == null ? IMAGE : image;
    }
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    attempt(ImagesOperation.UPDATE_IMAGE, context);
    return REF;
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    attempt(ImagesOperation.DELETE_IMAGE, context);
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    attempt(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, context);
    return STATS;
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    attempt(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, context, query.requestId());
    synchronized (this) {
      Page<AuditEntry> page = auditPages.poll();
      return page == null ? AUDITS : page;
    }
  }

  /**
   * Runs one operation on a port.
   *
   * @return what the port returned ({@code null} for delete)
   */
  static @Nullable Object invoke(ImagesPort port, ImagesOperation op, CallContext context) {
    switch (op) {
      case CREATE_CUSTOM_IMAGE:
        return port.createCustomImage(
            CreateCustomImage.of("img", "https://example.com/a.qcow2", OsType.LINUX, "1"),
            context);
      case RETRIEVE_IMAGE_LIST:
        return port.retrieveImageList(ImageListQuery.all(), context);
      case RETRIEVE_IMAGE:
        return port.retrieveImage("img-1", context);
      case UPDATE_IMAGE:
        return port.updateImage("img-1", ImageUpdate.rename("new"), context);
      case DELETE_IMAGE:
        port.deleteImage("img-1", context);
        return null;
      case RETRIEVE_CUSTOM_IMAGES_STATS:
        return port.retrieveCustomImagesStats(context);
      case RETRIEVE_IMAGE_AUDITS_LIST:
        return port.retrieveImageAuditsList(AuditQuery.all(), context);
      default:
        throw new AssertionError(op);
    }
  }

  /** The canned success value of an operation ({@code null} for delete): what an unscripted port returns. */
  static @Nullable Object expected(ImagesOperation op) {
    return invoke(new ScriptedPort(Clock.systemUTC()), op, CallContext.create());
  }
}
