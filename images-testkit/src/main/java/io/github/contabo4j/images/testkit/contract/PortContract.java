package io.github.contabo4j.images.testkit.contract;

import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract suite shares: the one hook, a fresh fake per test on virtual time, and the
 * cleanup.
 *
 * <p><b>The hook.</b> {@link #portFor(FakeImages)} returns the port under test, wired to the given
 * fake: the fake itself, or a client of an HTTP server serving it. The suites drive state through the
 * fake (seeding, the clock, scripted faults) and assert only through the port.
 *
 * <pre>{@code
 * class JdkCrudLifecycleTest extends CrudLifecycleContract {
 *   @Override
 *   protected ImagesPort portFor(FakeImages fake) throws Exception {
 *     FakeImagesServer server = HttpFaceFixture.start(fake, this::closeAfterTest); // validated, closed after the test
 *     return JdkImagesClient.builder().baseUri(server.baseUri()).token(server.token())
 *         .resilience(ResiliencePolicy.none()).build();
 *   }
 * }
 * }</pre>
 *
 * <p><b>Closing.</b> After each test, the port is closed if it implements {@link AutoCloseable}, then
 * everything passed to {@link #closeAfterTest} is closed, most recent first. A failure to close fails
 * the test.
 *
 * <p><b>Per test:</b> a {@link MutableClock} standing at {@link #START} ({@link #clock()}), a fake built
 * from {@link #fakeBuilder()} with defaults otherwise ({@link #fake()}), and the port for it ({@link
 * #port()}). A test that needs a differently configured fake builds one from {@link #fakeBuilder()}
 * and gets its port from {@link #openPort(FakeImages)}.
 *
 * <p><b>Skipping.</b> A suite's test that an adapter cannot run is guarded by a {@code protected
 * boolean} method documented on the suite; an adapter overrides it to return false, and the test is
 * skipped (aborted by an assumption), visibly, in the report.
 */
public abstract class PortContract {
  /** Where every test's clock starts: 2024-06-03T08:00:00Z. */
  public static final Instant START = Instant.parse("2024-06-03T08:00:00Z");

  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private MutableClock clock = MutableClock.at(START);
  private FakeImages fake = FakeImages.builder().clock(clock).build();
  private ImagesPort port = fake;

  /** For subclasses. */
  protected PortContract() {}

  /**
   * The hook: the port under test, answering from {@code fake}. Called once per test (and once more
   * for each {@link #openPort} a test makes).
   *
   * @param fake the fake whose state the port must expose
   * @return the port; closed after the test when it is {@link AutoCloseable}
   * @throws Exception if it cannot be made, which fails the test
   */
  protected abstract ImagesPort portFor(FakeImages fake) throws Exception;

  /**
   * Whether the port reproduces the fake's scripted <em>transport</em> faults (a refused connection,
   * an answer lost after the operation was applied) as the same {@code ImagesTransportException}
   * delivery facts. True by default; an adapter that cannot reproduce them overrides this to return
   * false, which skips the tests that need them ({@code ErrorsAndValidationContract}: refused
   * connection, lost answer; {@code AuditContract}: lost create answer still audited). An adapter
   * that reproduces lost answers but not refused connections, as every client of {@code
   * FakeImagesServer} does, overrides {@link #reproducesRefusedConnections()} instead.
   * Service-status faults (429, 5xx) are always tested.
   *
   * @return true to run the transport-fault tests
   */
  protected boolean reproducesTransportFaults() {
    return true;
  }

  /**
   * Whether the port reproduces the fake's scripted <em>refused connection</em> as {@code
   * CONNECT_FAILED} / {@code NOT_SENT}. Defaults to {@link #reproducesTransportFaults()}. An
   * HTTP-backed adapter returns false: its server has already accepted the connection when the fake
   * decides to refuse it, so the most it can do is drop it, which a client rightly reports as {@code
   * MAYBE_PROCESSED}. Such an adapter still reproduces lost answers, so it keeps {@link
   * #reproducesTransportFaults()} true and overrides only this ({@code ErrorsAndValidationContract}:
   * refused connection).
   *
   * @return true to run the refused-connection test
   */
  protected boolean reproducesRefusedConnections() {
    return reproducesTransportFaults();
  }

  @BeforeEach
  final void openContractPort() throws Exception {
    clock = MutableClock.at(START);
    fake = fakeBuilder().build();
    port = openPort(fake);
  }

  @AfterEach
  final void closeContractResources() throws Exception {
    Throwable failure = null;
    while (!closeables.isEmpty()) {
      try {
        closeables.pop().close();
      } catch (Exception | AssertionError e) { // a cleanup may assert, e.g. HttpFaceFixture's spec check
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure instanceof AssertionError) {
      throw (AssertionError) failure;
    }
    if (failure != null) {
      throw (Exception) failure;
    }
  }

  /**
   * A builder for a fake like the one every test gets: this test's clock, whose {@link
   * MutableClock#sleeper()} also serves as the fake's sleeper, and defaults otherwise.
   *
   * @return a new builder
   */
  protected final FakeImages.Builder fakeBuilder() {
    return FakeImages.builder().clock(clock).sleeper(clock.sleeper());
  }

  /**
   * Asks the hook for a port in front of another fake and closes it after the test.
   *
   * @param other the fake
   * @return the port
   * @throws Exception if the hook fails
   */
  protected final ImagesPort openPort(FakeImages other) throws Exception {
    ImagesPort opened = portFor(other);
    if (opened instanceof AutoCloseable && opened != other) {
      closeables.push((AutoCloseable) opened);
    }
    return opened;
  }

  /**
   * Registers something to close after the test, e.g. the HTTP server a port talks to.
   *
   * @param resource the resource
   * @param <T> its type
   * @return the resource
   */
  protected final <T extends AutoCloseable> T closeAfterTest(T resource) {
    if (resource == null) {
      throw new NullPointerException("resource == null");
    }
    closeables.push(resource);
    return resource;
  }

  /** This test's clock. */
  protected final MutableClock clock() {
    return clock;
  }

  /** This test's fake: seed it, script faults, move downloads along. */
  protected final FakeImages fake() {
    return fake;
  }

  /** The port under test, in front of {@link #fake()}. */
  protected final ImagesPort port() {
    return port;
  }

  /**
   * A valid create of a Linux qcow2 image.
   *
   * @param name the image's name, also used in the URL
   * @return the request
   */
  protected static CreateCustomImage linuxImage(String name) {
    return CreateCustomImage.of(name, "https://images.example.com/" + name + ".qcow2", OsType.LINUX, "22.04");
  }

  /**
   * Every custom image, read through the port in one page.
   *
   * @return the images
   */
  protected final List<Image> customImagesThroughPort() {
    return port().retrieveImageList(ImageListQuery.builder().standardImage(false).size(1000).build()).items();
  }
}
