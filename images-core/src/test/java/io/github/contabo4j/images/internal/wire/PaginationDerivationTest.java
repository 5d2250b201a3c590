package io.github.contabo4j.images.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.Pagination;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Without {@code _pagination}, a page's position is derived from its links and items. */
class PaginationDerivationTest {

  @ParameterizedTest(name = "self {0} -> page {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "/v1/compute/images?page=20            | 20",
      "/v1/compute/images?size=10&page=3     | 3",
      "/v1/compute/images?xpage=9&page=4     | 4",
      "/v1/compute/images?subpage=9          | 1",
      "/v1/compute/images                    | 1",
      "/v1/compute/images?page=              | 1",
      "/v1/compute/images?page=abc           | 1",
      "/v1/compute/images?page=0             | 1",
      "/v1/compute/images?page=99999999999999999999 | 1",
      "NULL                                  | 1",
  })
  void pageNumberComesFromTheSelfLink(@Nullable String self, long page) {
    Page<Image> result = decodeList(self, "/v1/compute/images?page=999", 3);

    assertThat(result.pagination().page()).isEqualTo(page);
    assertThat(result.hasNext()).isTrue();
    assertThat(result.nextPageNumber()).isEqualTo((int) page + 1);
  }

  @Test
  void missingNextLinkMeansThisIsTheLastPage() {
    Page<Image> page = decodeList("/v1/compute/images?page=4", null, 2);

    assertThat(page.pagination()).isEqualTo(new Pagination(4, 2, 8, 4));
    assertThat(page.hasNext()).isFalse();
    assertThat(page.nextPageNumber()).isNull();
  }

  @Test
  void sizeFromTheSelfLinkGivesTheTotalOnAShortLastPage() {
    Page<Image> page = decodeList("/v1/compute/images?page=3&size=10", null, 5);

    assertThat(page.pagination()).isEqualTo(new Pagination(3, 10, 25, 3));
  }

  @Test
  void aNextLinkEqualToSelfIsNoNextPage() {
    Page<Image> page = decodeList("/v1/compute/images?page=2", "/v1/compute/images?page=2", 1);

    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void anEmptyPageHasNoNextWhateverTheLinksSay() {
    Page<Image> page = decodeList("/v1/compute/images?page=7", "/v1/compute/images?page=8", 0);

    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isFalse();
    assertThat(page.pagination().page()).isEqualTo(7);
  }

  @Test
  void auditsDeriveTheSameWay() {
    @SuppressWarnings("unchecked") // decodeBody returns the operation's result type
    Page<AuditEntry> page = (Page<AuditEntry>) ImagesWire.decodeBody(
        ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST,
        Fixtures.utf8("{\"data\":[{\"id\":1},{\"id\":2}],\"_links\":{\"self\":\"/v1/compute/images/audits?page=5\"},\"_pagination\":\"\"}"));

    assertThat(page.pagination()).isEqualTo(new Pagination(5, 2, 10, 5));
  }

  private static Page<Image> decodeList(@Nullable String self, @Nullable String next, int items) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < items; i++) {
      data.append(i == 0 ? "" : ",").append("{\"imageId\":\"img-").append(i).append("\"}");
    }
    StringBuilder links = new StringBuilder("{");
    if (self != null) {
      links.append("\"self\":\"").append(self).append('"');
    }
    if (next != null) {
      links.append(self != null ? "," : "").append("\"next\":\"").append(next).append('"');
    }
    links.append('}');
    String body = "{\"data\":[" + data + "],\"_links\":" + links + ",\"_pagination\":\"\"}";
    ImagesWire wire = Fixtures.wire();
    return wire.decode(wire.retrieveImageList(ImageListQuery.all(), CallContext.create()), Fixtures.response(200, body));
  }
}
