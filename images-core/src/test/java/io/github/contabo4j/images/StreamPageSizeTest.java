package io.github.contabo4j.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.internal.PageWalker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streams ask for pages that fit the default response-size limit. */
class StreamPageSizeTest {
  private final List<Integer> imageSizes = new ArrayList<>();
  private final List<Integer> auditSizes = new ArrayList<>();

  private final ImagesPort port = new ImagesPort() {
    @Override
    public CreatedImage createCustomImage(CreateCustomImage request, CallContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<Image> retrieveImageList(ImageListQuery query, CallContext context) {
      imageSizes.add(query.size());
      return new Page<>(List.of(), new Pagination(1, 1, 0, 0), PageLinks.none());
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
    public ImageStats retrieveCustomImagesStats(CallContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<AuditEntry> retrieveImageAuditsList(AuditQuery query, CallContext context) {
      auditSizes.add(query.size());
      return new Page<>(List.of(), new Pagination(1, 1, 0, 0), PageLinks.none());
    }
  };

  @Test
  void aPageSizeAboveTheStreamMaximumIsLowered() {
    port.streamImages(ImageListQuery.builder().size(100_000).build()).count();
    port.streamAudits(AuditQuery.builder().size(5_000).build()).count();

    assertThat(imageSizes).containsExactly(PageWalker.MAX_PAGE_SIZE);
    assertThat(auditSizes).containsExactly(PageWalker.MAX_PAGE_SIZE);
    assertThat(PageWalker.MAX_PAGE_SIZE).isEqualTo(500);
  }

  @Test
  void aSmallerOrMissingPageSizeIsKept() {
    port.streamImages(ImageListQuery.builder().size(50).build()).count();
    port.streamImages(ImageListQuery.all()).count();
    port.streamAudits(AuditQuery.all()).count();

    assertThat(imageSizes).containsExactly(50, null);
    assertThat(auditSizes).containsExactly((Integer) null);
  }
}
