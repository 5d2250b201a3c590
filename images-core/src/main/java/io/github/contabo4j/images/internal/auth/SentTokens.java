package io.github.contabo4j.images.internal.auth;

import io.github.contabo4j.images.TokenSource;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The token source the wire reads, remembering per thread the token the last attempt on that thread
 * was given, so the 401 replay invalidates the token that attempt sent (not whatever the source holds
 * by then, which another thread may already have renewed). Attempts run on the calling thread, so the
 * thread's last token is the attempt's. The token lives only in this thread-local, never in an
 * exception, and {@link #forget()} clears it when a call ends.
 */
public final class SentTokens implements TokenSource {
  private final TokenSource source;
  private final ThreadLocal<@Nullable String> lastSent = new ThreadLocal<>();

  /**
   * Wraps a source.
   *
   * @param source the caller's token source
   */
  public SentTokens(TokenSource source) {
    this.source = Objects.requireNonNull(source, "tokens == null");
  }

  @Override
  public String accessToken() {
    return remember(source.accessToken());
  }

  @Override
  public String accessToken(Duration timeLeft) {
    return remember(source.accessToken(timeLeft));
  }

  @Override
  public void invalidate(String rejectedToken) {
    source.invalidate(rejectedToken);
  }

  /** The token the last attempt on this thread was given, if any. */
  @Nullable String lastSentOnThisThread() {
    return lastSent.get();
  }

  /** Clears this thread's record; called when a call ends. */
  void forget() {
    lastSent.remove();
  }

  private String remember(String token) {
    lastSent.set(token);
    return token;
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
