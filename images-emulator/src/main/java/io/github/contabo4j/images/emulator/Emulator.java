package io.github.contabo4j.images.emulator;

import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.testkit.FakeImages;
import io.github.contabo4j.images.testkit.FakeImagesServer;
import io.github.contabo4j.images.testkit.SpecValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The Contabo Images emulator's command line: {@code java -jar images-emulator.jar --help}.
 *
 * <p>It serves the testkit's {@code FakeImages} through {@code FakeImagesServer}, with Contabo's
 * OAuth2 token endpoint, a control API under {@code /__emulator/}, an optional state file and an
 * optional strict mode. Once listening it prints one line, {@code ... ready: base URL <url> token URL
 * <url>}, after writing {@code --port-file} if asked. Exit codes: 0 after {@code --help} or {@code
 * --version}; 2 for a bad command line; 1 when it cannot start (port taken, state file locked by
 * another emulator or unreadable, bad seed file); 143 after SIGTERM (the JVM's 128 + 15), once the
 * state file is flushed.
 */
public final class Emulator {
  /** The line printed once the emulator is ready starts with this. */
  static final String READY = "Contabo Images emulator ";

  private Emulator() {}

  /**
   * Runs the emulator until the process is stopped.
   *
   * @param args the command line; {@code --help} lists the options
   */
  public static void main(String[] args) {
    Running running;
    try {
      Options options = Options.parse(args);
      if (options.help) {
        System.out.println(Options.USAGE);
        return;
      }
      if (options.version) {
        System.out.println("images-emulator " + version());
        return;
      }
      running = start(options, System.out);
    } catch (Options.UsageException e) {
      System.err.println("images-emulator: " + e.getMessage());
      System.exit(2);
      return;
    } catch (StartException e) {
      System.err.println("images-emulator: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    // SIGTERM (or Ctrl-C) runs the hook: stop serving, flush the state file, release its lock.
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "images-emulator-shutdown"));
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The emulator could not start; the message says why. */
  static final class StartException extends Exception {
    StartException(String message) {
      super(message);
    }
  }

  /** A started emulator. */
  static final class Running implements AutoCloseable {
    private final FakeImagesServer server;
    private final EmulatorState state;
    private boolean closed;

    Running(FakeImagesServer server, EmulatorState state) {
      this.server = server;
      this.state = state;
    }

    URI baseUri() {
      return server.baseUri();
    }

    EmulatorState state() {
      return state;
    }

    /** Stops serving, writes the state file one last time and releases its lock. Idempotent. */
    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      server.close();
      try {
        state.persist();
      } finally {
        if (state.file() != null) {
          state.file().close();
        }
      }
    }
  }

  /** Starts an emulator in this process and prints its start-up lines to {@code out}. */
  static Running start(Options options, PrintStream out) throws StartException {
    StateFile file = null;
    try {
      if (options.stateFile != null) {
        file = StateFile.open(options.stateFile);
      }
      Running running = start(options, out, file);
      file = null; // the running emulator owns it now
      return running;
    } catch (StateFile.StateException e) {
      throw new StartException(e.getMessage());
    } finally {
      if (file != null) {
        file.close();
      }
    }
  }

  private static Running start(Options options, PrintStream out, @Nullable StateFile file)
      throws StartException, StateFile.StateException {
    OffsetClock clock = new OffsetClock(Clock.systemUTC());
    FakeImages fake = FakeImages.builder()
        .clock(clock)
        .downloadDuration(options.downloadTime)
        .storageQuotaMb(options.quotaMb)
        .defaultCustomImageSizeMb(options.imageSizeMb)
        .seedStandardImages(options.standardImages)
        .downloadFailures(url -> fails(options, url) ? Optional.of(options.downloadError) : Optional.empty())
        .build();
    ImageJson.Defaults defaults = new ImageJson.Defaults(fake.tenantId(), fake.customerId(),
        fake.defaultCustomImageSizeMb(), clock.instant());
    List<Image> initial = new ArrayList<>(fake.images());
    if (options.seedFile != null) {
      initial.addAll(readSeedFile(options.seedFile, defaults));
    }
    fake.restore(initial, List.of());
    EmulatorState state = new EmulatorState(fake, clock, file, initial);
    List<String> notes = new ArrayList<>();
    if (file != null) {
      StateFile.Snapshot snapshot = file.load(defaults);
      if (snapshot == null) {
        notes.add("state file " + file.path() + ": new, written on every change");
      } else {
        clock.offset(snapshot.clockOffset());
        fake.restore(snapshot.images(), snapshot.audits());
        notes.add("state file " + file.path() + ": loaded " + snapshot.images().size() + " images and "
            + snapshot.audits().size() + " audit entries (the seed file applies on reset only)");
      }
      try {
        state.persist();
      } catch (UncheckedIOException e) {
        throw new StartException(e.getMessage() + ": " + e.getCause());
      }
    }
    FakeImagesServer[] face = new FakeImagesServer[1];
    FakeImagesServer.Builder builder = FakeImagesServer.builder(new PersistingPort(state))
        .port(options.port)
        .bindAddress(options.bind)
        .tokenLifetime(options.tokenLifetime)
        .requestHistoryLimit(ControlApi.JOURNAL_LIMIT);
    if (options.anyCredentials()) {
      builder.acceptAnyCredentials();
      notes.add("credentials: the token endpoint accepts any client id, client secret, user and password");
    } else {
      builder.client(options.clientId, options.clientSecret).user(options.username, options.password);
      notes.add("credentials: the token endpoint accepts only the client and user given on the command line");
    }
    if (options.strict) {
      builder.rejectOffSpecRequests(SpecValidator.load());
      notes.add("strict mode: every request the vendor spec rejects gets 400");
    }
    if (options.control) {
      builder.route(ControlApi.PREFIX,
          new ControlApi(state, () -> face[0], options.controlToken, version(), options.strict));
    }
    if (!options.bind.isLoopbackAddress()) {
      notes.add("WARNING: listening on " + options.bind.getHostAddress()
          + ": the emulator is reachable from the network; its tokens protect nothing real");
    }
    try {
      face[0] = builder.start();
    } catch (UncheckedIOException e) {
      throw new StartException(e.getMessage() + ": " + e.getCause().getMessage());
    }
    URI base = face[0].baseUri();
    notes.add(options.control
        ? "control API: " + base.resolve(ControlApi.PREFIX) + (options.controlToken == null ? "" : " (needs the control token)")
        : "control API: off");
    try {
      if (options.portFile != null) {
        writeAtomically(options.portFile, face[0].port() + "\n");
      }
    } catch (IOException e) {
      face[0].close();
      throw new StartException("cannot write --port-file " + options.portFile + ": " + e);
    }
    notes.forEach(out::println);
    out.println(READY + version() + " ready: base URL " + base + " token URL " + face[0].tokenEndpoint());
    out.flush();
    return new Running(face[0], state);
  }

  private static boolean fails(Options options, String url) {
    return FakeImages.invalidHostFails(url).isPresent()
        || (options.failDownloads != null && options.failDownloads.matcher(url).find());
  }

  private static List<Image> readSeedFile(Path path, ImageJson.Defaults defaults) throws StartException {
    try {
      var json = ImageJson.MAPPER.readTree(Files.readAllBytes(path));
      return ImageJson.readImages(json != null && json.isObject() ? json.get("images") : json, "images", defaults);
    } catch (IOException e) {
      throw new StartException("cannot read --seed file " + path + ": " + e.getMessage());
    } catch (ImageJson.BadJsonException e) {
      throw new StartException("--seed file " + path + ": " + e.getMessage());
    }
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path target = file.toAbsolutePath();
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temp, content, StandardCharsets.US_ASCII);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String version() {
    try (InputStream in = Emulator.class.getResourceAsStream("emulator.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
