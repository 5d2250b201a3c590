package io.github.contabo4j.images.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A point in time on an injected clock by which something must be done: a call, or the audit lookup
 * after an ambiguous create. The decorator asks it before every wait whether the wait may start.
 */
public final class Deadline {
  private final Clock clock;
  private final Duration budget;
  private final Instant at;

  private Deadline(Clock clock, Duration budget) {
    this.clock = clock;
    this.budget = budget;
    this.at = clock.instant().plus(budget);
  }

  /**
   * A deadline {@code budget} from now.
   *
   * @param clock the time source
   * @param budget the time allowed, positive
   * @return the deadline
   */
  public static Deadline after(Clock clock, Duration budget) {
    return new Deadline(clock, budget);
  }

  /** The time allowed in all, as given. */
  public Duration budget() {
    return budget;
  }

  /**
   * The time left.
   *
   * @return zero once the deadline has passed
   */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), at);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Whether a wait of this length may start: only if it ends before the deadline, so that some time
   * is left for the attempt that follows it.
   *
   * @param wait the wait
   * @return true if it ends strictly before the deadline
   */
  public boolean allows(Duration wait) {
    return wait.compareTo(remaining()) < 0;
  }
}
