package io.github.contabo4j.images.testkit.contract;

import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.SpecValidator;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a contract suite over HTTP in one line: starts a spec-validated {@link FakeImagesServer} in
 * front of the suite's fake and hands the suite a cleanup that, after the test, fails it on any spec
 * violation and then closes the server.
 *
 * <pre>{@code
 * class JdkCrudLifecycleOverHttpTest extends CrudLifecycleContract {
 *   @Override
 *   protected ImagesPort portFor(FakeImages fake) {
 *     FakeImagesServer face = HttpFaceFixture.start(fake, this::closeAfterTest);
 *     return JdkImagesClient.builder().baseUri(face.baseUri()).token(face.token())
 *         .resilience(ResiliencePolicy.none()).build();
 *   }
 * }
 * }</pre>
 *
 * <p>The vendor spec is parsed once per JVM and shared (the validator is thread-safe). Needs {@code
 * swagger-request-validator-core} on the test classpath. Thread-safe.
 */
public final class HttpFaceFixture {
  private HttpFaceFixture() {}

  /** The one validator, loaded on first use. */
  private static final class Spec {
    static final SpecValidator VALIDATOR = SpecValidator.load();
  }

  /**
   * Starts a face of {@code backend} on an ephemeral port, validating every exchange against the
   * vendor spec (see {@link FakeImagesServer.Builder#validateAgainst}), and passes {@code
   * closeAfterTest} a resource that asserts no spec violations and then closes the server, even when
   * the assertion fails.
   *
   * @param backend the port the face serves, usually the suite's fake
   * @param closeAfterTest where to register the cleanup, e.g. {@code this::closeAfterTest} in a
   *     {@link PortContract}
   * @return the running server
   */
  public static FakeImagesServer start(ImagesPort backend, Consumer<? super AutoCloseable> closeAfterTest) {
    Objects.requireNonNull(backend, "backend == null");
    Objects.requireNonNull(closeAfterTest, "closeAfterTest == null");
    FakeImagesServer server = FakeImagesServer.builder(backend).validateAgainst(Spec.VALIDATOR).start();
    AutoCloseable checkThenClose = () -> {
      try {
        server.assertNoSpecViolations();
      } finally {
        server.close();
      }
    };
    closeAfterTest.accept(checkThenClose);
    return server;
  }
}
