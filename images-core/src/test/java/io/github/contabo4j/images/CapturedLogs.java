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
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Core's test SLF4J binding: while {@link #start()}ed, this library's loggers (names starting {@code
 * io.github.contabo4j}) are enabled at TRACE and every event is kept in memory; otherwise, and for
 * every other logger (WireMock's Jetty, ...), every level is off. Registered through {@code
 * META-INF/services}; tests in this module run one at a time, so one global capture is enough.
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
  private static volatile boolean capturing;

  private CapturedLogs() {}

  /** Clears what was captured and starts capturing at TRACE. */
  public static void start() {
    synchronized (EVENTS) {
      EVENTS.clear();
    }
    capturing = true;
  }

  /** Stops capturing and returns what was captured. */
  public static List<Event> stop() {
    capturing = false;
    return events();
  }

  /** What was captured so far. */
  public static List<Event> events() {
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

  private static final class CapturingLogger extends AbstractLogger {
    private static final long serialVersionUID = 1L;

    private final boolean ours;

    CapturingLogger(String name) {
      this.name = name;
      this.ours = name.startsWith("io.github.contabo4j");
    }

    private boolean on() {
      return ours && capturing;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
      if (!on()) {
        return;
      }
      String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
      synchronized (EVENTS) {
        EVENTS.add(new Event(level, name, message, throwable));
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return on();
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return on();
    }

    @Override
    public boolean isDebugEnabled() {
      return on();
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return on();
    }

    @Override
    public boolean isInfoEnabled() {
      return on();
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return on();
    }

    @Override
    public boolean isWarnEnabled() {
      return on();
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return on();
    }

    @Override
    public boolean isErrorEnabled() {
      return on();
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return on();
    }
  }
}
