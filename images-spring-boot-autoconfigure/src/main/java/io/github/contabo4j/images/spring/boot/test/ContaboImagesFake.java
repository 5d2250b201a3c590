package io.github.contabo4j.images.spring.boot.test;

import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import java.net.URI;
import java.util.Objects;

/**
 * The fake Contabo API the client bean talks to when {@code contabo.images.fake=true} (or {@link
 * AutoConfigureContaboImagesFake}): the testkit's in-memory {@link FakeImages} behind its HTTP face,
 * {@link FakeImagesServer}, on a loopback port. Inject it to seed images or inspect calls:
 *
 * <pre>{@code
 * @Autowired ContaboImagesFake fake;
 * fake.images().seedCustomImage("ubuntu-golden");
 * }</pre>
 *
 * <p>Declare a bean of this type yourself ({@link #of(FakeImages)}) to start from a seeded or
 * faulty fake. The server accepts any credentials; the client is given made-up ones, so no real
 * credential is ever sent, even to the loopback server. Closed with the context.
 */
public final class ContaboImagesFake implements AutoCloseable {
  private final FakeImages images;
  private final FakeImagesServer server;

  private ContaboImagesFake(FakeImages images) {
    this.images = Objects.requireNonNull(images, "images == null");
    this.server = FakeImagesServer.builder(images).acceptAnyCredentials().start();
  }

  /**
   * Starts the HTTP face of a fresh fake.
   *
   * @return the running fake
   */
  public static ContaboImagesFake start() {
    return of(FakeImages.create());
  }

  /**
   * Starts the HTTP face of this fake.
   *
   * @param images the fake that answers every call
   * @return the running fake
   */
  public static ContaboImagesFake of(FakeImages images) {
    return new ContaboImagesFake(images);
  }

  /**
   * The in-memory fake behind the server: seed it, script faults, read its calls.
   *
   * @return the fake
   */
  public FakeImages images() {
    return images;
  }

  /**
   * The HTTP face.
   *
   * @return the server
   */
  public FakeImagesServer server() {
    return server;
  }

  /**
   * The base URI the client bean is pointed at.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI baseUri() {
    return server.baseUri();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "ContaboImagesFake{" + server + "}";
  }
}
