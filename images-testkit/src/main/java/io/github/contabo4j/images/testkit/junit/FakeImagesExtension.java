package io.github.contabo4j.images.testkit.junit;

import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import java.lang.ref.WeakReference;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every test a fresh {@link FakeImages}, and when asked a running {@link FakeImagesServer} (the
 * fake's HTTP face) with its base URI and a bearer token. Whatever it makes for a test is made before
 * that test's {@code @BeforeEach} methods and closed after its {@code @AfterEach} methods, so no state,
 * fault script or port survives from one test to the next.
 *
 * <p><b>As a field</b>, with the accessors:
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeImagesExtension images = FakeImagesExtension.withHttpFace();
 *
 * @Test
 * void listsImages() {
 *   try (JdkImagesClient client = JdkImagesClient.builder()
 *       .baseUri(images.baseUri()).token(images.token()).build()) {
 *     images.fake().seedCustomImage("web");
 *     assertThat(client.retrieveImageList(ImageListQuery.all()).items()).isNotEmpty();
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #inMemory()} makes only the fake; {@link #withHttpFace()} also starts a face per test on an
 * ephemeral loopback port. Either takes the fake's configuration as a {@link FakeImages.Builder}
 * (built once per test) or a {@link Supplier} (called once per test and returning a new fake each
 * time; use it when each test needs its own {@link io.github.contabo4j.images.testkit.MutableClock}).
 *
 * <p><b>As parameters</b>: {@code @Test}, {@code @BeforeEach} and {@code @AfterEach} methods may
 * declare a {@link FakeImages} and/or a {@link FakeImagesServer} parameter; within one test they get
 * the same instances the accessors return. With {@code @ExtendWith(FakeImagesExtension.class)} the
 * fake has every default and the face is started only for tests that declare a {@code
 * FakeImagesServer} parameter (or call {@link #server()}):
 *
 * <pre>{@code
 * @ExtendWith(FakeImagesExtension.class)
 * class MyTest {
 *   @Test
 *   void overHttp(FakeImages fake, FakeImagesServer face) { ... }   // face serves fake
 * }
 * }</pre>
 *
 * <p><b>Misuse fails clearly</b>, with an {@link IllegalStateException} (accessors) or a {@link
 * ParameterResolutionException} (parameters) that says what to do instead: asking an {@link
 * #inMemory()} extension for a server, calling an accessor when no test is running (in {@code
 * @BeforeAll}, a static initializer) or while several tests of the same extension run in parallel
 * (use parameters then), a {@code FakeImages} constructor or {@code @BeforeAll} parameter, and a
 * supplier that hands out the same fake twice.
 *
 * <p>The testkit depends on no transport, so this extension makes no client: build one from {@link
 * #baseUri()} and {@link #token()}. JUnit Jupiter is an optional dependency of the testkit; a test that
 * uses this extension has it on its classpath anyway. Register at most one such extension per test
 * class if it uses parameters; with several, use the accessors.
 */
public final class FakeImagesExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final String KEY = "perTest";
  private static final Consumer<FakeImagesServer.Builder> NO_OPTIONS = options -> {};

  /** When the extension starts a face. */
  private enum Face {
    NEVER,
    ALWAYS,
    ON_DEMAND
  }

  private final Supplier<FakeImages> fakes;
  private final Face face;
  private final Consumer<FakeImagesServer.Builder> faceOptions;
  private final ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(FakeImagesExtension.class, this);
  private final Set<PerTest> running = ConcurrentHashMap.newKeySet();
  private volatile WeakReference<@Nullable FakeImages> previous = new WeakReference<>(null);

  /**
   * The extension {@code @ExtendWith(FakeImagesExtension.class)} creates: a default fake per test
   * ({@link FakeImages#create()}), and a face only for tests that ask for a {@link FakeImagesServer}.
   */
  public FakeImagesExtension() {
    this(FakeImages::create, Face.ON_DEMAND, NO_OPTIONS);
  }

  private FakeImagesExtension(Supplier<FakeImages> fakes, Face face, Consumer<FakeImagesServer.Builder> faceOptions) {
    this.fakes = fakes;
    this.face = face;
    this.faceOptions = faceOptions;
  }

  /**
   * A fresh default fake ({@link FakeImages#create()}) per test, and no HTTP face.
   *
   * @return the extension
   */
  public static FakeImagesExtension inMemory() {
    return inMemory(FakeImages::create);
  }

  /**
   * A fake built from {@code fake} per test, and no HTTP face. The builder is read when each test
   * starts; a clock set on it is shared by every test's fake.
   *
   * @param fake the configured builder
   * @return the extension
   */
  public static FakeImagesExtension inMemory(FakeImages.Builder fake) {
    return inMemory(builds(fake));
  }

  /**
   * A fake from {@code fake} per test, and no HTTP face.
   *
   * @param fake called once per test; must return a new fake each time
   * @return the extension
   */
  public static FakeImagesExtension inMemory(Supplier<FakeImages> fake) {
    return new FakeImagesExtension(Objects.requireNonNull(fake, "fake == null"), Face.NEVER, NO_OPTIONS);
  }

  /**
   * A fresh default fake per test, served by a fresh {@link FakeImagesServer} on an ephemeral
   * loopback port.
   *
   * @return the extension
   */
  public static FakeImagesExtension withHttpFace() {
    return withHttpFace(FakeImages::create);
  }

  /**
   * A fake built from {@code fake} per test, served by a fresh {@link FakeImagesServer}.
   *
   * @param fake the configured builder, read when each test starts
   * @return the extension
   */
  public static FakeImagesExtension withHttpFace(FakeImages.Builder fake) {
    return withHttpFace(builds(fake));
  }

  /**
   * A fake from {@code fake} per test, served by a fresh {@link FakeImagesServer}.
   *
   * @param fake called once per test; must return a new fake each time
   * @return the extension
   */
  public static FakeImagesExtension withHttpFace(Supplier<FakeImages> fake) {
    return new FakeImagesExtension(Objects.requireNonNull(fake, "fake == null"), Face.ALWAYS, NO_OPTIONS);
  }

  /**
   * A copy whose faces are configured by {@code options} before they start, e.g. {@code
   * .faceOptions(face -> face.acceptToken("test-token").user("alice", "s3cret"))}. Do not set a fixed
   * port unless tests never overlap.
   *
   * @param options applied to each test's {@link FakeImagesServer.Builder}
   * @return the copy
   * @throws IllegalStateException on an {@link #inMemory()} extension, which starts no face
   */
  public FakeImagesExtension faceOptions(Consumer<FakeImagesServer.Builder> options) {
    Objects.requireNonNull(options, "options == null");
    if (face == Face.NEVER) {
      throw new IllegalStateException(noFace("faceOptions()"));
    }
    return new FakeImagesExtension(fakes, face, options);
  }

  /**
   * The running test's fake.
   *
   * @return the fake, new for this test
   * @throws IllegalStateException if no test is running, or several are at once
   */
  public FakeImages fake() {
    return current("fake()").fake;
  }

  /**
   * The running test's HTTP face, serving {@link #fake()}. An extension from {@code new
   * FakeImagesExtension()} starts it on the first call.
   *
   * @return the running server, closed after the test
   * @throws IllegalStateException for an {@link #inMemory()} extension, or if no test is running
   */
  public FakeImagesServer server() {
    return serverFor("server()");
  }

  /**
   * The base URI of the running test's face: {@code server().baseUri()}.
   *
   * @return {@code http://127.0.0.1:<port>}
   * @throws IllegalStateException for an {@link #inMemory()} extension, or if no test is running
   */
  public URI baseUri() {
    return serverFor("baseUri()").baseUri();
  }

  /**
   * A bearer token the running test's face accepts: {@code server().token()}.
   *
   * @return the token
   * @throws IllegalStateException for an {@link #inMemory()} extension, or if no test is running
   */
  public String token() {
    return serverFor("token()").token();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    perTest(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    PerTest done = context.getStore(namespace).remove(KEY, PerTest.class);
    if (done != null) {
      done.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == FakeImages.class || type == FakeImagesServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Parameter parameter = parameterContext.getParameter();
    String what = parameter.getType().getSimpleName();
    if (extensionContext.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(what + " parameter '" + parameter.getName() + "' of "
          + parameterContext.getDeclaringExecutable() + ": FakeImagesExtension makes one per test, so it is "
          + "injected into @Test, @BeforeEach and @AfterEach methods only, not into constructors, @BeforeAll or "
          + "@AfterAll methods");
    }
    if (parameter.getType() == FakeImagesServer.class && face == Face.NEVER) {
      throw new ParameterResolutionException(noFace("a FakeImagesServer parameter"));
    }
    PerTest perTest = perTest(extensionContext);
    return parameter.getType() == FakeImages.class ? perTest.fake : perTest.server();
  }

  @Override
  public String toString() {
    return "FakeImagesExtension{" + switch (face) {
      case NEVER -> "in memory";
      case ALWAYS -> "with HTTP face";
      case ON_DEMAND -> "HTTP face on demand";
    } + ", running tests=" + running.size() + "}";
  }

  private FakeImagesServer serverFor(String accessor) {
    if (face == Face.NEVER) {
      throw new IllegalStateException(noFace(accessor));
    }
    return current(accessor).server();
  }

  private PerTest current(String accessor) {
    List<PerTest> now = List.copyOf(running);
    if (now.isEmpty()) {
      throw new IllegalStateException("FakeImagesExtension." + accessor + " was called while no test is running: "
          + "each test gets its own, made before its @BeforeEach methods and closed after its @AfterEach methods. "
          + "Register the extension with @RegisterExtension and do not call this from a static initializer, "
          + "@BeforeAll or @AfterAll");
    }
    if (now.size() > 1) {
      throw new IllegalStateException("FakeImagesExtension." + accessor + " was called while " + now.size()
          + " tests run at once, so it cannot tell which test's you mean: take FakeImages or FakeImagesServer "
          + "as a parameter instead, or run the class with @Execution(ExecutionMode.SAME_THREAD)");
    }
    return now.get(0);
  }

  private PerTest perTest(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(namespace);
    synchronized (running) {
      PerTest existing = store.get(KEY, PerTest.class);
      if (existing != null) {
        return existing;
      }
      PerTest created = new PerTest(newFake());
      store.put(KEY, created);
      running.add(created);
      if (face == Face.ALWAYS) {
        created.server();
      }
      return created;
    }
  }

  private FakeImages newFake() {
    FakeImages fake = fakes.get();
    if (fake == null) {
      throw new IllegalStateException("the FakeImages supplier given to FakeImagesExtension returned null");
    }
    if (fake == previous.get()) {
      throw new IllegalStateException("the FakeImages supplier given to FakeImagesExtension returned the same "
          + "fake as for the previous test: return a new one each time, e.g. () -> FakeImages.builder()...build()");
    }
    previous = new WeakReference<>(fake);
    return fake;
  }

  private static Supplier<FakeImages> builds(FakeImages.Builder fake) {
    return Objects.requireNonNull(fake, "fake == null")::build;
  }

  private static String noFace(String asked) {
    return "FakeImagesExtension.inMemory() starts no HTTP face, so it cannot give " + asked
        + ": create the extension with FakeImagesExtension.withHttpFace() instead";
  }

  /** What one test got; closing it stops the face. */
  private final class PerTest implements AutoCloseable {
    final FakeImages fake;
    private @Nullable FakeImagesServer server;
    private boolean closed;

    PerTest(FakeImages fake) {
      this.fake = fake;
    }

    synchronized FakeImagesServer server() {
      if (closed) {
        throw new IllegalStateException("this test's FakeImagesExtension state is already closed");
      }
      if (server == null) {
        FakeImagesServer.Builder builder = FakeImagesServer.builder(fake);
        faceOptions.accept(builder);
        server = builder.start();
      }
      return server;
    }

    /** Idempotent; also a backstop if JUnit closes the store without {@code afterEach}. */
    @Override
    public synchronized void close() {
      running.remove(this);
      closed = true;
      if (server != null) {
        server.close();
      }
    }
  }
}
