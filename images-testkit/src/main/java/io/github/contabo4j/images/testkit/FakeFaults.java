package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.ImagesOperation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fault script of one {@link FakeImages}: off until a test asks. Get it with {@link
 * FakeImages#faults()}.
 *
 * <p><b>Scripted faults</b> queue per operation and are used up one per call, in order:
 *
 * <pre>{@code
 * fake.faults()
 *     .nextCalls(ImagesOperation.RETRIEVE_IMAGE_LIST, 2).rateLimited(Duration.ofSeconds(2))
 *     .next(ImagesOperation.CREATE_CUSTOM_IMAGE).serverError(500)
 *     .next(ImagesOperation.CREATE_CUSTOM_IMAGE).answerLost();
 * }</pre>
 *
 * <p>Unless a step says otherwise the operation is <em>not</em> applied: the call fails before it
 * has any effect. {@link Next#afterApplying()} makes the fault strike after the operation took effect
 * (an image created, an audit entry written), which is what a lost answer looks like to a client;
 * {@link Next#answerLost()} is the shorthand for the classic case.
 *
 * <p><b>Seeded-random faults</b>: {@link #random(RandomFaults)}. A pending scripted fault wins over
 * the random failure and error draws of that call.
 *
 * <p>Every fault carries the call's request ids and trace id, like a real failure. Thread-safe.
 */
public final class FakeFaults {
  private final Object lock = new Object();
  private final Map<ImagesOperation, ArrayDeque<Fault>> scripted = new EnumMap<>(ImagesOperation.class);
  private RandomFaults random = RandomFaults.none();

  FakeFaults() {}

  /**
   * Scripts a fault for the next call of an operation.
   *
   * @param operation the operation
   * @return the step; finish it with one of its fault methods
   */
  public Next next(ImagesOperation operation) {
    return nextCalls(operation, 1);
  }

  /**
   * Scripts the same fault for the next {@code count} calls of an operation.
   *
   * @param operation the operation
   * @param count how many calls, at least 1
   * @return the step; finish it with one of its fault methods
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public Next nextCalls(ImagesOperation operation, int count) {
    if (operation == null) {
      throw new NullPointerException("operation == null");
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    return new Next(operation, count, false);
  }

  /**
   * Installs seeded-random latency and faults, replacing any earlier profile; {@link
   * RandomFaults#none()} switches them off.
   *
   * @param profile the profile
   * @return this script
   */
  public FakeFaults random(RandomFaults profile) {
    if (profile == null) {
      throw new NullPointerException("profile == null");
    }
    synchronized (lock) {
      random = profile;
    }
    return this;
  }

  /**
   * How many scripted faults are still waiting for calls of an operation.
   *
   * @param operation the operation
   * @return the number left
   */
  public int pending(ImagesOperation operation) {
    synchronized (lock) {
      ArrayDeque<Fault> queue = scripted.get(operation);
      return queue == null ? 0 : queue.size();
    }
  }

  /** Drops every scripted fault and the random profile: the fake behaves again. */
  public void clear() {
    synchronized (lock) {
      scripted.clear();
      random = RandomFaults.none();
    }
  }

  /** What happens to one call: a wait, and possibly a fault. */
  record Plan(Duration delay, @Nullable Fault fault) {}

  /** Plans one call: takes the next scripted fault of the operation, or draws random ones. */
  Plan plan(ImagesOperation operation) {
    synchronized (lock) {
      Duration delay = random.drawLatency(operation);
      ArrayDeque<Fault> queue = scripted.get(operation);
      Fault fault = queue == null ? null : queue.poll();
      if (fault == null) {
        return new Plan(delay, random.drawFault(operation));
      }
      if (!fault.fails()) {
        return new Plan(delay.plus(fault.delay()), null);
      }
      return new Plan(delay, fault);
    }
  }

  private FakeFaults add(ImagesOperation operation, int count, Fault fault) {
    synchronized (lock) {
      ArrayDeque<Fault> queue = scripted.computeIfAbsent(operation, op -> new ArrayDeque<>());
      for (int i = 0; i < count; i++) {
        queue.add(fault);
      }
    }
    return this;
  }

  static int requireErrorStatus(int status, int lowest) {
    if (status < lowest || status > 599) {
      throw new IllegalArgumentException("status must be between " + lowest + " and 599, was " + status);
    }
    return status;
  }

  /**
   * One step of the script: which calls, and whether the fault strikes after the operation was
   * applied. Each fault method queues the fault and returns the script for the next step.
   */
  public final class Next {
    private final ImagesOperation operation;
    private final int count;
    private final boolean afterApplying;

    private Next(ImagesOperation operation, int count, boolean afterApplying) {
      this.operation = operation;
      this.count = count;
      this.afterApplying = afterApplying;
    }

    /**
     * Makes the fault strike after the operation took effect: for a create, the image exists and its
     * {@code CREATED} audit entry carries the call's request id, yet the caller sees a failure.
     * Not allowed with {@link #connectionRefused()} or {@link #delay(Duration)}.
     *
     * @return a step that applies first
     */
    public Next afterApplying() {
      return new Next(operation, count, true);
    }

    /**
     * HTTP 429, {@code RateLimitedException}, with a {@code Retry-After}.
     *
     * @param retryAfter the delay the "service" asks for, or null for no header
     * @return the script
     */
    public FakeFaults rateLimited(@Nullable Duration retryAfter) {
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
      }
      return add(operation, count, Fault.status(429, Fault.reasonPhrase(429), retryAfter, afterApplying));
    }

    /**
     * HTTP 429 without a {@code Retry-After} header.
     *
     * @return the script
     */
    public FakeFaults rateLimited() {
      return rateLimited(null);
    }

    /**
     * A 5xx answer, {@code ServerErrorException}.
     *
     * @param status 500 to 599
     * @return the script
     * @throws IllegalArgumentException if not a 5xx status
     */
    public FakeFaults serverError(int status) {
      requireErrorStatus(status, 500);
      return add(operation, count, Fault.status(status, Fault.reasonPhrase(status), null, afterApplying));
    }

    /**
     * Any error answer, mapped like a real one ({@code ImagesServiceException.forStatus}).
     *
     * @param status 400 to 599
     * @param message the service message
     * @return the script
     * @throws IllegalArgumentException if not an error status
     */
    public FakeFaults status(int status, String message) {
      return status(status, message, null);
    }

    /**
     * Any error answer with a {@code Retry-After}, mapped like a real one ({@code
     * ImagesServiceException.forStatus}), e.g. a 503 that asks the client to come back later.
     *
     * @param status 400 to 599
     * @param message the service message
     * @param retryAfter the delay the "service" asks for, or null for no header
     * @return the script
     * @throws IllegalArgumentException if not an error status, or the delay is negative
     */
    public FakeFaults status(int status, String message, @Nullable Duration retryAfter) {
      requireErrorStatus(status, 400);
      if (message == null) {
        throw new NullPointerException("message == null");
      }
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
      }
      return add(operation, count, Fault.status(status, message, retryAfter, afterApplying));
    }

    /**
     * The connection is refused: {@code ImagesTransportException}, {@code CONNECT_FAILED}, {@code
     * NOT_SENT}. Nothing is applied, ever.
     *
     * @return the script
     * @throws IllegalStateException after {@link #afterApplying()}
     */
    public FakeFaults connectionRefused() {
      if (afterApplying) {
        throw new IllegalStateException("a refused connection cannot have applied the operation");
      }
      return add(operation, count, Fault.transport(Fault.Kind.CONNECT_FAILED, false));
    }

    /**
     * The connection closes before an answer: {@code ImagesTransportException}, {@code
     * CONNECTION_CLOSED}, {@code MAYBE_PROCESSED}; not applied unless {@link #afterApplying()}.
     *
     * @return the script
     */
    public FakeFaults connectionReset() {
      return add(operation, count, Fault.transport(Fault.Kind.CONNECTION_CLOSED, afterApplying));
    }

    /**
     * The operation is applied, then its answer is lost: {@code ImagesTransportException}, {@code
     * CONNECTION_CLOSED}, {@code MAYBE_PROCESSED}. The same as {@code
     * afterApplying().connectionReset()}.
     *
     * @return the script
     */
    public FakeFaults answerLost() {
      return add(operation, count, Fault.transport(Fault.Kind.CONNECTION_CLOSED, true));
    }

    /**
     * No answer in time: {@code ImagesTransportException}, {@code TIMEOUT}, {@code MAYBE_PROCESSED},
     * thrown at once (no real wait); not applied unless {@link #afterApplying()}.
     *
     * @return the script
     */
    public FakeFaults timeout() {
      return add(operation, count, Fault.transport(Fault.Kind.TIMEOUT, afterApplying));
    }

    /**
     * No failure, only a wait through the fake's {@code Sleeper} before the call proceeds normally.
     *
     * @param delay how long
     * @return the script
     * @throws IllegalStateException after {@link #afterApplying()}
     */
    public FakeFaults delay(Duration delay) {
      if (delay == null) {
        throw new NullPointerException("delay == null");
      }
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
      if (afterApplying) {
        throw new IllegalStateException("a delay happens before the operation; afterApplying() does not apply");
      }
      return add(operation, count, Fault.delay(delay));
    }
  }
}
