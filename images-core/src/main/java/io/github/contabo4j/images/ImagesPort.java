package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.PageWalker;
import io.github.contabo4j.images.internal.DownloadWaiter;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The Contabo Compute Images API as one synchronous Java interface: the port every adapter implements
 * (the JDK and Feign transports, the testkit's in-memory fake, the resilience decorator).
 *
 * <p><b>Operations.</b> One abstract method per API operation, each taking a small request value and a
 * {@link CallContext}; an overload without the context creates a fresh one. The vendor's operation ids
 * map as follows: {@code createCustomImage}, {@code retrieveImageList}, {@code retrieveImage}, {@code
 * updateImage}, {@code deleteImage}, {@code retrieveCustomImagesStats}, {@code
 * retrieveImageAuditsList}.
 *
 * <p><b>Thread-safety.</b> Implementations are thread-safe: one instance serves a whole application.
 *
 * <p><b>Image ids.</b> An {@code imageId} a caller passes is non-blank, at most 128 characters of
 * {@code A-Z a-z 0-9 - . _ ~}, not {@code .} or {@code ..}, and not {@code stats} or {@code audits}
 * in any case, so it cannot reach another route. A bad id is an {@link InvalidRequestException}
 * before any I/O.
 *
 * <p><b>Not found.</b> An id that names no image visible to this account, whether never created,
 * deleted, or mistyped, raises {@link ImageNotFoundException} (HTTP 404) from {@code retrieveImage},
 * {@code updateImage} and {@code deleteImage}. List and audit queries that match nothing return an
 * empty page, never an exception.
 *
 * <p><b>Exceptions.</b> Bad input: {@link InvalidRequestException}, nothing sent. The service
 * answered with an error: an {@link ImagesServiceException} subclass. No usable answer: {@link
 * ImagesTransportException}. Both carry every request id the call sent.
 */
public interface ImagesPort {

  /**
   * Uploads a custom image from a URL ({@code POST /v1/compute/images}). The image starts in status
   * {@code downloading} and moves to {@code downloaded} or {@code error}.
   *
   * @param request what to upload, validated on construction
   * @param context the call's ids
   * @return the new image's id
   * @throws UnsupportedImageFormatException if the service rejects the file format (415)
   * @throws ConflictException if the custom-image storage quota would be exceeded
   */
  CreatedImage createCustomImage(CreateCustomImage request, CallContext context);

  /**
   * Lists images, standard and custom, with filters, search, order and paging ({@code GET
   * /v1/compute/images}).
   *
   * @param query filters, order and paging
   * @param context the call's ids
   * @return one page; an empty page when nothing matches
   */
  Page<Image> retrieveImageList(ImageListQuery query, CallContext context);

  /**
   * Gets one image ({@code GET /v1/compute/images/{imageId}}).
   *
   * @param imageId the image's id
   * @param context the call's ids
   * @return the image
   * @throws ImageNotFoundException if no such image exists
   */
  Image retrieveImage(String imageId, CallContext context);

  /**
   * Renames and/or describes a custom image ({@code PATCH /v1/compute/images/{imageId}}).
   *
   * @param imageId the image's id
   * @param update the new name and/or description
   * @param context the call's ids
   * @return which image changed
   * @throws ImageNotFoundException if no such image exists
   * @throws PermissionDeniedException if it is a standard image
   */
  ImageRef updateImage(String imageId, ImageUpdate update, CallContext context);

  /**
   * Deletes a custom image ({@code DELETE /v1/compute/images/{imageId}}).
   *
   * @param imageId the image's id
   * @param context the call's ids
   * @throws ImageNotFoundException if no such image exists
   * @throws PermissionDeniedException if it is a standard image
   */
  void deleteImage(String imageId, CallContext context);

  /**
   * Reads custom-image storage statistics ({@code GET /v1/compute/images/stats}).
   *
   * @param context the call's ids
   * @return the statistics
   */
  ImageStats retrieveCustomImagesStats(CallContext context);

  /**
   * Reads the audit history of images ({@code GET /v1/compute/images/audits}): which request
   * created, updated or deleted what.
   *
   * @param query filters, order and paging
   * @param context the call's ids
   * @return one page; an empty page when nothing matches
   */
  Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context);

  /**
   * {@link #createCustomImage(CreateCustomImage, CallContext)} with a fresh context.
   *
   * @param request what to upload
   * @return the new image's id
   */
  default CreatedImage createCustomImage(CreateCustomImage request) {
    return createCustomImage(request, CallContext.create());
  }

  /**
   * {@link #retrieveImageList(ImageListQuery, CallContext)} with a fresh context.
   *
   * @param query filters, order and paging
   * @return one page
   */
  default Page<Image> retrieveImageList(ImageListQuery query) {
    return retrieveImageList(query, CallContext.create());
  }

  /**
   * {@link #retrieveImage(String, CallContext)} with a fresh context.
   *
   * @param imageId the image's id
   * @return the image
   */
  default Image retrieveImage(String imageId) {
    return retrieveImage(imageId, CallContext.create());
  }

  /**
   * {@link #updateImage(String, ImageUpdate, CallContext)} with a fresh context.
   *
   * @param imageId the image's id
   * @param update the new name and/or description
   * @return which image changed
   */
  default ImageRef updateImage(String imageId, ImageUpdate update) {
    return updateImage(imageId, update, CallContext.create());
  }

  /**
   * {@link #deleteImage(String, CallContext)} with a fresh context.
   *
   * @param imageId the image's id
   */
  default void deleteImage(String imageId) {
    deleteImage(imageId, CallContext.create());
  }

  /**
   * {@link #retrieveCustomImagesStats(CallContext)} with a fresh context.
   *
   * @return the statistics
   */
  default ImageStats retrieveCustomImagesStats() {
    return retrieveCustomImagesStats(CallContext.create());
  }

  /**
   * {@link #retrieveImageAuditsList(AuditQuery, CallContext)} with a fresh context.
   *
   * @param query filters, order and paging
   * @return one page
   */
  default Page<AuditEntry> retrieveImageAuditsList(AuditQuery query) {
    return retrieveImageAuditsList(query, CallContext.create());
  }

  /**
   * Every image matching the query, across all pages, as a lazy stream. Every page keeps the query's
   * filters, search, order and page size; a page is fetched only when the previous one is used up,
   * so after {@code k} elements at most {@code ceil(k / size) + 1} pages have been fetched. The walk
   * starts at the query's page (default 1) and stops on an empty page, after the last page the
   * service announced, or when a page repeats the previous one. Each page is one ordinary call, with
   * its own fresh context, through this port (and so through any decorator around it).
   *
   * <p>A page {@code size} above {@value PageWalker#MAX_PAGE_SIZE} is lowered to it, so every page
   * fits the default response-size limit (4 MiB) even when each entry is as large as the service
   * allows; the query's {@code page} then counts pages of that size. Without a size, the service's
   * default applies.
   *
   * @param query filters, order and page size
   * @return the images; close or abandon it at any point, nothing is held open
   */
  default Stream<Image> streamImages(ImageListQuery query) {
    int first = query.page() == null ? 1 : query.page();
    ImageListQuery sized = query.size() != null && query.size() > PageWalker.MAX_PAGE_SIZE
        ? query.toBuilder().size(PageWalker.MAX_PAGE_SIZE).build()
        : query;
    return PageWalker.stream(page -> retrieveImageList(sized.withPage(page)), first);
  }

  /**
   * Every audit entry matching the query, across all pages, as a lazy stream; as {@link
   * #streamImages}, a page {@code size} above {@value PageWalker#MAX_PAGE_SIZE} included.
   *
   * @param query filters, order and page size
   * @return the entries
   */
  default Stream<AuditEntry> streamAudits(AuditQuery query) {
    int first = query.page() == null ? 1 : query.page();
    AuditQuery sized = query.size() != null && query.size() > PageWalker.MAX_PAGE_SIZE
        ? query.toBuilder().size(PageWalker.MAX_PAGE_SIZE).build()
        : query;
    return PageWalker.stream(page -> retrieveImageAuditsList(sized.withPage(page)), first);
  }

  /**
   * Waits until a custom image has downloaded: polls {@link #retrieveImage(String, CallContext)} until
   * its status reads {@code downloaded} (ignoring case) and returns the image as that poll read it.
   *
   * <p><b>Polls.</b> Each poll is one ordinary {@code retrieveImage} call with a fresh context,
   * through this port: behind the resilience decorator (every transport client has it) each poll is
   * retried, rate limited and reported to the listener like any call. The first poll goes out at
   * once; the wait before the next starts at the policy's {@code backoffBase} (at least 100 ms) and
   * grows by its {@code backoffMultiplier} up to 10 s between polls (with the defaults: 200 ms, 400
   * ms, ... 6.4 s, then every 10 s). No wait reaches past the timeout: the last one ends on it and one
   * final poll follows. The decorator and the transport clients wait and measure on their injected
   * clock and sleeper; this default implementation, on a plain port such as the testkit's fake, on
   * the system's monotonic time with the default policy's schedule.
   *
   * <p>A status other than {@code downloading}, {@code downloaded} and {@code error} (the enum is
   * open) keeps the wait going. A poll in flight when the timeout passes is not cut short; it is
   * bounded by the policy's own timeouts.
   *
   * @param imageId the image's id
   * @param timeout how long to wait in all: zero polls once; at most one day
   * @return the image, status {@code downloaded}
   * @throws ImageDownloadFailedException if the image reads {@code error}; it carries the image's
   *     {@code errorMessage}
   * @throws ImageNotFoundException if no such image exists (any poll, e.g. it was deleted meanwhile)
   * @throws DownloadTimeoutException (an {@code ImagesTransportException} with failure {@code
   *     TIMEOUT} and delivery {@code ANSWERED}) if the image is still not downloaded when the timeout
   *     passes; it names the last status and the number of polls
   * @throws ImagesTransportException with failure {@code INTERRUPTED} if the thread is interrupted
   *     while waiting (the flag stays set)
   * @throws InvalidRequestException for a bad id or a negative or longer timeout, before any poll
   * @throws ImagesException any other failure of a poll that the poll's own retries did not absorb
   */
  default Image awaitDownloaded(String imageId, Duration timeout) {
    return DownloadWaiter.system().await(this, imageId, timeout);
  }
}
