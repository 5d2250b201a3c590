package io.github.contabo4j.images.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.SortOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract of image lists: paging and its totals and links, the {@code name}, {@code
 * standardImage} and {@code search} filters, and {@code orderBy}. The rules are those documented on
 * {@link io.github.contabo4j.images.testkit.FakeImages}. Extend it and implement {@link #portFor}; see
 * {@link PortContract}.
 */
public abstract class PagingFilteringSortingContract extends PortContract {
  private static final ImageListQuery CUSTOM = ImageListQuery.builder().standardImage(false).build();

  /** For subclasses. */
  protected PagingFilteringSortingContract() {}

  /** Seeds {@code count} custom images named img-01, img-02, ..., one minute apart, sizes 100-500 MB. */
  private List<String> seedNumbered(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(fake().seedCustomImage(String.format(Locale.ROOT, "img-%02d", i), 100L * (1 + i % 5)).imageId());
      clock().advance(Duration.ofMinutes(1));
    }
    return ids;
  }

  private static List<String> names(Page<Image> page) {
    return page.items().stream().map(Image::name).collect(Collectors.toList());
  }

  @Test
  void withoutPagingTheFirstPageOfTenComes() {
    List<String> ids = seedNumbered(25);

    Page<Image> page = port().retrieveImageList(CUSTOM);

    assertEquals(ids.subList(0, 10), page.items().stream().map(Image::imageId).collect(Collectors.toList()));
    assertEquals(new Pagination(1, 10, 25, 3), page.pagination());
    assertTrue(page.hasNext());
  }

  @Test
  void thePagesTogetherHoldEveryImageOnce() {
    List<String> ids = seedNumbered(25);
    List<String> seen = new ArrayList<>();

    Page<Image> page = port().retrieveImageList(CUSTOM.toBuilder().size(7).build());
    assertEquals(4, page.pagination().totalPages());
    while (true) {
      page.items().forEach(i -> seen.add(i.imageId()));
      if (!page.hasNext()) {
        break;
      }
      page = port().retrieveImageList(CUSTOM.toBuilder().size(7).page(page.nextPageNumber()).build());
    }

    assertEquals(ids, seen);
  }

  @Test
  void theLastPageIsPartialAndHasNoNext() {
    seedNumbered(25);

    Page<Image> page = port().retrieveImageList(CUSTOM.withPage(3));

    assertEquals(List.of("img-21", "img-22", "img-23", "img-24", "img-25"), names(page));
    assertFalse(page.hasNext());
    assertNull(page.links().next());
    assertEquals("/v1/compute/images?page=2&size=10&standardImage=false", page.links().previous());
  }

  @Test
  void aPageBeyondTheEndIsEmptyButCarriesTheTrueTotals() {
    seedNumbered(25);

    Page<Image> page = port().retrieveImageList(CUSTOM.withPage(9));

    assertTrue(page.items().isEmpty());
    assertEquals(new Pagination(9, 10, 25, 3), page.pagination());
    assertFalse(page.hasNext());
  }

  @Test
  void linksAreRelativePathsWithTheWholeQuery() {
    seedNumbered(25);

    Page<Image> page = port().retrieveImageList(
        CUSTOM.toBuilder().page(2).name("img").orderBy(SortOrder.asc("name")).build());

    String base = "/v1/compute/images?page=%d&size=10&orderBy=name%%3Aasc&name=img&standardImage=false";
    assertEquals(new PageLinks(String.format(base, 2), String.format(base, 1), String.format(base, 1),
        String.format(base, 3), String.format(base, 3)), page.links());
  }

  @Test
  void theFirstPageHasNoPreviousLink() {
    seedNumbered(3);

    Page<Image> page = port().retrieveImageList(CUSTOM);

    assertNull(page.links().previous());
    assertNull(page.links().next());
    assertEquals("/v1/compute/images?page=1&size=10&standardImage=false", page.links().self());
    assertEquals(page.links().self(), page.links().first());
    assertEquals(page.links().self(), page.links().last());
  }

  @Test
  void nothingMatchingGivesAnEmptyPageWithZeroTotals() {
    Page<Image> page = port().retrieveImageList(CUSTOM);

    assertTrue(page.items().isEmpty());
    assertEquals(0, page.pagination().totalElements());
    assertEquals(0, page.pagination().totalPages());
    assertFalse(page.hasNext());
  }

  @Test
  void theNameFilterMatchesPartOfTheNameIgnoringCase() {
    fake().seedCustomImage("web-server-a");
    fake().seedCustomImage("Web-Server-B");
    fake().seedCustomImage("database");

    Page<Image> page = port().retrieveImageList(CUSTOM.toBuilder().name("WEB-server").build());

    assertEquals(List.of("web-server-a", "Web-Server-B"), names(page));
    assertEquals(2, page.pagination().totalElements());
  }

  @Test
  void theStandardImageFilterSelectsOneKind() {
    fake().seedCustomImage("mine");

    List<Image> custom = port().retrieveImageList(CUSTOM).items();
    Page<Image> standard = port().retrieveImageList(ImageListQuery.builder().standardImage(true).size(100).build());
    Page<Image> all = port().retrieveImageList(ImageListQuery.builder().size(100).build());

    assertEquals(List.of("mine"), custom.stream().map(Image::name).collect(Collectors.toList()));
    assertTrue(standard.items().stream().allMatch(Image::standardImage));
    assertFalse(standard.items().isEmpty());
    assertEquals(standard.pagination().totalElements() + 1, all.pagination().totalElements());
  }

  @Test
  void searchMatchesAnyOfItsOrAlternatives() {
    List<Image> found = port().retrieveImageList(
        ImageListQuery.builder().search("windows or Debian").size(100).build()).items();

    assertTrue(found.stream().anyMatch(i -> OsType.WINDOWS.is(i.osType())), "a Windows image");
    assertTrue(found.stream().anyMatch(i -> i.name().toLowerCase(Locale.ROOT).contains("debian")), "a Debian image");
    assertTrue(found.stream().allMatch(i -> OsType.WINDOWS.is(i.osType())
        || i.name().toLowerCase(Locale.ROOT).contains("debian")), "only Windows or Debian: " + found);
  }

  @Test
  void everyWordOfOneSearchAlternativeMustMatch() {
    List<Image> found = port().retrieveImageList(
        ImageListQuery.builder().search("UBUNTU 22.04").size(100).build()).items();

    assertFalse(found.isEmpty());
    assertTrue(found.stream().allMatch(i -> i.name().toLowerCase(Locale.ROOT).contains("ubuntu")
        && "22.04".equals(i.version())), "only Ubuntu 22.04: " + found);
  }

  @Test
  void orderByNameSortsBothWaysIgnoringCase() {
    fake().seedCustomImage("bravo");
    fake().seedCustomImage("Charlie");
    fake().seedCustomImage("alpha");

    Page<Image> up = port().retrieveImageList(CUSTOM.toBuilder().orderBy(SortOrder.asc("name")).build());
    Page<Image> down = port().retrieveImageList(CUSTOM.toBuilder().orderBy(SortOrder.desc("name")).build());

    assertEquals(List.of("alpha", "bravo", "Charlie"), names(up));
    assertEquals(List.of("Charlie", "bravo", "alpha"), names(down));
  }

  @Test
  void severalOrderTermsApplyInTurn() {
    fake().seedCustomImage("b-small", 100);
    fake().seedCustomImage("a-big", 900);
    fake().seedCustomImage("a-small", 100);
    fake().seedCustomImage("c-big", 900);

    Page<Image> page = port().retrieveImageList(
        CUSTOM.toBuilder().orderBy(SortOrder.desc("sizeMb"), SortOrder.asc("name")).build());

    assertEquals(List.of("a-big", "c-big", "a-small", "b-small"), names(page));
  }

  @Test
  void orderByCreationDateDescendingPutsTheNewestFirst() {
    seedNumbered(4);

    Page<Image> page = port().retrieveImageList(CUSTOM.toBuilder().orderBy(SortOrder.desc("creationDate")).build());

    assertEquals(List.of("img-04", "img-03", "img-02", "img-01"), names(page));
  }

  @Test
  void theOrderDirectionReadsTheSameInEitherCase() {
    seedNumbered(5);

    Page<Image> upper = port().retrieveImageList(CUSTOM.toBuilder().orderBy(SortOrder.parse("name:DESC")).build());
    Page<Image> lower = port().retrieveImageList(CUSTOM.toBuilder().orderBy(SortOrder.parse("name:desc")).build());

    assertEquals(names(lower), names(upper));
    assertEquals("img-05", names(upper).get(0));
  }

  @Test
  void filtersAndOrderCombineWithPaging() {
    seedNumbered(12);
    fake().seedCustomImage("other-1");
    fake().seedCustomImage("other-2");

    Page<Image> page = port().retrieveImageList(CUSTOM.toBuilder()
        .name("IMG-1").size(2).page(2).orderBy(SortOrder.desc("name")).build());

    // img-10, img-11, img-12 match "img-1"; descending: 12, 11 | 10
    assertEquals(List.of("img-10"), names(page));
    assertEquals(new Pagination(2, 2, 3, 2), page.pagination());
    Set<String> firstPage = new HashSet<>(names(port().retrieveImageList(CUSTOM.toBuilder()
        .name("IMG-1").size(2).orderBy(SortOrder.desc("name")).build())));
    assertEquals(Set.of("img-12", "img-11"), firstPage);
  }
}
