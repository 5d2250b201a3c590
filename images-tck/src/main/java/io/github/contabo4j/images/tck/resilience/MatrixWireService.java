package io.github.contabo4j.images.tck.resilience;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.AuditQuery;
import io.github.contabo4j.images.CreatedImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImagesOperation;
import io.github.contabo4j.images.Page;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import io.github.contabo4j.images.testkit.internal.wire.ServerWire;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The service behind the fault matrix's WireMock server: one response transformer ({@link #NAME})
 * that every stub of the matrix names with its operation, and that answers the way the service
 * would. Registered once per server (it is an {@link ExtensionFactory}); {@link #reset} starts each
 * row.
 *
 * <p><b>Scripted faults</b> ({@link #script}) are taken one per request, atomically, so concurrent
 * callers each meet exactly one of them (WireMock scenarios, by contrast, can serve one state to two
 * requests that arrive together). When an operation's faults are used up, it answers normally.
 *
 * <p><b>Normal answers:</b> a 200 with the row's image, a 201 for a create, a 204 for a delete, and
 * the audit log for audit queries; other operations are only ever scripted.
 *
 * <p><b>Applied requests.</b> A create answered 201, or failed by a fault that struck {@linkplain
 * MatrixFault#afterApplying() after applying}, is recorded, before its answer is sent, as a create
 * the service carried out. A delete failed that way removed the image, so every later delete of it
 * is answered 404.
 *
 * <p><b>The audit log</b> lists one {@code CREATED} entry per applied create whose {@code
 * x-request-id} matches the query's {@code requestId} ignoring case (every applied create when the
 * query names none). The entry's request id is the create's in upper case, as in the vendor's
 * examples, so only a case-insensitive match finds it. While the log lags ({@link #lag}), queries get
 * an empty page.
 *
 * <p><b>Held answers.</b> {@link #awaitHeld} returns once a request was given a scripted answer that
 * is {@code held} (a slow one): after WireMock logged it in its journal, before the answer's delay
 * begins.
 */
final class MatrixWireService implements ExtensionFactory {
  /** The transformer's name; stubs pass their operation as the parameter {@code operation}. */
  static final String NAME = "fault-matrix-service";

  private final Map<ImagesOperation, Script> scripts = new ConcurrentHashMap<>();
  private final List<String[]> appliedCreates = new CopyOnWriteArrayList<>(); // {requestId, traceId}
  private final AtomicInteger lagging = new AtomicInteger();
  private final Set<String> heldRequests = ConcurrentHashMap.newKeySet(); // x-request-ids
  private volatile Map<ImagesOperation, ResponseDefinition> normal = Map.of();
  private volatile CountDownLatch held = new CountDownLatch(1);
  private volatile Clock clock = Clock.systemUTC();
  private volatile @Nullable Image image;

  /** Faults scripted for one operation: {@code remaining} of them left. */
  private record Script(AtomicInteger remaining, ResponseDefinition fault, boolean applied, boolean held) {}

  @Override
  public List<Extension> create(WireMockServices services) {
    return List.of(new Transformer(), new Journaled());
  }

  /**
   * Starts a row: no faults, nothing applied, no lag, no held answer yet.
   *
   * @param rowClock the clock audit entries are stamped with
   * @param rowImage the image {@code retrieveImage} returns and every create makes
   */
  void reset(Clock rowClock, Image rowImage) {
    clock = rowClock;
    image = rowImage;
    scripts.clear();
    appliedCreates.clear();
    lagging.set(0);
    heldRequests.clear();
    held = new CountDownLatch(1);
    Map<ImagesOperation, ResponseDefinition> answers = new EnumMap<>(ImagesOperation.class);
    answers.put(ImagesOperation.RETRIEVE_IMAGE, json(200, ServerWire.image(rowImage)));
    answers.put(ImagesOperation.CREATE_CUSTOM_IMAGE, json(201, ServerWire.created(
        CreatedImage.builder().imageId(rowImage.imageId()).tenantId(rowImage.tenantId()).customerId(rowImage.customerId()).build())));
    answers.put(ImagesOperation.DELETE_IMAGE, responseDefinition().withStatus(204).build());
    normal = answers;
  }

  /**
   * The normal answer of an operation, to delay or dribble.
   *
   * @param operation the operation
   * @return the answer
   * @throws IllegalArgumentException if the operation is only ever scripted
   */
  ResponseDefinition normalAnswer(ImagesOperation operation) {
    ResponseDefinition answer = normal.get(operation);
    if (answer == null) {
      throw new IllegalArgumentException("no normal answer for " + operation);
    }
    return answer;
  }

  /**
   * Answers the next {@code count} requests of an operation with {@code fault}.
   *
   * @param operation the operation
   * @param count how many requests
   * @param fault the answer
   * @param applied whether the service applied those requests
   * @param isHeld whether the answer is held back (see {@link #awaitHeld})
   */
  void script(ImagesOperation operation, int count, ResponseDefinition fault, boolean applied, boolean isHeld) {
    scripts.put(operation, new Script(new AtomicInteger(count), fault, applied, isHeld));
  }

  void lag(int lookups) {
    lagging.set(lookups);
  }

  boolean awaitHeld(Duration timeout) throws InterruptedException {
    return held.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** How many creates the service applied since the row began. */
  int appliedCreates() {
    return appliedCreates.size();
  }

  private ResponseDefinition answer(ImagesOperation operation, ServeEvent event) {
    Script script = scripts.get(operation);
    if (script != null && script.remaining().getAndDecrement() > 0) {
      if (script.applied()) {
        applied(operation, event);
      }
      if (script.held()) {
        heldRequests.add(String.valueOf(event.getRequest().getHeader("x-request-id")));
      }
      return script.fault();
    }
    if (operation == ImagesOperation.DELETE_IMAGE && script != null && script.applied()) {
      return json(404, ServerWire.error(404, "Image not found"));
    }
    if (operation == ImagesOperation.RETRIEVE_IMAGE_AUDITS_LIST) {
      return auditPage(event);
    }
    ResponseDefinition answer = normal.get(operation);
    if (answer == null) {
      return json(501, ServerWire.error(501, "the fault matrix scripted no answer for " + operation));
    }
    applied(operation, event);
    return answer;
  }

  private void applied(ImagesOperation operation, ServeEvent event) {
    if (operation == ImagesOperation.CREATE_CUSTOM_IMAGE) {
      appliedCreates.add(new String[] {
          event.getRequest().getHeader("x-request-id"), event.getRequest().getHeader("x-trace-id")});
    }
  }

  private ResponseDefinition auditPage(ServeEvent event) {
    String url = event.getRequest().getUrl();
    int mark = url.indexOf('?');
    AuditQuery query = ServerWire.readAuditQuery(mark < 0 ? null : url.substring(mark + 1));
    List<AuditEntry> entries = new ArrayList<>();
    Image made = image;
    if (lagging.getAndUpdate(n -> Math.max(0, n - 1)) == 0 && made != null) {
      for (String[] create : appliedCreates) {
        String requestId = create[0];
        if (requestId != null && (query.requestId() == null || requestId.equalsIgnoreCase(query.requestId()))) {
          entries.add(AuditEntry.builder()
              .id(entries.size() + 1)
              .action(AuditAction.CREATED)
              .timestamp(clock.instant())
              .tenantId(made.tenantId())
              .customerId(made.customerId())
              .changedBy("fault-matrix-user")
              .username("fault.matrix")
              .requestId(requestId.toUpperCase(Locale.ROOT))
              .traceId(create[1] == null ? "" : create[1])
              .imageId(made.imageId())
              .changes(Map.of())
              .build());
        }
      }
    }
    long size = query.size() == null ? 10 : query.size();
    Pagination pagination = new Pagination(1, size, entries.size(), (entries.size() + size - 1) / size);
    return json(200, ServerWire.auditPage(new Page<>(entries, pagination, PageLinks.none()), query));
  }

  private static ResponseDefinition json(int status, byte[] body) {
    return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
  }

  /**
   * Signals a held answer once its request is in the journal: WireMock logs a request, then tells
   * the listeners, then sends the answer (and only then waits out a delay).
   */
  private final class Journaled implements ServeEventListener {
    @Override
    public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
      if (heldRequests.remove(String.valueOf(serveEvent.getRequest().getHeader("x-request-id")))) {
        held.countDown();
      }
    }

    @Override
    public String getName() {
      return "fault-matrix-journaled";
    }
  }

  /** The transformer every matrix stub names. */
  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      return answer(ImagesOperation.valueOf(serveEvent.getTransformerParameters().getString("operation")), serveEvent);
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }
}
