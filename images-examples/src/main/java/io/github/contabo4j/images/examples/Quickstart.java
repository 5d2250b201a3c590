package io.github.contabo4j.images.examples;

import io.github.contabo4j.images.ImagesClient;
import io.github.contabo4j.images.ImagesException;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.Sleeper;
import io.github.contabo4j.images.upload.ImageUploads;
import io.github.contabo4j.images.TokenSource;
import io.github.contabo4j.images.auth.ContaboCredentials;
import io.github.contabo4j.images.auth.CredentialsChain;
import io.github.contabo4j.images.examples.QuickstartOptions.Transport;
import io.github.contabo4j.images.examples.QuickstartOptions.UsageException;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The quickstart: with no arguments it starts the testkit's fake Contabo Images server on a free
 * loopback port and runs the whole image lifecycle against it through a real transport, printing one
 * line per call with the call's {@code x-request-id}. With {@code --base-url} and {@code --token} it
 * talks to any spec-compatible server instead, and its read-only commands {@code list}, {@code get ID}
 * and {@code stats} make it a tiny CLI. With {@code --real} it calls the real API with the credentials
 * the credentials chain finds; without it, credentials lying around (a {@code ~/.cntb.yaml}, {@code
 * CONTABO_*} variables) are never used. {@code --help} lists everything.
 *
 * <pre>{@code
 * ./mvnw -q -pl images-examples -am -Dquickstart compile
 * ./mvnw -q -pl images-examples -am -Dquickstart compile -Dexec.args="--transport feign"
 * }</pre>
 */
public final class Quickstart {
  /** How long an image takes to download on the embedded server. */
  static final Duration EMBEDDED_DOWNLOAD = Duration.ofSeconds(2);
  /** How long the lifecycle waits for a download at most. */
  static final Duration POLL_TIMEOUT = Duration.ofMinutes(2);

  static final int OK = 0;
  static final int CALL_FAILED = 1;
  static final int BAD_ARGUMENTS = 2;

  private Quickstart() {}

  /**
   * Where time comes from: the real clock and sleeps for the program, a virtual clock in tests.
   *
   * @param clock the clock of the embedded fake and the transports, or null for their defaults
   * @param sleeper how the lifecycle waits between polls
   */
  record Timing(@Nullable Clock clock, Sleeper sleeper) {
    static final Timing REAL = new Timing(null, Sleeper.system());
  }

  /**
   * Runs the quickstart and exits with its status when that is not 0.
   *
   * @param args see {@code --help}
   */
  public static void main(String[] args) {
    int status = run(List.of(args), System.getenv(), CredentialsChain.defaults(), System.out, System.err, Timing.REAL);
    if (status != OK) {
      System.exit(status);
    }
  }

  /**
   * Runs the quickstart.
   *
   * @param chain where {@code --real} finds its credentials; read only with {@code --real}
   * @return {@link #OK}, {@link #CALL_FAILED} or {@link #BAD_ARGUMENTS}
   */
  static int run(List<String> args, Map<String, String> env, CredentialsChain chain, PrintStream out, PrintStream err,
      Timing timing) {
    QuickstartOptions options;
    try {
      options = QuickstartOptions.parse(args, env);
    } catch (UsageException e) {
      err.println("quickstart: " + e.getMessage());
      return BAD_ARGUMENTS;
    }
    if (options.help()) {
      out.print(QuickstartOptions.USAGE);
      out.flush();
      return OK;
    }

    FakeImagesServer embedded = null;
    try {
      @Nullable URI baseUri;
      TokenSource tokens;
      if (options.real()) {
        ContaboCredentials credentials = chain.resolve().build();   // Contabo's OAuth2 password grant
        baseUri = options.baseUrl();   // null: the source's API URL, else https://api.contabo.com
        tokens = credentials;
        err.println("Real API" + (baseUri == null ? "" : " at " + baseUri) + ", " + credentials + ".");
      } else if (options.baseUrl() == null) {
        embedded = startEmbedded(timing);
        baseUri = embedded.baseUri();
        tokens = TokenSource.fixed(embedded.token());
        err.println("Embedded fake Contabo Images server at " + baseUri + " (downloads take "
            + EMBEDDED_DOWNLOAD.toSeconds() + " s), transport " + options.transport().name().toLowerCase(java.util.Locale.ROOT) + ".");
      } else {
        baseUri = options.baseUrl();
        tokens = TokenSource.fixed(Objects.requireNonNull(options.token(), "token"));
      }
      Transcript transcript = new Transcript(out);
      try (ImagesClient images = connect(options.transport(), baseUri, tokens, timing, transcript.polls())) {
        ImageUploads.Builder uploads = ImageUploads.builder(images).sleeper(timing.sleeper());
        if (timing.clock() != null) {
          uploads.clock(timing.clock());
        }
        QuickstartSteps steps = new QuickstartSteps(images, uploads.build(), transcript, err,
            timing.clock() == null ? Clock.systemUTC() : timing.clock(), POLL_TIMEOUT);
        switch (options.command()) {
          case LIFECYCLE -> steps.lifecycle();
          case LIST -> steps.list();
          case GET -> steps.get(options.imageId());
          case STATS -> steps.stats();
        }
        return OK;
      }
    } catch (IllegalArgumentException e) { // a bad setting (builders) or request input (InvalidRequestException)
      err.println("quickstart: " + e.getMessage());
      return BAD_ARGUMENTS;
    } catch (ImagesException | QuickstartSteps.StepFailed e) {
      err.println("quickstart: " + e.getMessage());
      return CALL_FAILED;
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** The testkit's fake behind its HTTP face; downloads finish after {@link #EMBEDDED_DOWNLOAD}. */
  private static FakeImagesServer startEmbedded(Timing timing) {
    FakeImages.Builder fake = FakeImages.builder().downloadDuration(EMBEDDED_DOWNLOAD).sleeper(timing.sleeper());
    if (timing.clock() != null) {
      fake.clock(timing.clock());
    }
    return FakeImagesServer.start(fake.build());
  }

  /**
   * A transport client; both apply the resilience decorator by default, reporting to the listener. A
   * null base URI leaves the builder's default: the credentials chain's source, else the real API.
   */
  static ImagesClient connect(
      Transport transport, @Nullable URI baseUri, TokenSource tokens, Timing timing, ImagesListener listener) {
    return switch (transport) {
      case JDK -> {
        JdkImagesClient.Builder builder = JdkImagesClient.builder().tokenSource(tokens)
            .sleeper(timing.sleeper()).listener(listener);
        if (baseUri != null) {
          builder.baseUri(baseUri);
        }
        if (timing.clock() != null) {
          builder.clock(timing.clock());
        }
        yield builder.build();
      }
      case FEIGN -> {
        FeignImagesClient.Builder builder = FeignImagesClient.builder().tokenSource(tokens)
            .sleeper(timing.sleeper()).listener(listener);
        if (baseUri != null) {
          builder.baseUri(baseUri);
        }
        if (timing.clock() != null) {
          builder.clock(timing.clock());
        }
        yield builder.build();
      }
    };
  }
}
