package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.ImagesOperation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Seeded-random misbehaviour for a {@link FakeImages}, in the manner of Retrofit's {@code
 * NetworkBehavior}: latency, failure percentage and error percentage, drawn from a {@link Random}
 * you pass in, so that a run with the same seed and the same calls repeats exactly. Install it with
 * {@code fake.faults().random(profile)}.
 *
 * <p>For each call to an affected operation, in this order:
 *
 * <ol>
 *   <li><b>latency:</b> when {@link Builder#latency} is above zero, the call waits that long, varied
 *       uniformly by up to ±{@link Builder#latencyVariancePercent} percent (one draw), through the
 *       fake's {@code Sleeper};
 *   <li><b>failure:</b> with {@link Builder#failurePercent} probability (one draw), the call fails
 *       with an {@code ImagesTransportException} {@code CONNECTION_CLOSED}, {@code MAYBE_PROCESSED},
 *       and the operation is <em>not</em> applied;
 *   <li><b>error:</b> otherwise, with {@link Builder#errorPercent} probability (one more draw), the
 *       call fails with status {@link Builder#errorStatus} (default 500) and is not applied.
 * </ol>
 *
 * <p>A scripted fault, when one is pending for the call, wins: the failure and error draws are then
 * skipped (the latency draw is not). Defaults: no latency, 0 % failures, 0 % errors, every operation.
 */
public final class RandomFaults {
  private static final RandomFaults NONE = new Builder(new Random(0)).build();

  private final Random random;
  private final Duration latency;
  private final int latencyVariancePercent;
  private final int failurePercent;
  private final int errorPercent;
  private final int errorStatus;
  private final Set<ImagesOperation> operations;

  private RandomFaults(Builder b) {
    random = b.random;
    latency = b.latency;
    latencyVariancePercent = b.latencyVariancePercent;
    failurePercent = b.failurePercent;
    errorPercent = b.errorPercent;
    errorStatus = b.errorStatus;
    operations = Set.copyOf(b.operations);
  }

  /** No latency and no faults: what a fake starts with. */
  public static RandomFaults none() {
    return NONE;
  }

  /**
   * Starts a profile drawing from {@code random}.
   *
   * @param random the source of every draw; seed it so runs repeat, e.g. {@code new Random(42)}
   * @return the builder
   * @throws NullPointerException if {@code random} is null
   */
  public static Builder builder(Random random) {
    return new Builder(random);
  }

  /** The base latency. */
  public Duration latency() {
    return latency;
  }

  /** How much the latency varies, in percent either way. */
  public int latencyVariancePercent() {
    return latencyVariancePercent;
  }

  /** The chance, in percent, that a call fails as a lost connection. */
  public int failurePercent() {
    return failurePercent;
  }

  /** The chance, in percent, that a call is answered with {@link #errorStatus()}. */
  public int errorPercent() {
    return errorPercent;
  }

  /** The status of a random error. */
  public int errorStatus() {
    return errorStatus;
  }

  /** The operations this profile affects. */
  public Set<ImagesOperation> operations() {
    return operations;
  }

  /** Draws the latency of one call; zero when none is configured. Synchronized by the caller. */
  Duration drawLatency(ImagesOperation operation) {
    if (!operations.contains(operation) || latency.isZero()) {
      return Duration.ZERO;
    }
    if (latencyVariancePercent == 0) {
      return latency;
    }
    double factor = 1 + (random.nextDouble() * 2 - 1) * latencyVariancePercent / 100.0;
    return Duration.ofNanos(Math.round(latency.toNanos() * factor));
  }

  /** Draws the fault of one call, if any. Synchronized by the caller. */
  @Nullable Fault drawFault(ImagesOperation operation) {
    if (!operations.contains(operation)) {
      return null;
    }
    if (failurePercent > 0 && random.nextInt(100) < failurePercent) {
      return Fault.transport(Fault.Kind.CONNECTION_CLOSED, false);
    }
    if (errorPercent > 0 && random.nextInt(100) < errorPercent) {
      return Fault.status(errorStatus, Fault.reasonPhrase(errorStatus), null, false);
    }
    return null;
  }

  @Override
  public String toString() {
    return "RandomFaults{latency=" + latency + " ±" + latencyVariancePercent + "%, failure="
        + failurePercent + "%, error=" + errorPercent + "% (" + errorStatus + "), operations=" + operations + "}";
  }

  /** Builds {@link RandomFaults}; every setting is checked when set. */
  public static final class Builder {
    private final Random random;
    private Duration latency = Duration.ZERO;
    private int latencyVariancePercent;
    private int failurePercent;
    private int errorPercent;
    private int errorStatus = 500;
    private Set<ImagesOperation> operations = EnumSet.allOf(ImagesOperation.class);

    private Builder(Random random) {
      if (random == null) {
        throw new NullPointerException("random == null");
      }
      this.random = random;
    }

    /**
     * Sets the base latency of every affected call (default zero).
     *
     * @param latency zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder latency(Duration latency) {
      if (latency == null) {
        throw new NullPointerException("latency == null");
      }
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative, was " + latency);
      }
      this.latency = latency;
      return this;
    }

    /**
     * Sets how much the latency varies either way, in percent (default 0).
     *
     * @param percent 0 to 100
     * @return this builder
     * @throws IllegalArgumentException if outside 0-100
     */
    public Builder latencyVariancePercent(int percent) {
      this.latencyVariancePercent = requirePercent("latencyVariancePercent", percent);
      return this;
    }

    /**
     * Sets the chance that a call fails as a lost connection (default 0).
     *
     * @param percent 0 to 100
     * @return this builder
     * @throws IllegalArgumentException if outside 0-100
     */
    public Builder failurePercent(int percent) {
      this.failurePercent = requirePercent("failurePercent", percent);
      return this;
    }

    /**
     * Sets the chance that a call is answered with the error status (default 0).
     *
     * @param percent 0 to 100
     * @return this builder
     * @throws IllegalArgumentException if outside 0-100
     */
    public Builder errorPercent(int percent) {
      this.errorPercent = requirePercent("errorPercent", percent);
      return this;
    }

    /**
     * Sets the status of a random error (default 500).
     *
     * @param status 400 to 599
     * @return this builder
     * @throws IllegalArgumentException if not an error status
     */
    public Builder errorStatus(int status) {
      this.errorStatus = FakeFaults.requireErrorStatus(status, 400);
      return this;
    }

    /**
     * Limits the profile to some operations (default all).
     *
     * @param first an operation
     * @param more further operations
     * @return this builder
     */
    public Builder operations(ImagesOperation first, ImagesOperation... more) {
      if (first == null) {
        throw new NullPointerException("operations == null");
      }
      this.operations = EnumSet.of(first, more);
      return this;
    }

    /** Builds the profile. */
    public RandomFaults build() {
      return new RandomFaults(this);
    }

    private static int requirePercent(String name, int percent) {
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException(name + " must be between 0 and 100 (inclusive), was " + percent);
      }
      return percent;
    }
  }
}
