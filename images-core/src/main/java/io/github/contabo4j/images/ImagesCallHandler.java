package io.github.contabo4j.images;

/**
 * An {@link ImagesPort} whose seven operations all arrive at one method, {@link #handle}: the base of
 * every layer of a client (the client itself, the resilience and 401 layers, the wire) and of ports
 * that treat every operation alike, so none of them forwards seven methods by hand. A subclass
 * implements {@link #handle} and passes a call on with {@link ImagesCall#sendTo(ImagesPort)}.
 */
public abstract class ImagesCallHandler implements ImagesPort {

  /** For subclasses. */
  protected ImagesCallHandler() {}

  /**
   * Handles one call of any operation.
   *
   * @param call the call
   * @param <R> what the operation returns
   * @return the operation's result ({@code null} for a delete)
   */
  protected abstract <R> R handle(ImagesCall<R> call);

  @Override
  public final CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    return handle(ImagesCall.createCustomImage(request, context));
  }

  @Override
  public final Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    return handle(ImagesCall.retrieveImageList(query, context));
  }

  @Override
  public final Image retrieveImage(String imageId, CallContext context) {
    return handle(ImagesCall.retrieveImage(imageId, context));
  }

  @Override
  public final ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    return handle(ImagesCall.updateImage(imageId, update, context));
  }

  @Override
  public final void deleteImage(String imageId, CallContext context) {
    handle(ImagesCall.deleteImage(imageId, context));
  }

  @Override
  public final ImageStats retrieveCustomImagesStats(CallContext context) {
    return handle(ImagesCall.retrieveCustomImagesStats(context));
  }

  @Override
  public final Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    return handle(ImagesCall.retrieveImageAuditsList(query, context));
  }
}
