package io.github.contabo4j.images;

import io.github.contabo4j.images.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One call of one {@link ImagesOperation}: the operation, its input and its {@link CallContext}. It
 * is what an {@link ImagesInterceptor} sees and passes on, and what every layer of a client (the
 * interceptors, the resilience and 401 layers, the wire) handles through one method, {@link
 * ImagesCallHandler#handle}, instead of seven.
 *
 * <p>The seven operations are described here once: a factory each, and {@link #accept(Visitor)},
 * which hands the typed input to the matching method of a {@link Visitor}. {@link #sendTo(ImagesPort)}
 * is that dispatch onto any port. Immutable and thread-safe (the context it carries collects the
 * request ids of its attempts).
 *
 * @param <R> what the operation returns ({@link Void} for {@link ImagesOperation#DELETE_IMAGE})
 */
public final class ImagesCall<R> {
  private final ImagesOperation operation;
  private final CallContext context;
  private final @Nullable String imageId;
  private final @Nullable Object input;

  private ImagesCall(
      ImagesOperation operation, CallContext context, @Nullable String imageId, @Nullable Object input) {
    this.operation = operation;
    this.context = Objects.requireNonNull(context, "context == null");
    this.imageId = imageId;
    this.input = input;
  }

  /**
   * Handles each operation with its typed input: the one place a new operation is added for every
   * layer that needs the input (the wire's encoder, a transport's mapping onto its HTTP API, {@link
   * #sendTo}).
   *
   * @param <T> what the visitor makes of a call
   */
  public interface Visitor<T> {
    /** {@link ImagesOperation#CREATE_CUSTOM_IMAGE}. */
    T createCustomImage(CreateCustomImage request, CallContext context);

    /** {@link ImagesOperation#RETRIEVE_IMAGE_LIST}. */
    T retrieveImageList(ImageListQuery query, CallContext context);

    /** {@link ImagesOperation#RETRIEVE_IMAGE}. */
    T retrieveImage(String imageId, CallContext context);

    /** {@link ImagesOperation#UPDATE_IMAGE}. */
    T updateImage(String imageId, ImageUpdate update, CallContext context);

    /** {@link ImagesOperation#DELETE_IMAGE}. */
    T deleteImage(String imageId, CallContext context);

    /** {@link ImagesOperation#RETRIEVE_CUSTOM_IMAGES_STATS}. */
    T retrieveCustomImagesStats(CallContext context);

    /** {@link ImagesOperation#RETRIEVE_IMAGE_AUDITS_LIST}. */
    T retrieveImageAuditsList(AuditQuery query, CallContext context);
  }

  /**
   * A call of {@link ImagesOperation#CREATE_CUSTOM_IMAGE}.
   *
   * @param request what to create
   * @param context the call's context
   * @return the call
   */
  public static ImagesCall<CreatedImage> createCustomImage(CreateCustomImage request, CallContext context) {
    Objects.requireNonNull(request, "request == null");
    return new ImagesCall<>(ImagesOperation.CREATE_CUSTOM_IMAGE, context, null, request);
  }

  /**
   * A call of {@link ImagesOperation#RETRIEVE_IMAGE_LIST}.
   *
   * @param query the filters, sort and page
   * @param context the call's context
   * @return the call
   */
  public static ImagesCall<Page<Image>> retrieveImageList(ImageListQuery query, CallContext context) {
    Objects.requireNonNull(query, "query == null");
    return new ImagesCall<>(ImagesOperation.RETRIEVE_IMAGE_LIST, context, null, query);
  }

  /**
   * A call of {@link ImagesOperation#RETRIEVE_IMAGE}.
   *
   * @param imageId the image
   * @param context the call's context
   * @return the call
   */
  public static ImagesCall<Image> retrieveImage(String imageId, CallContext context) {
    Checks.requireImageId("imageId", imageId);
    return new ImagesCall<>(ImagesOperation.RETRIEVE_IMAGE, context, imageId, null);
  }

  /**
   * A call of {@link ImagesOperation#UPDATE_IMAGE}.
   *
   * @param imageId the image
   * @param update the new name and description
   * @param context the call's context
   * @return the call
   */
  public static ImagesCall<ImageRef> updateImage(String imageId, ImageUpdate update, CallContext context) {
    Checks.requireImageId("imageId", imageId);
    Objects.requireNonNull(update, "update == null");
    return new ImagesCall<>(ImagesOperation.UPDATE_IMAGE, context, imageId, update);
  }

  /**
   * A call of {@link ImagesOperation#DELETE_IMAGE}.
   *
   * @param imageId the image
   * @param context the call's context
   * @return the call
   */
  public static ImagesCall<Void> deleteImage(String imageId, CallContext context) {
    Checks.requireImageId("imageId", imageId);
    return new ImagesCall<>(ImagesOperation.DELETE_IMAGE, context, imageId, null);
  }

  /**
   * A call of {@link ImagesOperation#RETRIEVE_CUSTOM_IMAGES_STATS}.
   *
   * @param context the call's context
   * @return the call
   */
  public static ImagesCall<ImageStats> retrieveCustomImagesStats(CallContext context) {
    return new ImagesCall<>(ImagesOperation.RETRIEVE_CUSTOM_IMAGES_STATS, context, null, null);
  }

  /**
   * A call of {@link ImagesOperation#RETRIEVE_IMAGE_AUDITS_LIST}.
   *
   * @param query the filters, sort and page
   * @param context the call's context
   * @return the call
   */
  public static ImagesCall<Page<AuditEntry>> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    Objects.requireNonNull(query, "query == null");
    return new ImagesCall<>(ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST, context, null, query);
  }

  /** The operation. */
  public ImagesOperation operation() {
    return operation;
  }

  /** The call's context: its trace id and the request ids of its attempts so far. */
  public CallContext context() {
    return context;
  }

  /** The image the call names, for the operations that name one. */
  public Optional<String> imageId() {
    return Optional.ofNullable(imageId);
  }

  /**
   * The same call with another context, e.g. one that carries a trace id.
   *
   * @param context the context
   * @return the call
   */
  public ImagesCall<R> withContext(CallContext context) {
    return new ImagesCall<>(operation, context, imageId, input);
  }

  /**
   * Hands the call's typed input to the visitor's method for its operation.
   *
   * @param visitor the visitor
   * @param <T> what the visitor returns
   * @return what the visitor returned
   */
  public <T> T accept(Visitor<T> visitor) {
    switch (operation) {
      case CREATE_CUSTOM_IMAGE:
        return visitor.createCustomImage((CreateCustomImage) input, context);
      case RETRIEVE_IMAGE_LIST:
        return visitor.retrieveImageList((ImageListQuery) input, context);
      case RETRIEVE_IMAGE:
        return visitor.retrieveImage(imageId, context);
      case UPDATE_IMAGE:
        return visitor.updateImage(imageId, (ImageUpdate) input, context);
      case DELETE_IMAGE:
        return visitor.deleteImage(imageId, context);
      case RETRIEVE_CUSTOM_IMAGES_STATS:
        return visitor.retrieveCustomImagesStats(context);
      case RETRIEVE_IMAGE_AUDITS_LIST:
        return visitor.retrieveImageAuditsList((AuditQuery) input, context);
      default:
        throw new AssertionError(operation);
    }
  }

  /**
   * Makes the call on a port: the port's method for the operation, with this call's input and
   * context.
   *
   * @param port the port
   * @return what the port returned ({@code null} for a delete)
   */
  @SuppressWarnings("unchecked")
  public R sendTo(ImagesPort port) {
    Objects.requireNonNull(port, "port == null");
    if (port instanceof ImagesCallHandler) {
      return ((ImagesCallHandler) port).handle(this); // no detour through the seven methods
    }
    return (R) accept(new Visitor<Object>() {
      @Override
      public Object createCustomImage(CreateCustomImage request, CallContext context) {
        return port.createCustomImage(request, context);
      }

      @Override
      public Object retrieveImageList(ImageListQuery query, CallContext context) {
        return port.retrieveImageList(query, context);
      }

      @Override
      public Object retrieveImage(String imageId, CallContext context) {
        return port.retrieveImage(imageId, context);
      }

      @Override
      public Object updateImage(String imageId, ImageUpdate update, CallContext context) {
        return port.updateImage(imageId, update, context);
      }

      @Override
      public @Nullable Object deleteImage(String imageId, CallContext context) {
        port.deleteImage(imageId, context);
        return null;
      }

      @Override
      public Object retrieveCustomImagesStats(CallContext context) {
        return port.retrieveCustomImagesStats(context);
      }

      @Override
      public Object retrieveImageAuditsList(AuditQuery query, CallContext context) {
        return port.retrieveImageAuditsList(query, context);
      }
    });
  }

  @Override
  public String toString() {
    // The operation and image id only: an input may carry a presigned URL, whose query is a credential.
    return operation.operationId() + (imageId == null ? "" : "(" + imageId + ")");
  }
}
