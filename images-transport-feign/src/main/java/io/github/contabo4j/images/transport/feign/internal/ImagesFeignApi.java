package io.github.contabo4j.images.transport.feign.internal;

import static io.github.contabo4j.images.internal.wire.ImagesWire.AUDITS_PATH;
import static io.github.contabo4j.images.internal.wire.ImagesWire.IMAGES_PATH;
import static io.github.contabo4j.images.internal.wire.ImagesWire.STATS_PATH;

import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.Page;
import java.util.List;
import java.util.Map;

/**
 * The Contabo Images API as a Feign interface, one method per operation, named after the vendor's
 * {@code operationId}s. Paths come from core's wire constants; headers, query values and bodies come
 * already encoded from core's {@code ImagesWire}, so Feign only assembles and sends them.
 */
public interface ImagesFeignApi {

  /**
   * {@code createCustomImage}.
   *
   * @param headers core's headers for this attempt
   * @param body core's JSON body
   * @return the new image
   */
  @RequestLine("POST " + IMAGES_PATH)
  CreatedImage createCustomImage(@HeaderMap Map<String, String> headers, byte[] body);

  /**
   * {@code retrieveImageList}.
   *
   * @param headers core's headers for this attempt
   * @param query core's encoded query parameters
   * @return one page
   */
  @RequestLine("GET " + IMAGES_PATH)
  Page<Image> retrieveImageList(
      @HeaderMap Map<String, String> headers, @QueryMap(encoded = true) Map<String, List<String>> query);

  /**
   * {@code retrieveImage}.
   *
   * @param headers core's headers for this attempt
   * @param imageId the validated id (one unreserved path segment)
   * @return the image
   */
  @RequestLine("GET " + IMAGES_PATH + "/{imageId}")
  Image retrieveImage(@HeaderMap Map<String, String> headers, @Param("imageId") String imageId);

  /**
   * {@code updateImage}.
   *
   * @param headers core's headers for this attempt
   * @param imageId the validated id
   * @param body core's JSON body
   * @return which image changed
   */
  @RequestLine("PATCH " + IMAGES_PATH + "/{imageId}")
  ImageRef updateImage(@HeaderMap Map<String, String> headers, @Param("imageId") String imageId, byte[] body);

  /**
   * {@code deleteImage}.
   *
   * @param headers core's headers for this attempt
   * @param imageId the validated id
   */
  @RequestLine("DELETE " + IMAGES_PATH + "/{imageId}")
  void deleteImage(@HeaderMap Map<String, String> headers, @Param("imageId") String imageId);

  /**
   * {@code retrieveCustomImagesStats}.
   *
   * @param headers core's headers for this attempt
   * @return the statistics
   */
  @RequestLine("GET " + STATS_PATH)
  ImageStats retrieveCustomImagesStats(@HeaderMap Map<String, String> headers);

  /**
   * {@code retrieveImageAuditsList}.
   *
   * @param headers core's headers for this attempt
   * @param query core's encoded query parameters
   * @return one page
   */
  @RequestLine("GET " + AUDITS_PATH)
  Page<AuditEntry> retrieveImageAuditsList(
      @HeaderMap Map<String, String> headers, @QueryMap(encoded = true) Map<String, List<String>> query);
}
