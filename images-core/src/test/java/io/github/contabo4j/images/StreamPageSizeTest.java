package io.github.contabo4j.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.internal.PageWalker;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streams ask for pages that fit the default response-size limit. */
class StreamPageSizeTest {
  private final List<Integer> imageSizes = new ArrayList<>();
  private final List<Integer> auditSizes = new ArrayList<>();

  /** Records the page size of every list call and answers with an empty page. */
  private final ImagesPort port = (ImagesPort) Proxy.newProxyInstance(ImagesPort.class.getClassLoader(),
      new Class<?>[] {ImagesPort.class}, (proxy, method, args) -> {
        if (method.isDefault()) {
          return InvocationHandler.invokeDefault(proxy, method, args);
        }
        if (args[0] instanceof ImageListQuery) {
          imageSizes.add(((ImageListQuery) args[0]).size());
        } else if (args[0] instanceof AuditQuery) {
          auditSizes.add(((AuditQuery) args[0]).size());
        } else {
          throw new UnsupportedOperationException(method.getName());
        }
        return new Page<>(List.of(), new Pagination(1, 1, 0, 0), PageLinks.none());
      });

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
