package io.github.contabo4j.images.tck.logging;

import io.github.contabo4j.images.tck.SecretLeakScanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J 2 binding for tests that keeps <em>every</em> event of the JVM in memory: every logger
 * (this library's, Apache HttpClient's, Feign's, anything that logs through {@code org.slf4j}) is
 * enabled at TRACE from the first event to the end of the run, and each event is kept with its
 * formatted message and the full stack trace of its throwable. A test that runs last can then prove
 * that nothing the run logged holds a secret: {@link #assertNoLeak(Collection)}.
 *
 * <p><b>Opting in.</b> The TCK does not register it. A module registers it for its own tests by
 * adding {@code src/test/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider} with the one
 * line
 *
 * <pre>{@code
 * io.github.contabo4j.images.tck.logging.CapturingLogs$Provider
 * }</pre>
 *
 * and keeping every other SLF4J binding (slf4j-simple, logback, ...) off its test classpath; {@link
 * #installed()} tells whether this provider won. To run the leak test last, set {@code
 * junit.jupiter.testclass.order.default = org.junit.jupiter.api.ClassOrderer$OrderAnnotation} in
 * {@code junit-platform.properties} and annotate the test class {@code @Order(Integer.MAX_VALUE)}.
 *
 * <p><b>What it cannot see.</b> Libraries that shade their own copy of SLF4J (wiremock-standalone
 * relocates it to {@code wiremock.org.slf4j} and binds it to a no-op provider), and loggers that are not
 * SLF4J ({@code System.Logger}, {@code java.util.logging}).
 *
 * <p>Memory grows with the run: every event is kept until the JVM exits. Thread-safe.
 */
public final class CapturingLogs {
  private static final List<Event> EVENTS = new ArrayList<>();
  private static final Pattern TEXT_INDEX = Pattern.compile("in text #(\\d+)");

  private CapturingLogs() {}

  /**
   * One captured event.
   *
   * @param level the level
   * @param logger the logger's name
   * @param thread the logging thread's name
   * @param message the message with its arguments filled in
   * @param thrown the throwable's full stack trace (messages of causes and suppressed ones included),
   *     or null
   */
  public record Event(Level level, String logger, String thread, String message, @Nullable String thrown) {
    /**
     * The event as one text: level, logger, thread, message and stack trace.
     *
     * @return the text the leak scan searches
     */
    public String text() {
      return level + " [" + thread + "] " + logger + " - " + message + (thrown == null ? "" : "\n" + thrown);
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /**
   * Whether this class is the JVM's SLF4J binding, so that {@link #events()} sees every event.
   *
   * @return true when {@link LoggerFactory} hands out this provider's loggers
   */
  public static boolean installed() {
    return LoggerFactory.getILoggerFactory() instanceof Factory;
  }

  /**
   * Every event captured so far, oldest first.
   *
   * @return a snapshot
   */
  public static List<Event> events() {
    synchronized (EVENTS) {
      return List.copyOf(EVENTS);
    }
  }

  /**
   * The events whose logger name starts with a prefix.
   *
   * @param loggerPrefix e.g. {@code org.apache.hc}
   * @return a snapshot, oldest first
   */
  public static List<Event> events(String loggerPrefix) {
    Objects.requireNonNull(loggerPrefix, "loggerPrefix == null");
    return events(e -> e.logger().startsWith(loggerPrefix));
  }

  /**
   * The events that match.
   *
   * @param filter which events
   * @return a snapshot, oldest first
   */
  public static List<Event> events(Predicate<Event> filter) {
    return events().stream().filter(filter).toList();
  }

  /**
   * Asserts, with {@link SecretLeakScanner}, that no event captured so far holds any of the secrets
   * in any form the scanner knows (raw, URL-encoded, JSON-escaped, Base64). A leak is reported with
   * the level, logger and thread of the event that holds it, never the secret or the line.
   *
   * @param secrets the secrets, each at least {@value SecretLeakScanner#MIN_SECRET_LENGTH} characters
   * @return how many events were scanned
   * @throws AssertionError naming each leak
   * @throws IllegalStateException if this provider is not the JVM's SLF4J binding (the scan would
   *     prove nothing)
   */
  public static int assertNoLeak(Collection<String> secrets) {
    if (!installed()) {
      throw new IllegalStateException("CapturingLogs$Provider is not the SLF4J binding: register it in "
          + "META-INF/services/org.slf4j.spi.SLF4JServiceProvider and remove other bindings, found "
          + LoggerFactory.getILoggerFactory().getClass().getName());
    }
    List<Event> events = events();
    List<String> leaks = SecretLeakScanner.leaks(secrets, events.stream().map(Event::text).toArray(CharSequence[]::new));
    if (!leaks.isEmpty()) {
      List<String> located = new ArrayList<>();
      for (String leak : leaks) {
        Matcher m = TEXT_INDEX.matcher(leak);
        Event e = m.find() ? events.get(Integer.parseInt(m.group(1))) : null;
        located.add(e == null ? leak : leak + " = " + e.level() + " " + e.logger() + " [" + e.thread() + "]");
      }
      throw new AssertionError("secret logged: " + String.join("; ", located));
    }
    return events.size();
  }

  private static void add(Level level, String logger, String message, @Nullable Throwable thrown) {
    String trace = null;
    if (thrown != null) {
      StringWriter out = new StringWriter();
      thrown.printStackTrace(new PrintWriter(out));
      trace = out.toString();
    }
    Event event = new Event(level, logger, Thread.currentThread().getName(), message, trace);
    synchronized (EVENTS) {
      EVENTS.add(event);
    }
  }

  /**
   * The SLF4J 2 service provider; name it in {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}
   * to capture every event of the test JVM.
   */
  public static final class Provider implements SLF4JServiceProvider {
    private final Factory factory = new Factory();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** Created by SLF4J's service loader. */
    public Provider() {}

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

  private static final class Factory implements ILoggerFactory {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      return loggers.computeIfAbsent(name, CapturingLogger::new);
    }
  }

  /** Every level on; each event goes to {@link #EVENTS}. */
  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, @Nullable Marker marker, String messagePattern,
        Object @Nullable [] arguments, @Nullable Throwable throwable) {
      add(level, name, MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable);
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }
}
