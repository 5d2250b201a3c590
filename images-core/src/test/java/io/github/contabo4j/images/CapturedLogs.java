package io.github.contabo4j.images;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Core's test SLF4J binding (core cannot use the testkit's {@code CapturingLogs}: the testkit depends
 * on core). Every logger of the JVM is enabled at TRACE and every event is kept in memory for the
 * whole run ({@link #all()}), so {@link CoreSecretLeakTest}, which runs last, can scan everything the
 * run logged. Tests that check their own lines open a window with {@link #start()} (or {@link Around})
 * and read it with {@link #events()}; {@link #off()} switches every level off until the next {@code
 * start()}, for a test of what happens when logging is off. Registered through {@code
 * META-INF/services}; tests in this module run one at a time.
 */
public final class CapturedLogs {
  /** One captured event, its message formatted. */
  public record Event(Level level, String logger, String message, @Nullable Throwable thrown) {
    @Override
    public String toString() {
      return level + " " + logger + " " + message + (thrown == null ? "" : " " + thrown);
    }
  }

  private static final List<Event> EVENTS = new ArrayList<>();
  private static volatile boolean enabled = true;
  private static int from;
  private static int to = -1;

  private CapturedLogs() {}

  /** Starts a window of captured events (levels back on if {@link #off()} was called). */
  public static void start() {
    synchronized (EVENTS) {
      from = EVENTS.size();
      to = -1;
    }
    enabled = true;
  }

  /** Closes the window and returns what it captured; logging stays on. */
  public static List<Event> stop() {
    synchronized (EVENTS) {
      to = EVENTS.size();
    }
    return events();
  }

  /** Switches every level off until the next {@link #start()}. */
  public static void off() {
    stop();
    enabled = false;
  }

  /** What the current (or last) window captured. */
  public static List<Event> events() {
    synchronized (EVENTS) {
      return List.copyOf(EVENTS.subList(from, to < 0 ? EVENTS.size() : to));
    }
  }

  /** Every event of the run so far. */
  public static List<Event> all() {
    synchronized (EVENTS) {
      return List.copyOf(EVENTS);
    }
  }

  /** The formatted messages of one logger at one level. */
  public static List<String> messages(String logger, Level level) {
    return events().stream().filter(e -> e.logger().equals(logger) && e.level() == level).map(Event::message).toList();
  }

  /** Captures around each test of a class: {@code @ExtendWith(CapturedLogs.Around.class)}. */
  public static final class Around implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
      start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
      stop();
      enabled = true;
    }
  }

  /** The SLF4J 2 service provider. */
  public static final class Provider implements SLF4JServiceProvider {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
      return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
      return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
      return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
      return "2.0.99";
    }

    @Override
    public void initialize() {}
  }

  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
      if (!enabled) {
        return;
      }
      String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
      synchronized (EVENTS) {
        EVENTS.add(new Event(level, name, message, throwable));
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return enabled;
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled;
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled;
    }

    @Override
    public boolean isWarnEnabled() {
      return enabled;
    }

    @Override
    public boolean isErrorEnabled() {
      return enabled;
    }
  }
}
