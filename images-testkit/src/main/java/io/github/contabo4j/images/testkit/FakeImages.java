package io.github.contabo4j.images.testkit;

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
import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.ImagesTransportException;
import io.github.contabo4j.images.ImagesTransportException.Failure;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.SortOrder;
import io.github.contabo4j.images.TenantId;
import io.github.contabo4j.images.internal.Checks;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory Contabo Images service: an {@link ImagesPort} with the service's semantics, for tests
 * that should not touch the network. Thread-safe; one instance is one customer account.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2024-06-03T08:00:00Z"));
 * FakeImages fake = FakeImages.builder().clock(clock).build();
 * CreatedImage created = fake.createCustomImage(
 *     CreateCustomImage.of("web", "https://example.com/web.qcow2", OsType.LINUX, "22.04"));
 * clock.advance(FakeImages.DEFAULT_DOWNLOAD_DURATION);
 * assert fake.retrieveImage(created.imageId()).isDownloaded();
 * }</pre>
 *
 * <h2>Calls</h2>
 *
 * Every port call is one attempt: it draws its request id with {@link CallContext#newRequestId()}
 * exactly once, takes the trace id from {@link CallContext#traceId()}, and is recorded ({@link
 * #calls()}). Bad input (an invalid image id) is rejected with {@code InvalidRequestException} before
 * that, as a client would reject it before sending. Exceptions carry {@code context.requestIds()}.
 *
 * <h2>Standard images</h2>
 *
 * Unless {@link Builder#seedStandardImages(boolean)} turns it off, a fresh fake holds 15 standard
 * images (Ubuntu 20.04/22.04/24.04, Debian 11/12, Rocky Linux 8/9, AlmaLinux 8/9, CentOS 7, Fedora 40,
 * openSUSE Leap 15.6, Windows Server 2019 Standard, 2022 Standard and 2022 Datacenter): {@code
 * standardImage=true}, status {@code downloaded}, format {@code qcow2}, {@code url} empty, ids that
 * are the same in every run.
 *
 * <h2>Custom images</h2>
 *
 * <ul>
 *   <li>{@code createCustomImage} stores an image with a random UUID id, status {@code downloading},
 *       size {@link Builder#defaultCustomImageSizeMb} (default {@value #DEFAULT_CUSTOM_IMAGE_SIZE_MB}
 *       MB), {@code uploadedSizeMb} 0, format from the URL path ({@code .iso} or {@code .qcow2}),
 *       {@code description} and {@code errorMessage} {@code ""} when absent, {@code
 *       creationDate = lastModifiedDate =} the clock's now (timestamps are cut to milliseconds).
 *   <li>Once the clock reaches creation plus {@link Builder#downloadDuration} (default 30 s), the image
 *       reads as {@code downloaded} with {@code uploadedSizeMb = sizeMb}, its {@code lastModifiedDate}
 *       being that moment. The change is evaluated lazily on every read, so a frozen clock keeps it
 *       {@code downloading}. With the default system clock, a download simply completes 30 s later.
 *   <li><b>Failing URLs:</b> when the URL's host is {@code invalid} or ends in {@code .invalid} (the
 *       TLD reserved by RFC 2606 for names that never resolve), the download ends in status {@code
 *       error} with {@code errorMessage} {@value #DOWNLOAD_FAILED_MESSAGE} at that same moment, and
 *       {@code uploadedSizeMb} 0. That is the default rule; {@link Builder#downloadFailures} sets
 *       another.
 *   <li>{@link #completeDownload(String)} and {@link #failDownload(String, String)} end a download at
 *       once, whatever the clock says.
 *   <li>Stats always agree with the custom images held, in any status: {@code currentImagesCount} is
 *       their number, {@code usedSizeMb} the sum of their {@code sizeMb}, {@code freeSizeMb = totalSizeMb
 *       - usedSizeMb} (never below 0), {@code totalSizeMb} the quota (default {@value
 *       #DEFAULT_STORAGE_QUOTA_MB} MB).
 * </ul>
 *
 * <h2>Rejections</h2>
 *
 * Thrown as {@link ImagesServiceException#forStatus} would map the real answer (the statuses of
 * {@code docs/ASSUMPTIONS.md}); messages follow the service's style, e.g. {@code Entry Image not found
 * by imageId 1234}:
 *
 * <ul>
 *   <li>415 {@code UnsupportedImageFormatException} for a create whose format is not one of {@link
 *       Builder#supportedFormats} (default {@code iso} and {@code qcow2}; a client already rejects other
 *       URL endings before sending, raw HTTP clients get 415 from the HTTP face);
 *   <li>409 {@code ConflictException} when a create would take {@code usedSizeMb} above the quota;
 *   <li>404 {@code ImageNotFoundException} for an id that names no image, on get, update and delete;
 *   <li>403 {@code PermissionDeniedException} for an update or delete of a standard image;
 *   <li>400 {@code BadRequestException} for an {@code orderBy} field that is not sortable.
 * </ul>
 *
 * <h2>Lists</h2>
 *
 * <ul>
 *   <li>{@code page} defaults to 1, {@code size} to 10. A page past the end is empty but carries the true {@code
 *       totalElements} and {@code totalPages} ({@code ceil(totalElements / size)}, 0 when nothing
 *       matches).
 *   <li>Links are relative paths with the query (encoded by {@link ImagesWire#listQuery} and {@link
 *       ImagesWire#auditQuery}), {@code page} and {@code size} always set: {@code self}, {@code first}
 *       (page 1), {@code previous} (page - 1, absent on page 1), {@code next} (absent on the last
 *       page), {@code last} (page {@code max(1, totalPages)}).
 *   <li>Image filter {@code name}: the image's name contains it, ignoring case. {@code
 *       standardImage}: exact. {@code search}: alternatives separated by the word {@code or} (any
 *       case); an image matches when, for at least one alternative, every word of it occurs, ignoring
 *       case, in the image's name, description, osType or version. So {@code windows or Debian} finds
 *       every Windows and every Debian image, {@code ubuntu 22.04} only Ubuntu 22.04.
 *   <li>Image sort fields (spelled as in the spec, directions in either case): {@value
 *       #IMAGE_SORT_FIELDS}. Text compares ignoring case; missing values sort first in ascending order.
 *       Several terms apply in order; ties keep the default order, which is insertion order (the
 *       standard catalogue, then images as created or seeded).
 *   <li>Audit filters: {@code imageId} exact, {@code requestId} ignoring case, {@code changedBy}
 *       exact, {@code startDate}/{@code endDate} inclusive days in UTC. Sort fields: {@value
 *       #AUDIT_SORT_FIELDS}; default order is {@code id} ascending, i.e. oldest first.
 * </ul>
 *
 * <h2>Audits</h2>
 *
 * A successful create, update or delete (and one whose answer a fault then loses) appends an entry:
 * a sequential {@code id} from 1, the action, the clock's time, the image's tenant and customer,
 * {@code changedBy}/{@code username} of the fake user ({@link Builder#user}), the call's request id
 * and trace id ({@code ""} when none), and {@code changes} as {@code {prev: {...}, new: {...}}}: all
 * user-set fields in {@code new} for a create, in {@code prev} for a delete, the changed fields for an
 * update. Reads, failed calls and seeding write nothing.
 *
 * <h2>Test levers</h2>
 *
 * Seeding ({@link #seed(Image)}, {@link #seedCustomImage(String)}, {@link #seedStandardImage}) and {@link
 * #restore} change state without an API call: no audit entry, no recorded call, no quota check. Recording: {@link
 * #calls()}, {@link #callCount(ImagesOperation)}, {@link #clearCalls()}. Faults, scripted or
 * seeded-random, through {@link #faults()}: off by default, and no call waits unless a fault says
 * so, through the injected {@link Sleeper}.
 */
public final class FakeImages implements ImagesPort {
  /** How long a custom image downloads unless the builder says otherwise: 30 seconds. */
  public static final Duration DEFAULT_DOWNLOAD_DURATION = Duration.ofSeconds(30);
  /** The default custom-image storage quota, as in the spec's example: 102400 MB. */
  public static final long DEFAULT_STORAGE_QUOTA_MB = 102_400;
  /** The default size of a created custom image, as in the spec's example: 1024 MB. */
  public static final long DEFAULT_CUSTOM_IMAGE_SIZE_MB = 1024;
  /** The default customer id, as in the spec's example. */
  public static final String DEFAULT_CUSTOMER_ID = "54321";
  /** The default user id in {@code changedBy}. */
  public static final String DEFAULT_USER_ID = "c4c800ff-e524-47dd-9543-71dfc8b91113";
  /** The default user name in audit entries. */
  public static final String DEFAULT_USERNAME = "fake.user";
  /** The {@code errorMessage} of a download from a failing URL (the spec's example text). */
  public static final String DOWNLOAD_FAILED_MESSAGE = "Error downloading image from provided URL";
  /** The sortable image fields. */
  public static final String IMAGE_SORT_FIELDS = "imageId, tenantId, customerId, name, description, url, sizeMb, "
      + "uploadedSizeMb, osType, version, format, status, errorMessage, standardImage, creationDate, lastModifiedDate";
  /** The sortable audit fields. */
  public static final String AUDIT_SORT_FIELDS =
      "id, action, timestamp, tenantId, customerId, changedBy, username, requestId, traceId, imageId";

  private static final Pattern OR = Pattern.compile("\\s+or\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Listing.Fields<Image> IMAGE_FIELDS = new Listing.Fields<Image>()
      .text("imageId", Image::imageId)
      .text("tenantId", i -> i.tenantId() == null ? null : i.tenantId().value())
      .text("customerId", Image::customerId)
      .text("name", Image::name)
      .text("description", Image::description)
      .text("url", Image::url)
      .natural("sizeMb", Image::sizeMb)
      .natural("uploadedSizeMb", Image::uploadedSizeMb)
      .text("osType", i -> i.osType() == null ? null : i.osType().value())
      .text("version", Image::version)
      .text("format", i -> i.format() == null ? null : i.format().value())
      .text("status", i -> i.status() == null ? null : i.status().value())
      .text("errorMessage", Image::errorMessage)
      .natural("standardImage", Image::standardImage)
      .natural("creationDate", Image::creationDate)
      .natural("lastModifiedDate", Image::lastModifiedDate);
  private static final Listing.Fields<AuditEntry> AUDIT_FIELDS = new Listing.Fields<AuditEntry>()
      .natural("id", AuditEntry::id)
      .text("action", a -> a.action() == null ? null : a.action().value())
      .natural("timestamp", AuditEntry::timestamp)
      .text("tenantId", a -> a.tenantId() == null ? null : a.tenantId().value())
      .text("customerId", AuditEntry::customerId)
      .text("changedBy", AuditEntry::changedBy)
      .text("username", AuditEntry::username)
      .text("requestId", AuditEntry::requestId)
      .text("traceId", AuditEntry::traceId)
      .text("imageId", AuditEntry::imageId);

  private final Clock clock;
  private final Duration downloadDuration;
  private final long storageQuotaMb;
  private final long defaultCustomImageSizeMb;
  private final TenantId tenantId;
  private final String customerId;
  private final String userId;
  private final String username;
  private final Sleeper sleeper;
  private final List<ImageFormat> supportedFormats;
  private final Function<String, Optional<String>> downloadFailures;
  private final FakeFaults faults = new FakeFaults();

  private final Object lock = new Object();
  private final Map<String, Image> images = new LinkedHashMap<>();
  private final Map<String, PendingDownload> pending = new HashMap<>();
  private final List<AuditEntry> audits = new ArrayList<>();
  private long nextAuditId = 1;
  private final int callHistoryLimit;
  private final ArrayDeque<RecordedCall> calls = new ArrayDeque<>();
  private final long[] callCounts = new long[ImagesOperation.values().length];

  /** A download in progress: when it ends, and with which error if it fails. */
  private record PendingDownload(Instant due, @Nullable String failure) {}

  /** One attempt: what an operation needs to audit and to fail. */
  private record Call(ImagesOperation operation, CallContext context, String requestId, @Nullable String traceId) {
    ImagesServiceException error(int status, String message) {
      return ImagesServiceException.forStatus(operation, status, message, null, context.requestIds(), traceId);
    }
  }

  private FakeImages(Builder b) {
    clock = b.clock;
    downloadDuration = b.downloadDuration;
    storageQuotaMb = b.storageQuotaMb;
    defaultCustomImageSizeMb = b.defaultCustomImageSizeMb;
    tenantId = b.tenantId;
    customerId = b.customerId;
    userId = b.userId;
    username = b.username;
    sleeper = b.sleeper;
    supportedFormats = List.copyOf(b.supportedFormats);
    downloadFailures = b.downloadFailures;
    callHistoryLimit = b.callHistoryLimit;
    if (b.seedStandardImages) {
      for (Image image : StandardCatalogue.images(tenantId, customerId)) {
        images.put(image.imageId(), image);
      }
    }
  }

  /** A builder with every default: see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A fake with every default: system UTC clock, standard catalogue, no faults. */
  public static FakeImages create() {
    return builder().build();
  }

  // ---------------------------------------------------------------- the port

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    requireNonNull(request, "request");
    String args = "name=" + request.name() + ", url=" + request.url() + ", osType=" + request.osType()
        + ", version=" + request.version();
    return call(ImagesOperation.CREATE_CUSTOM_IMAGE, context, args, call -> create(request, call));
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    requireNonNull(query, "query");
    return call(ImagesOperation.RETRIEVE_IMAGE_LIST, context, ImagesWire.listQuery(query), call -> list(query, call));
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    Checks.requireImageId("imageId", imageId);
    return call(ImagesOperation.RETRIEVE_IMAGE, context, "imageId=" + imageId, call -> {
      synchronized (lock) {
        settle(now());
        Image image = existing(imageId, call);
        // The single-image answer carries no tags (spec: ImageResponse), only the list does.
        return image.tags().isEmpty() ? image : rebuild(image, image.name(), image.description(),
            image.uploadedSizeMb(), image.status(), image.errorMessage(), image.lastModifiedDate(), List.of());
      }
    });
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    Checks.requireImageId("imageId", imageId);
    requireNonNull(update, "update");
    String args = "imageId=" + imageId + (update.name() == null ? "" : ", name=" + update.name())
        + (update.description() == null ? "" : ", description=" + update.description());
    return call(ImagesOperation.UPDATE_IMAGE, context, args, call -> update(imageId, update, call));
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    Checks.requireImageId("imageId", imageId);
    call(ImagesOperation.DELETE_IMAGE, context, "imageId=" + imageId, call -> {
      Instant now = now();
      synchronized (lock) {
        settle(now);
        Image image = changeable(imageId, call, "deleted");
        images.remove(imageId);
        pending.remove(imageId);
        audit(AuditAction.DELETED, image, call, now, describe(image), Map.of());
        return null;
      }
    });
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    return call(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, context, "", call -> stats());
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    requireNonNull(query, "query");
    return call(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, context, ImagesWire.auditQuery(query),
        call -> auditPage(query, call));
  }

  // ---------------------------------------------------------------- test levers

  /** The fault script of this fake: scripted and seeded-random faults, none until asked. */
  public FakeFaults faults() {
    return faults;
  }

  /**
   * The calls received since creation or {@link #clearCalls()}, in arrival order: the most recent
   * {@link Builder#callHistoryLimit} of them (default 10,000), so a long-running fake holds bounded
   * memory. {@link #callCount} counts every call, however many.
   */
  public List<RecordedCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /**
   * The calls of one operation among {@link #calls()}.
   *
   * @param operation the operation
   * @return the calls, in arrival order
   */
  public List<RecordedCall> calls(ImagesOperation operation) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.operation() == operation).toList();
    }
  }

  /**
   * How many calls of one operation arrived since creation or {@link #clearCalls()}.
   *
   * @param operation the operation
   * @return the count
   */
  public int callCount(ImagesOperation operation) {
    synchronized (calls) {
      return Math.toIntExact(callCounts[operation.ordinal()]);
    }
  }

  /** Forgets the recorded calls; state, audits and faults stay. */
  public void clearCalls() {
    synchronized (calls) {
      calls.clear();
      java.util.Arrays.fill(callCounts, 0);
    }
  }

  /** Every image held now, standard and custom, in default (insertion) order, downloads settled. */
  public List<Image> images() {
    synchronized (lock) {
      settle(now());
      return List.copyOf(images.values());
    }
  }

  /**
   * One image as it is now, downloads settled.
   *
   * @param imageId the id
   * @return the image, or empty when none has that id
   */
  public Optional<Image> image(String imageId) {
    synchronized (lock) {
      settle(now());
      return Optional.ofNullable(images.get(imageId));
    }
  }

  /** Every audit entry, oldest first. */
  public List<AuditEntry> audits() {
    synchronized (lock) {
      return List.copyOf(audits);
    }
  }

  /**
   * Stores an image exactly as given, replacing one with the same id: the way to set up any state.
   * A custom image in status {@code downloading} then downloads like a created one, ending at its
   * {@code creationDate} (or now, when it has none) plus the download duration.
   *
   * @param image the image; its id must be a valid image id
   * @return the image
   */
  public Image seed(Image image) {
    requireNonNull(image, "image");
    Checks.requireImageId("imageId", image.imageId());
    synchronized (lock) {
      images.put(image.imageId(), image);
      pending.remove(image.imageId());
      if (!image.standardImage() && image.isDownloading()) {
        Instant start = image.creationDate() == null ? now() : image.creationDate();
        pending.put(image.imageId(), new PendingDownload(start.plus(downloadDuration), failureFor(image.url())));
      }
    }
    return image;
  }

  /**
   * Replaces the whole state, as a state file read back at start would: every image and audit entry
   * held now is dropped, then {@code images} are {@link #seed seeded} in order (a {@code downloading}
   * custom image downloads on from its {@code creationDate}) and {@code audits} kept as given; the
   * next audit entry's id follows the highest one restored. Recorded calls and faults stay. Like
   * seeding, it writes no audit entry and checks no quota.
   *
   * @param images the images, each with a valid image id
   * @param audits the audit entries, oldest first
   */
  public void restore(List<Image> images, List<AuditEntry> audits) {
    requireNonNull(images, "images");
    requireNonNull(audits, "audits");
    for (Image image : images) {
      requireNonNull(image, "image");
      Checks.requireImageId("imageId", image.imageId());
    }
    List<AuditEntry> entries = List.copyOf(audits);
    synchronized (lock) {
      this.images.clear();
      pending.clear();
      this.audits.clear();
      images.forEach(this::seed);
      this.audits.addAll(entries);
      nextAuditId = entries.stream().mapToLong(AuditEntry::id).max().orElse(0) + 1;
    }
  }

  /**
   * Seeds a downloaded Linux custom image of the default size, created now.
   *
   * @param name its name
   * @return the image
   */
  public Image seedCustomImage(String name) {
    return seedCustomImage(name, defaultCustomImageSizeMb);
  }

  /**
   * Seeds a downloaded Linux custom image, created now, with a URL made from its name; the quota is
   * not checked, so a test can fill the storage.
   *
   * @param name its name
   * @param sizeMb its size in MB, 0 or more
   * @return the image
   */
  public Image seedCustomImage(String name, long sizeMb) {
    Checks.requireName("name", name);
    if (sizeMb < 0) {
      throw new IllegalArgumentException("sizeMb must not be negative, was " + sizeMb);
    }
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    Instant now = now();
    return seed(Image.builder()
        .imageId(UUID.randomUUID().toString())
        .tenantId(tenantId)
        .customerId(customerId)
        .name(name)
        .description("")
        .url("https://images.example.com/" + slug + ".qcow2")
        .sizeMb(sizeMb)
        .uploadedSizeMb(sizeMb)
        .osType(OsType.LINUX)
        .version("1.0")
        .format(ImageFormat.QCOW2)
        .status(ImageStatus.DOWNLOADED)
        .errorMessage("")
        .creationDate(now)
        .lastModifiedDate(now)
        .build());
  }

  /**
   * Seeds a standard image, created now; its id derives from its name, so seeding the same name
   * twice replaces it.
   *
   * @param name its name
   * @param osType its OS type
   * @param version its version
   * @return the image
   */
  public Image seedStandardImage(String name, OsType osType, String version) {
    Checks.requireName("name", name);
    Checks.requireName("version", version);
    requireNonNull(osType, "osType");
    return seed(StandardCatalogue.standardImage(name, name, osType, version, 2048, now(), tenantId, customerId));
  }

  /**
   * Ends a running download successfully now, whatever the clock says.
   *
   * @param imageId a custom image in status {@code downloading}
   * @return the image as it is now
   * @throws IllegalArgumentException if no custom image has that id
   * @throws IllegalStateException if it is not downloading
   */
  public Image completeDownload(String imageId) {
    return endDownload(imageId, null);
  }

  /**
   * Ends a running download with an error now, whatever the clock says.
   *
   * @param imageId a custom image in status {@code downloading}
   * @param errorMessage the image's {@code errorMessage}, not blank
   * @return the image as it is now
   * @throws IllegalArgumentException if no custom image has that id
   * @throws IllegalStateException if it is not downloading
   */
  public Image failDownload(String imageId, String errorMessage) {
    requireNonNull(errorMessage, "errorMessage");
    if (errorMessage.isBlank()) {
      throw new IllegalArgumentException("errorMessage must not be blank");
    }
    return endDownload(imageId, errorMessage);
  }

  /** The clock that dates images and audit entries and drives downloads. */
  public Clock clock() {
    return clock;
  }

  /** How long a custom image takes to download. */
  public Duration downloadDuration() {
    return downloadDuration;
  }

  /** The custom-image storage quota in MB. */
  public long storageQuotaMb() {
    return storageQuotaMb;
  }

  /** The size of a created custom image in MB. */
  public long defaultCustomImageSizeMb() {
    return defaultCustomImageSizeMb;
  }

  /** The account's tenant. */
  public TenantId tenantId() {
    return tenantId;
  }

  /** The account's customer id. */
  public String customerId() {
    return customerId;
  }

  /** The user id audit entries carry in {@code changedBy}. */
  public String userId() {
    return userId;
  }

  /** The user name audit entries carry. */
  public String username() {
    return username;
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "FakeImages{images=" + images.size() + ", audits=" + audits.size() + ", customerId=" + customerId + "}";
    }
  }

  // ---------------------------------------------------------------- internals

  private <T> T call(ImagesOperation operation, CallContext context, String arguments, Function<Call, T> action) {
    requireNonNull(context, "context");
    String requestId = context.newRequestId();
    String traceId = context.traceId().orElse(null);
    RecordedCall recorded = new RecordedCall(operation, requestId, traceId, arguments, now());
    synchronized (calls) {
      callCounts[operation.ordinal()]++;
      if (calls.size() == callHistoryLimit) {
        calls.removeFirst();
      }
      calls.addLast(recorded);
    }
    FakeFaults.Plan plan = faults.plan(operation);
    if (!plan.delay().isZero() && !plan.delay().isNegative()) {
      try {
        sleeper.sleep(plan.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImagesTransportException(operation, Failure.INTERRUPTED, Delivery.NOT_SENT,
            "fake: interrupted while simulating latency; nothing applied", e, context.requestIds(), traceId);
      }
    }
    Fault fault = plan.fault();
    if (fault != null && !fault.applied()) {
      throw fault.toException(operation, context);
    }
    T result = action.apply(new Call(operation, context, requestId, traceId));
    if (fault != null) {
      throw fault.toException(operation, context);
    }
    return result;
  }

  private CreatedImage create(CreateCustomImage request, Call call) {
    ImageFormat format = formatOf(request.url());
    Instant now = now();
    synchronized (lock) {
      settle(now);
      if (supportedFormats.stream().noneMatch(format::is)) {
        throw call.error(415, "Unsupported Media Type");
      }
      long used = usedSizeMb();
      long size = defaultCustomImageSizeMb;
      if (used + size > storageQuotaMb) {
        throw call.error(409, "Custom image storage quota exceeded: the image needs " + size + " MB, "
            + Math.max(0, storageQuotaMb - used) + " MB of " + storageQuotaMb + " MB are free");
      }
      String id = UUID.randomUUID().toString();
      Image image = Image.builder()
          .imageId(id)
          .tenantId(tenantId)
          .customerId(customerId)
          .name(request.name())
          .description(request.description() == null ? "" : request.description())
          .url(request.url())
          .sizeMb(size)
          .osType(request.osType())
          .version(request.version())
          .format(format)
          .status(ImageStatus.DOWNLOADING)
          .errorMessage("")
          .creationDate(now)
          .lastModifiedDate(now)
          .build();
      images.put(id, image);
      pending.put(id, new PendingDownload(now.plus(downloadDuration), failureFor(request.url())));
      audit(AuditAction.CREATED, image, call, now, Map.of(), describe(image));
      return CreatedImage.builder().imageId(id).tenantId(tenantId).customerId(customerId).build();
    }
  }

  private ImageRef update(String imageId, ImageUpdate update, Call call) {
    Instant now = now();
    synchronized (lock) {
      settle(now);
      Image image = changeable(imageId, call, "updated");
      Map<String, Object> prev = new LinkedHashMap<>();
      Map<String, Object> next = new LinkedHashMap<>();
      if (update.name() != null) {
        prev.put("name", nullToEmpty(image.name()));
        next.put("name", update.name());
      }
      if (update.description() != null) {
        prev.put("description", nullToEmpty(image.description()));
        next.put("description", update.description());
      }
      Image updated = rebuild(image, update.name() == null ? image.name() : update.name(),
          update.description() == null ? image.description() : update.description(), image.uploadedSizeMb(),
          image.status(), image.errorMessage(), now, image.tags());
      images.put(imageId, updated);
      audit(AuditAction.UPDATED, updated, call, now, prev, next);
      return ImageRef.builder()
          .imageId(imageId)
          .tenantId(image.tenantId())
          .customerId(image.customerId())
          .build();
    }
  }

  private Page<Image> list(ImageListQuery query, Call call) {
    requireSortable(IMAGE_FIELDS, query.orderBy(), call);
    List<Image> matching = new ArrayList<>();
    synchronized (lock) {
      settle(now());
      for (Image image : images.values()) {
        if (matches(image, query)) {
          matching.add(image);
        }
      }
    }
    return Listing.page(matching, IMAGE_FIELDS, query.orderBy(), query.page(), query.size(),
        (page, size) -> ImagesWire.IMAGES_PATH + "?"
            + ImagesWire.listQuery(query.toBuilder().page(page).size(size).build()));
  }

  private ImageStats stats() {
    synchronized (lock) {
      settle(now());
      long count = images.values().stream().filter(i -> !i.standardImage()).count();
      long used = usedSizeMb();
      return ImageStats.builder()
          .tenantId(tenantId)
          .customerId(customerId)
          .currentImagesCount(count)
          .totalSizeMb(storageQuotaMb)
          .usedSizeMb(used)
          .freeSizeMb(Math.max(0, storageQuotaMb - used))
          .build();
    }
  }

  private Page<AuditEntry> auditPage(AuditQuery query, Call call) {
    requireSortable(AUDIT_FIELDS, query.orderBy(), call);
    List<AuditEntry> matching = new ArrayList<>();
    synchronized (lock) {
      for (AuditEntry entry : audits) {
        if (matches(entry, query)) {
          matching.add(entry);
        }
      }
    }
    return Listing.page(matching, AUDIT_FIELDS, query.orderBy(), query.page(), query.size(),
        (page, size) -> ImagesWire.AUDITS_PATH + "?"
            + ImagesWire.auditQuery(query.toBuilder().page(page).size(size).build()));
  }

  private static <T> void requireSortable(Listing.Fields<T> fields, List<SortOrder> orders,
      Call call) {
    String unknown = fields.unknownField(orders);
    if (unknown != null) {
      throw call.error(400, "orderBy field '" + unknown + "' is not sortable; sortable fields: " + fields.names());
    }
  }

  private static boolean matches(Image image, ImageListQuery query) {
    if (query.standardImage() != null && image.standardImage() != query.standardImage()) {
      return false;
    }
    if (query.name() != null && !lower(image.name()).contains(lower(query.name()))) {
      return false;
    }
    return query.search() == null || matchesSearch(image, query.search());
  }

  private static boolean matchesSearch(Image image, String search) {
    if (search.isBlank()) {
      return true;
    }
    String text = String.join(" ", lower(image.name()), lower(image.description()),
        image.osType() == null ? "" : lower(image.osType().value()), lower(image.version()));
    for (String alternative : OR.split(search.trim())) {
      boolean all = true;
      for (String word : SPACES.split(alternative.trim())) {
        if (!word.isEmpty() && !text.contains(lower(word))) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(AuditEntry entry, AuditQuery query) {
    if (query.imageId() != null && !query.imageId().equals(entry.imageId())) {
      return false;
    }
    if (query.requestId() != null && !entry.madeBy(query.requestId())) {
      return false;
    }
    if (query.changedBy() != null && !query.changedBy().equals(entry.changedBy())) {
      return false;
    }
    if (query.startDate() == null && query.endDate() == null) {
      return true;
    }
    if (entry.timestamp() == null) {
      return false;
    }
    LocalDate day = LocalDate.ofInstant(entry.timestamp(), ZoneOffset.UTC);
    return (query.startDate() == null || !day.isBefore(query.startDate()))
        && (query.endDate() == null || !day.isAfter(query.endDate()));
  }

  private Image existing(String imageId, Call call) {
    Image image = images.get(imageId);
    if (image == null) {
      throw call.error(404, "Entry Image not found by imageId " + imageId);
    }
    return image;
  }

  private Image changeable(String imageId, Call call, String verb) {
    Image image = existing(imageId, call);
    if (image.standardImage()) {
      throw call.error(403, "Forbidden: image " + imageId + " is a standard image and cannot be " + verb);
    }
    return image;
  }

  private Image endDownload(String imageId, @Nullable String failure) {
    requireNonNull(imageId, "imageId");
    Instant now = now();
    synchronized (lock) {
      settle(now);
      Image image = images.get(imageId);
      if (image == null || image.standardImage()) {
        throw new IllegalArgumentException("no custom image has id " + imageId);
      }
      if (!image.isDownloading()) {
        throw new IllegalStateException("image " + imageId + " is not downloading but " + image.status());
      }
      pending.remove(imageId);
      Image ended = finished(image, failure, now);
      images.put(imageId, ended);
      return ended;
    }
  }

  /** Ends every download whose time has come; guarded by {@code lock}. */
  private void settle(Instant now) {
    if (pending.isEmpty()) {
      return;
    }
    for (Iterator<Map.Entry<String, PendingDownload>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, PendingDownload> entry = it.next();
      PendingDownload download = entry.getValue();
      if (download.due().isAfter(now)) {
        continue;
      }
      it.remove();
      Image image = images.get(entry.getKey());
      if (image != null && image.isDownloading()) {
        images.put(image.imageId(), finished(image, download.failure(), download.due()));
      }
    }
  }

  private static Image finished(Image image, @Nullable String failure, Instant at) {
    return failure == null
        ? rebuild(image, image.name(), image.description(), image.sizeMb(), ImageStatus.DOWNLOADED, "", at, image.tags())
        : rebuild(image, image.name(), image.description(), 0, ImageStatus.ERROR, failure, at, image.tags());
  }

  private static Image rebuild(Image i, @Nullable String name, @Nullable String description, long uploadedSizeMb,
      @Nullable ImageStatus status, @Nullable String errorMessage, @Nullable Instant modified, List<ImageTag> tags) {
    return i.toBuilder()
        .name(name)
        .description(description)
        .uploadedSizeMb(uploadedSizeMb)
        .status(status)
        .errorMessage(errorMessage)
        .lastModifiedDate(modified)
        .tags(tags)
        .build();
  }

  /** Guarded by {@code lock}. */
  private long usedSizeMb() {
    return images.values().stream().filter(i -> !i.standardImage()).mapToLong(Image::sizeMb).sum();
  }

  /** Guarded by {@code lock}. */
  private void audit(AuditAction action, Image image, Call call, Instant at, Map<String, Object> prev,
      Map<String, Object> next) {
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("prev", Collections.unmodifiableMap(new LinkedHashMap<>(prev)));
    changes.put("new", Collections.unmodifiableMap(new LinkedHashMap<>(next)));
    audits.add(AuditEntry.builder()
        .id(nextAuditId++)
        .action(action)
        .timestamp(at)
        .tenantId(image.tenantId())
        .customerId(image.customerId())
        .changedBy(userId)
        .username(username)
        .requestId(call.requestId())
        .traceId(call.traceId() == null ? "" : call.traceId())
        .imageId(image.imageId())
        .changes(changes)
        .build());
  }

  /** The user-set fields of an image, for audit changes. */
  private static Map<String, Object> describe(Image image) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", nullToEmpty(image.name()));
    fields.put("description", nullToEmpty(image.description()));
    fields.put("url", nullToEmpty(image.url()));
    fields.put("osType", image.osType() == null ? "" : image.osType().value());
    fields.put("version", nullToEmpty(image.version()));
    return fields;
  }

  private static ImageFormat formatOf(String url) {
    String path = URI.create(url).getPath();
    return lower(path).endsWith(".iso") ? ImageFormat.ISO : ImageFormat.QCOW2;
  }

  /** The errorMessage a download from {@code url} ends with, or null when it succeeds. */
  private @Nullable String failureFor(@Nullable String url) {
    if (url == null || url.isEmpty()) {
      return null;
    }
    String message = downloadFailures.apply(url).orElse(null);
    return message == null || message.isBlank() ? null : message;
  }

  /**
   * The default failing-URL rule: a host named {@code invalid} or ending in {@code .invalid} fails
   * with {@value #DOWNLOAD_FAILED_MESSAGE}, as does a URL that cannot be parsed.
   *
   * @param url the image's source URL
   * @return the errorMessage, or empty when the download succeeds
   */
  public static Optional<String> invalidHostFails(String url) {
    return Optional.ofNullable(invalidHostFailure(url));
  }

  private static @Nullable String invalidHostFailure(String url) {
    try {
      String host = lower(URI.create(url).getHost());
      return host.equals("invalid") || host.endsWith(".invalid") ? DOWNLOAD_FAILED_MESSAGE : null;
    } catch (IllegalArgumentException e) {
      return DOWNLOAD_FAILED_MESSAGE;
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String lower(@Nullable String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static void requireNonNull(@Nullable Object value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
  }

  /**
   * Builds a {@link FakeImages}. Defaults: system UTC clock, downloads take 30 s, quota {@value #DEFAULT_STORAGE_QUOTA_MB} MB, created images
   * {@value #DEFAULT_CUSTOM_IMAGE_SIZE_MB} MB, formats {@code iso} and {@code qcow2}, the standard
   * catalogue seeded, tenant {@code DE}, customer {@value #DEFAULT_CUSTOMER_ID}, user {@value
   * #DEFAULT_USERNAME} ({@value #DEFAULT_USER_ID}), and a sleeper that really sleeps, used only for
   * latency a test asks for.
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration downloadDuration = DEFAULT_DOWNLOAD_DURATION;
    private long storageQuotaMb = DEFAULT_STORAGE_QUOTA_MB;
    private long defaultCustomImageSizeMb = DEFAULT_CUSTOM_IMAGE_SIZE_MB;
    private boolean seedStandardImages = true;
    private TenantId tenantId = TenantId.DE;
    private String customerId = DEFAULT_CUSTOMER_ID;
    private String userId = DEFAULT_USER_ID;
    private String username = DEFAULT_USERNAME;
    private Sleeper sleeper = Sleeper.system();
    private Set<ImageFormat> supportedFormats = Set.of(ImageFormat.ISO, ImageFormat.QCOW2);
    private Function<String, Optional<String>> downloadFailures = FakeImages::invalidHostFails;

    private int callHistoryLimit = 10_000;

    private Builder() {}

    /**
     * How many recent calls {@link FakeImages#calls()} keeps (default 10,000); older ones are
     * dropped, while {@link FakeImages#callCount} keeps counting every call.
     *
     * @param limit at least 1
     * @return this builder
     */
    public Builder callHistoryLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("callHistoryLimit must be at least 1, was " + limit);
      }
      this.callHistoryLimit = limit;
      return this;
    }

    /**
     * Sets the clock (default {@link Clock#systemUTC()}); a {@link MutableClock} gives tests virtual
     * time.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      requireNonNull(clock, "clock");
      this.clock = clock;
      return this;
    }

    /**
     * Sets how long a custom image downloads (default 30 s).
     *
     * @param downloadDuration zero or more; zero completes a download on the next read
     * @return this builder
     */
    public Builder downloadDuration(Duration downloadDuration) {
      requireNonNull(downloadDuration, "downloadDuration");
      if (downloadDuration.isNegative()) {
        throw new IllegalArgumentException("downloadDuration must not be negative, was " + downloadDuration);
      }
      this.downloadDuration = downloadDuration;
      return this;
    }

    /**
     * Sets the custom-image storage quota (default {@value #DEFAULT_STORAGE_QUOTA_MB} MB).
     *
     * @param storageQuotaMb 0 or more
     * @return this builder
     */
    public Builder storageQuotaMb(long storageQuotaMb) {
      if (storageQuotaMb < 0) {
        throw new IllegalArgumentException("storageQuotaMb must not be negative, was " + storageQuotaMb);
      }
      this.storageQuotaMb = storageQuotaMb;
      return this;
    }

    /**
     * Sets the size of every created custom image (default {@value #DEFAULT_CUSTOM_IMAGE_SIZE_MB} MB).
     *
     * @param sizeMb 1 or more
     * @return this builder
     */
    public Builder defaultCustomImageSizeMb(long sizeMb) {
      if (sizeMb < 1) {
        throw new IllegalArgumentException("defaultCustomImageSizeMb must be at least 1, was " + sizeMb);
      }
      this.defaultCustomImageSizeMb = sizeMb;
      return this;
    }

    /**
     * Whether the fake starts with the standard catalogue (default true).
     *
     * @param seed false for an empty fake
     * @return this builder
     */
    public Builder seedStandardImages(boolean seed) {
      this.seedStandardImages = seed;
      return this;
    }

    /**
     * Sets the account's tenant (default {@code DE}).
     *
     * @param tenantId the tenant
     * @return this builder
     */
    public Builder tenantId(TenantId tenantId) {
      requireNonNull(tenantId, "tenantId");
      this.tenantId = tenantId;
      return this;
    }

    /**
     * Sets the account's customer id (default {@value #DEFAULT_CUSTOMER_ID}).
     *
     * @param customerId not blank
     * @return this builder
     */
    public Builder customerId(String customerId) {
      Checks.requireName("customerId", customerId);
      this.customerId = customerId;
      return this;
    }

    /**
     * Sets the user that audit entries name.
     *
     * @param userId the {@code changedBy} value, not blank
     * @param username the {@code username} value, not blank
     * @return this builder
     */
    public Builder user(String userId, String username) {
      Checks.requireName("userId", userId);
      Checks.requireName("username", username);
      this.userId = userId;
      this.username = username;
      return this;
    }

    /**
     * Sets the sleeper that simulated latency waits through (default {@link Sleeper#system()}); the
     * fake never waits unless a fault asks for latency.
     *
     * @param sleeper the sleeper, e.g. {@link MutableClock#sleeper()}
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      requireNonNull(sleeper, "sleeper");
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Sets the formats a create accepts (default {@code iso} and {@code qcow2}); a create of another
     * format gets 415. Narrowing it is how a test reaches the 415 path through a client that
     * validates URLs before sending.
     *
     * @param first a format
     * @param more further formats
     * @return this builder
     */
    public Builder supportedFormats(ImageFormat first, ImageFormat... more) {
      requireNonNull(first, "supportedFormats");
      List<ImageFormat> all = new ArrayList<>();
      all.add(first);
      all.addAll(List.of(more));
      this.supportedFormats = Set.copyOf(all);
      return this;
    }

    /**
     * Sets which downloads fail, and how (default {@link FakeImages#invalidHostFails}): the rule
     * maps an image's source URL to the {@code errorMessage} its download ends with, or to empty
     * when it succeeds. Asked once per download, when it starts (on create, seed or restore).
     *
     * @param rule the rule; it must not throw
     * @return this builder
     */
    public Builder downloadFailures(Function<String, Optional<String>> rule) {
      requireNonNull(rule, "downloadFailures");
      this.downloadFailures = rule;
      return this;
    }

    /** Builds the fake. */
    public FakeImages build() {
      return new FakeImages(this);
    }
  }
}
