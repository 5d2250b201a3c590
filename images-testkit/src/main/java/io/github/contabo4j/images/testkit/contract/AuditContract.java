package io.github.contabo4j.images.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CallContext;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImageNotFoundException;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.PermissionDeniedException;
import io.github.contabo4j.images.SortOrder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract of the audit history: which calls write entries, what an entry holds, and how the
 * audit list filters, pages and sorts. Extend it and implement {@link #portFor}; see {@link
 * PortContract}.
 *
 * <p>Skippable: the lost-answer test runs only while {@link #reproducesTransportFaults()} is true.
 */
public abstract class AuditContract extends PortContract {

  /** For subclasses. */
  protected AuditContract() {}

  private List<AuditEntry> historyOf(String imageId) {
    return port().retrieveImageAuditsList(AuditQuery.byImageId(imageId)).items();
  }

  private static Map<?, ?> part(AuditEntry entry, String key) {
    Object value = entry.changes().get(key);
    assertTrue(value instanceof Map, key + " in " + entry.changes());
    return (Map<?, ?>) value;
  }

  private static List<Long> ids(Page<AuditEntry> page) {
    return page.items().stream().map(AuditEntry::id).collect(Collectors.toList());
  }

  @Test
  void aCreateIsAuditedWithTheCallsRequestIdAndTraceId() {
    CallContext context = CallContext.create().withTraceId("deploy-7");
    String id = port().createCustomImage(linuxImage("audited"), context).imageId();

    List<AuditEntry> history = historyOf(id);

    assertEquals(1, history.size());
    AuditEntry entry = history.get(0);
    assertTrue(AuditAction.CREATED.is(entry.action()), "action " + entry.action());
    assertEquals(id, entry.imageId());
    assertTrue(entry.madeBy(context.lastRequestId().orElseThrow()), "requestId " + entry.requestId());
    assertEquals("deploy-7", entry.traceId());
    assertEquals(START, entry.timestamp());
    assertEquals(fake().tenantId(), entry.tenantId());
    assertEquals(fake().customerId(), entry.customerId());
    assertEquals(fake().userId(), entry.changedBy());
    assertEquals(fake().username(), entry.username());
    assertEquals("audited", part(entry, "new").get("name"));
    assertTrue(part(entry, "prev").isEmpty());
  }

  @Test
  void aCallWithoutTraceIdIsAuditedWithAnEmptyOne() {
    String id = port().createCustomImage(linuxImage("untraced")).imageId();

    assertEquals("", historyOf(id).get(0).traceId());
  }

  @Test
  void anUpdateIsAuditedWithThePreviousAndNewValues() {
    String id = port().createCustomImage(linuxImage("before")).imageId();
    clock().advance(Duration.ofMinutes(1));
    CallContext context = CallContext.create();

    port().updateImage(id, ImageUpdate.rename("after"), context);

    List<AuditEntry> history = historyOf(id);
    assertEquals(2, history.size());
    AuditEntry update = history.get(1);
    assertTrue(AuditAction.UPDATED.is(update.action()), "action " + update.action());
    assertTrue(update.madeBy(context.lastRequestId().orElseThrow()));
    assertEquals(START.plus(Duration.ofMinutes(1)), update.timestamp());
    assertEquals("before", part(update, "prev").get("name"));
    assertEquals("after", part(update, "new").get("name"));
  }

  @Test
  void aDeleteIsAudited() {
    String id = port().createCustomImage(linuxImage("short-lived")).imageId();
    CallContext context = CallContext.create();

    port().deleteImage(id, context);

    List<AuditEntry> history = historyOf(id);
    assertEquals(2, history.size());
    AuditEntry delete = history.get(1);
    assertTrue(AuditAction.DELETED.is(delete.action()), "action " + delete.action());
    assertTrue(delete.madeBy(context.lastRequestId().orElseThrow()));
    assertEquals("short-lived", part(delete, "prev").get("name"));
  }

  @Test
  void theRequestIdFilterIgnoresCase() {
    CallContext context = CallContext.create();
    String id = port().createCustomImage(linuxImage("by-request"), context).imageId();
    port().createCustomImage(linuxImage("another"));
    String requestId = context.lastRequestId().orElseThrow();

    List<AuditEntry> upper = port().retrieveImageAuditsList(
        AuditQuery.byRequestId(requestId.toUpperCase(Locale.ROOT))).items();
    List<AuditEntry> lower = port().retrieveImageAuditsList(
        AuditQuery.byRequestId(requestId.toLowerCase(Locale.ROOT))).items();

    assertEquals(1, upper.size());
    assertEquals(id, upper.get(0).imageId());
    assertEquals(upper, lower);
  }

  @Test
  void readsAndFailedCallsWriteNoEntry() {
    String id = port().createCustomImage(linuxImage("quiet")).imageId();
    String standardId = port().retrieveImageList(ImageListQuery.builder().standardImage(true).size(1).build())
        .items().get(0).imageId();

    port().retrieveImage(id);
    port().retrieveCustomImagesStats();
    assertThrows(ImageNotFoundException.class,
        () -> port().updateImage("6f1e6d8e-1d1c-4a43-9d2b-7e1f0a9f0000", ImageUpdate.rename("x")));
    assertThrows(PermissionDeniedException.class, () -> port().deleteImage(standardId));
    fake().faults().next(ImagesOperation.UPDATE_IMAGE).serverError(500);
    assertThrows(ImagesException.class, () -> port().updateImage(id, ImageUpdate.rename("y")));

    Page<AuditEntry> all = port().retrieveImageAuditsList(AuditQuery.all());
    assertEquals(1, all.pagination().totalElements());
    assertTrue(AuditAction.CREATED.is(all.items().get(0).action()));
  }

  @Test
  void theImageIdFilterSelectsOneImagesHistory() {
    String a = port().createCustomImage(linuxImage("a")).imageId();
    String b = port().createCustomImage(linuxImage("b")).imageId();
    port().updateImage(a, ImageUpdate.describe("changed"));

    assertEquals(2, historyOf(a).size());
    assertEquals(1, historyOf(b).size());
    assertTrue(historyOf(a).stream().allMatch(e -> a.equals(e.imageId())));
  }

  @Test
  void theChangedByFilterMatchesTheUser() {
    port().createCustomImage(linuxImage("mine"));

    Page<AuditEntry> mine = port().retrieveImageAuditsList(AuditQuery.builder().changedBy(fake().userId()).build());
    Page<AuditEntry> theirs = port().retrieveImageAuditsList(
        AuditQuery.builder().changedBy("00000000-0000-4000-8000-000000000000").build());

    assertEquals(1, mine.items().size());
    assertTrue(theirs.items().isEmpty());
    assertEquals(0, theirs.pagination().totalElements());
  }

  @Test
  void theDateRangeIsInclusiveOnBothEnds() {
    port().createCustomImage(linuxImage("day-0"));
    clock().advance(Duration.ofDays(1));
    port().createCustomImage(linuxImage("day-1"));
    clock().advance(Duration.ofDays(1));
    port().createCustomImage(linuxImage("day-2"));
    LocalDate day0 = LocalDate.ofInstant(START, ZoneOffset.UTC);

    Page<AuditEntry> middle = port().retrieveImageAuditsList(
        AuditQuery.builder().startDate(day0.plusDays(1)).endDate(day0.plusDays(1)).build());
    Page<AuditEntry> fromDay1 = port().retrieveImageAuditsList(AuditQuery.builder().startDate(day0.plusDays(1)).build());
    Page<AuditEntry> untilDay1 = port().retrieveImageAuditsList(AuditQuery.builder().endDate(day0.plusDays(1)).build());

    assertEquals(1, middle.items().size());
    assertEquals("day-1", part(middle.items().get(0), "new").get("name"));
    assertEquals(2, fromDay1.items().size());
    assertEquals(2, untilDay1.items().size());
  }

  @Test
  void auditsArePagedWithTotalsAndLinks() {
    for (int i = 0; i < 12; i++) {
      port().createCustomImage(linuxImage("img-" + i));
    }

    Page<AuditEntry> second = port().retrieveImageAuditsList(AuditQuery.builder().size(5).page(2).build());
    Page<AuditEntry> beyond = port().retrieveImageAuditsList(AuditQuery.builder().size(5).page(4).build());

    assertEquals(new Pagination(2, 5, 12, 3), second.pagination());
    assertEquals(5, second.items().size());
    assertEquals("/v1/compute/images/audits?page=3&size=5", second.links().next());
    assertEquals("/v1/compute/images/audits?page=1&size=5", second.links().first());
    assertTrue(beyond.items().isEmpty());
    assertEquals(12, beyond.pagination().totalElements());
  }

  @Test
  void entriesComeOldestFirstAndSortOnRequest() {
    for (int i = 0; i < 3; i++) {
      port().createCustomImage(linuxImage("img-" + i));
      clock().advance(Duration.ofMinutes(1));
    }

    Page<AuditEntry> natural = port().retrieveImageAuditsList(AuditQuery.all());
    Page<AuditEntry> newestFirst = port().retrieveImageAuditsList(
        AuditQuery.builder().orderBy(SortOrder.desc("timestamp")).build());

    List<Long> oldestFirst = ids(natural);
    assertTrue(oldestFirst.get(0) < oldestFirst.get(1) && oldestFirst.get(1) < oldestFirst.get(2), "ids " + oldestFirst);
    assertEquals(List.of(oldestFirst.get(2), oldestFirst.get(1), oldestFirst.get(0)), ids(newestFirst));
  }

  @Test
  void aLostCreateAnswerIsStillAuditedUnderItsRequestId() {
    assumeTrue(reproducesTransportFaults(), "this adapter does not reproduce transport faults");
    fake().faults().next(ImagesOperation.CREATE_CUSTOM_IMAGE).answerLost();
    CallContext context = CallContext.create();

    ImagesException e = assertThrows(ImagesException.class,
        () -> port().createCustomImage(linuxImage("reconcile-me"), context));

    assertFalse(e.requestIds().isEmpty());
    String sent = e.requestIds().get(e.requestIds().size() - 1);
    List<AuditEntry> entries = port().retrieveImageAuditsList(AuditQuery.byRequestId(sent)).items();
    assertEquals(1, entries.size());
    assertTrue(AuditAction.CREATED.is(entries.get(0).action()));
    assertEquals("reconcile-me", part(entries.get(0), "new").get("name"));
  }
}
