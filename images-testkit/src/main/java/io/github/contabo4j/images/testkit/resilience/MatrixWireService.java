package io.github.contabo4j.images.testkit.resilience;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.internal.wire.ImagesWire;
import io.github.contabo4j.images.internal.wire.ServerWire;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * What the fault matrix's WireMock server needs beyond stubs: an audit log that knows which creates
 * the service applied, and a signal when an answer is being held back. Registered once per server
 * (it is an {@link ExtensionFactory}); {@link #reset} starts each row.
 *
 * <p><b>Applied requests.</b> A stub whose metadata has {@link #APPLIED} stands for a request the
 * service carried out, whatever the answer then was (a 201, or a reset after the fact). The journal
 * logs each request with its stub before the answer is sent, so a client that saw the answer fail can
 * already find the request in the log.
 *
 * <p><b>The audit log</b> ({@link #AUDIT_LOG}, a response transformer for the audits stub) answers a
 * page with one {@code CREATED} entry per applied {@code POST} whose {@code x-request-id} matches the
 * query's {@code requestId} ignoring case (all applied creates when the query names none). The
 * entry's request id is the POST's id in upper case, as in the vendor's examples, so only a
 * case-insensitive match finds it. While the log lags ({@link #lag}), queries get an empty page.
 *
 * <p><b>Held answers.</b> A stub whose metadata has {@link #HELD} answers late; {@link #awaitHeld}
 * returns once a request matched one, before the answer's delay begins.
 */
final class MatrixWireService implements ExtensionFactory {
  /** The name of the audit-log transformer. */
  static final String AUDIT_LOG = "fault-matrix-audit-log";
  /** Stub metadata: the service applied the request. */
  static final String APPLIED = "fault-matrix-applied";
  /** Stub metadata: the answer is held back. */
  static final String HELD = "fault-matrix-held";

  private final AtomicInteger lagging = new AtomicInteger();
  private volatile CountDownLatch held = new CountDownLatch(1);
  private volatile Clock clock = Clock.systemUTC();
  private volatile @Nullable Image image;
  private volatile @Nullable Admin admin;

  @Override
  public List<Extension> create(WireMockServices services) {
    admin = services.getAdmin();
    return List.of(new AuditLog(), new Arrivals());
  }

  /**
   * Starts a row: no lag, no held answer yet.
   *
   * @param rowClock the clock audit entries are stamped with
   * @param created the image every applied create made
   */
  void reset(Clock rowClock, Image created) {
    clock = rowClock;
    image = created;
    lagging.set(0);
    held = new CountDownLatch(1);
  }

  void lag(int lookups) {
    lagging.set(lookups);
  }

  boolean awaitHeld(Duration timeout) throws InterruptedException {
    return held.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The applied creates since the last journal reset, oldest first. */
  List<LoggedRequest> appliedCreates() {
    Admin a = admin;
    if (a == null) {
      throw new IllegalStateException("the WireMock server has not started");
    }
    List<ServeEvent> events = new ArrayList<>(a.getServeEvents().getServeEvents());
    java.util.Collections.reverse(events); // the journal lists the newest first
    return events.stream()
        .filter(e -> e.getRequest().getMethod().equals(RequestMethod.POST)
            && pathOf(e.getRequest()).equals(ImagesWire.IMAGES_PATH)
            && flagged(e.getStubMapping(), APPLIED))
        .map(ServeEvent::getRequest)
        .toList();
  }

  private static boolean flagged(@Nullable StubMapping stub, String key) {
    Metadata metadata = stub == null ? null : stub.getMetadata();
    return metadata != null && Boolean.TRUE.equals(metadata.get(key));
  }

  private static String pathOf(LoggedRequest request) {
    String url = request.getUrl();
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private ResponseDefinition auditPage(ServeEvent event) {
    String url = event.getRequest().getUrl();
    int mark = url.indexOf('?');
    AuditQuery query = ServerWire.readAuditQuery(mark < 0 ? null : url.substring(mark + 1));
    List<AuditEntry> entries = new ArrayList<>();
    if (lagging.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
      Image made = image;
      for (LoggedRequest post : appliedCreates()) {
        String requestId = post.getHeader("x-request-id");
        String traceId = post.getHeader("x-trace-id");
        if (made != null && requestId != null && (query.requestId() == null || requestId.equalsIgnoreCase(query.requestId()))) {
          entries.add(new AuditEntry(entries.size() + 1, AuditAction.CREATED, clock.instant(), made.tenantId(),
              made.customerId(), "fault-matrix-user", "fault.matrix", requestId.toUpperCase(Locale.ROOT),
              traceId == null ? "" : traceId, made.imageId(), Map.of()));
        }
      }
    }
    long size = query.size() == null ? 10 : query.size();
    Pagination pagination = new Pagination(1, size, entries.size(), (entries.size() + size - 1) / size);
    byte[] body = ServerWire.auditPage(new Page<>(entries, pagination, PageLinks.none()), query);
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body)
        .build();
  }

  /** The audit log, as a transformer of the audits stub. */
  private final class AuditLog implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      return auditPage(serveEvent);
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return AUDIT_LOG;
    }
  }

  /** Signals a request matched to a held-back answer, before the answer's delay. */
  private final class Arrivals implements ServeEventListener {
    @Override
    public void afterMatch(ServeEvent serveEvent, Parameters parameters) {
      if (flagged(serveEvent.getStubMapping(), HELD)) {
        held.countDown();
      }
    }

    @Override
    public String getName() {
      return "fault-matrix-arrivals";
    }
  }
}
