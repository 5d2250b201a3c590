package io.github.contabo4j.images.benchmarks;

import io.github.contabo4j.images.ImageListQuery;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.resilience.ResiliencePolicy;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client under test, doing the two measured calls against a {@link CannedServer}: {@code get}
 * ({@code GET /v1/compute/images/{IMAGE_ID}}) and {@code list} ({@code GET
 * /v1/compute/images?size=100}). Each call sends the bearer token and a fresh UUID4 {@code
 * x-request-id} and returns the parsed answer. Thread-safe: one instance serves every benchmark thread,
 * as one client serves a whole application.
 */
public interface Contender extends AutoCloseable {
  /** The raw floor: {@code java.net.http} + Jackson, no library code on the request path. */
  String RAW = "raw";
  /** The Feign transport's floor: Apache HttpClient 5 + the same Jackson reading, no library code. */
  String RAW_HC5 = "rawhc5";
  /** {@code JdkImagesClient} with default resilience (rate limit raised, see {@link #BENCH_POLICY}). */
  String JDK = "jdk";
  /** {@code FeignImagesClient} (Feign over Apache HttpClient 5), default resilience, limit raised. */
  String FEIGN = "feign";
  /** The openapi-generator {@code native} client, present when built with {@code -Pgenerated}. */
  String GENERATED = "generated";

  /**
   * The transports' policy: {@link ResiliencePolicy#defaults()} (retries, backoff, the limiter on
   * every attempt) with the rate limit raised from 10/s to 1,000,000/s so it never throttles a
   * benchmark; the limiter's bookkeeping is still paid on every call.
   */
  ResiliencePolicy BENCH_POLICY = ResiliencePolicy.defaults().toBuilder()
      .rateLimit(1_000_000, Duration.ofSeconds(1))
      .build();

  /** The bearer token every contender sends and the canned server requires. */
  String TOKEN = "bench-0123456789abcdef";
  /** The id every {@code get} asks for; the canned single-image answer is this image. */
  String IMAGE_ID = "6f0a3c1e-1b2d-4c3e-8f4a-000000000000";
  /** Images on the list page, and the {@code size} every {@code list} asks for. */
  int PAGE_SIZE = 100;

  /**
   * Connections every contender may keep: the Feign transport's and raw HC5's pool size, and
   * {@code jdk.httpclient.connectionPoolSize} for the {@code java.net.http} contenders' forks.
   */
  int MAX_CONNECTIONS = 20;

  /** The adapter of the generated client, compiled only with {@code -Pgenerated}. */
  String GENERATED_CLASS = "io.github.contabo4j.images.benchmarks.generatedclient.GeneratedContender";

  /**
   * Gets the canned image.
   *
   * @return the parsed image
   */
  Object get();

  /**
   * Lists the canned page of 100 images.
   *
   * @return the parsed page
   */
  Object list();

  /** Releases the client. */
  @Override
  void close();

  /**
   * The contenders this build holds: raw, rawhc5, jdk, feign, and generated when compiled in.
   *
   * @return their names
   */
  static List<String> available() {
    List<String> names = new ArrayList<>(List.of(RAW, RAW_HC5, JDK, FEIGN));
    try {
      Class.forName(GENERATED_CLASS);
      names.add(GENERATED);
    } catch (ClassNotFoundException e) {
      // built without -Pgenerated
    }
    return names;
  }

  /**
   * Opens a contender.
   *
   * @param name one of {@link #available()}
   * @param baseUri the canned server
   * @return the contender; close it when done
   * @throws IllegalArgumentException for an unknown or unavailable name
   */
  static Contender open(String name, URI baseUri) {
    switch (name) {
      case RAW:
        return new RawClient(baseUri);
      case RAW_HC5:
        return new RawApacheClient(baseUri);
      case JDK:
        return port(JdkImagesClient.builder().baseUri(baseUri).token(TOKEN).resilience(BENCH_POLICY).build());
      case FEIGN:
        return port(FeignImagesClient.builder().maxConnections(MAX_CONNECTIONS).baseUri(baseUri).token(TOKEN).resilience(BENCH_POLICY).build());
      case GENERATED:
        try {
          return (Contender) Class.forName(GENERATED_CLASS).getConstructor(URI.class, String.class)
              .newInstance(baseUri, TOKEN);
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("the generated contender is not built in: build with -Pgenerated", e);
        }
      default:
        throw new IllegalArgumentException("unknown contender " + name + ", expected one of " + available());
    }
  }

  /**
   * A fresh UUID4 for {@code x-request-id}, drawn from {@link ThreadLocalRandom} as the library
   * draws its own (so no contender pays for a shared {@code SecureRandom}).
   *
   * @return the id
   */
  static String uuid4() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
  }

  private static <P extends ImagesPort & AutoCloseable> Contender port(P client) {
    ImageListQuery list = ImageListQuery.builder().size(PAGE_SIZE).build();
    return new Contender() {
      @Override
      public Object get() {
        return client.retrieveImage(IMAGE_ID);
      }

      @Override
      public Object list() {
        return client.retrieveImageList(list);
      }

      @Override
      public void close() {
        try {
          client.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
