package io.github.contabo4j.images.upload;

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

/** A port that only answers the storage statistics (the preflight needs nothing else); tests override more. */
class StatsPortBase implements ImagesPort {
  private final long freeMb;

  StatsPortBase() {
    this(50_000);
  }

  StatsPortBase(long freeMb) {
    this.freeMb = freeMb;
  }

  @Override
  public ImageStats retrieveCustomImagesStats(CallContext context) {
    return ImageStats.builder()
        .customerId("54321")
        .currentImagesCount(1)
        .totalSizeMb(102_400)
        .usedSizeMb(102_400 - freeMb)
        .freeSizeMb(freeMb)
        .build();
  }

  @Override
  public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Image retrieveImage(String imageId, CallContext context) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ImageRef updateImage(String imageId, ImageUpdate update, CallContext context) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void deleteImage(String imageId, CallContext context) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
    throw new UnsupportedOperationException();
  }
}
