package io.github.contabo4j.images.emulator;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.Page;

/**
 * The fake as the HTTP face's backend: reads pass through; each create, update and delete writes the
 * state file before it returns, whether it succeeded or failed (a fault may strike after the change
 * was applied), so the face sends no answer for a change that is not on disk.
 */
final class PersistingPort implements ImagesPort {
  private final EmulatorState state;

  PersistingPort(EmulatorState state) {
    this.state = state;
  }

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    try {
      return state.fake().createCustomImage(request, context);
    } finally {
      state.persist();
    }
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    return state.fake().retrieveImageList(query, context);
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    return state.fake().retrieveImage(imageId, context);
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    try {
      return state.fake().updateImage(imageId, update, context);
    } finally {
      state.persist();
    }
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    try {
      state.fake().deleteImage(imageId, context);
    } finally {
      state.persist();
    }
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    return state.fake().retrieveCustomImagesStats(context);
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    return state.fake().retrieveImageAuditsList(query, context);
  }
}
