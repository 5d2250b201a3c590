package io.github.contabo4j.images.internal;

import io.github.contabo4j.images.CallContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How long the next attempt of a call may take, carried in its {@link CallContext} from the
 * resilience layer (which sets it before each attempt, from the attempt timeout and what the call's
 * deadline leaves) to the wire and the transport (which cut the attempt there). Kept out of {@code
 * CallContext}'s public API: {@code CallContext} registers its accessor here when it is loaded.
 */
public final class AttemptTimeouts {

  /** Reads and writes the attempt timeout of a context; implemented by {@code CallContext} only. */
  public interface Access {
    /**
     * Sets the attempt timeout.
     *
     * @param context the context
     * @param timeout the timeout, positive
     */
    void limit(CallContext context, Duration timeout);

    /**
     * Reads the attempt timeout.
     *
     * @param context the context
     * @return the timeout, or null if none was set
     */
    @Nullable Duration get(CallContext context);
  }

  private static volatile @Nullable Access access;

  private AttemptTimeouts() {}

  /**
   * Called once, by {@code CallContext}'s static initializer.
   *
   * @param implementation the accessor
   */
  public static void register(Access implementation) {
    Objects.requireNonNull(implementation, "implementation == null");
    if (!implementation.getClass().getName().startsWith(CallContext.class.getName() + "$")) {
      throw new IllegalStateException("only CallContext registers the attempt-timeout accessor");
    }
    access = implementation;
  }

  /**
   * Limits how long the attempts that follow may take.
   *
   * @param context the call's context
   * @param timeout more than zero
   */
  public static void limit(CallContext context, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    access(context).limit(context, timeout);
  }

  /**
   * How long the next attempt may take, if a decorator said so.
   *
   * @param context the call's context
   * @return the timeout, or empty
   */
  public static Optional<Duration> of(CallContext context) {
    return Optional.ofNullable(access(context).get(context));
  }

  private static Access access(CallContext context) {
    Objects.requireNonNull(context, "context == null");
    Access a = access; // set: a CallContext exists, so its class was initialized
    if (a == null) {
      throw new IllegalStateException("CallContext did not register its accessor");
    }
    return a;
  }
}
