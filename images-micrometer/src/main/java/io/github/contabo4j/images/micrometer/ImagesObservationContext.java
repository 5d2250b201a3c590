package io.github.contabo4j.images.micrometer;

import io.github.contabo4j.images.ImagesOperation;
import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link ImagesObservationConvention} names and tags one call by: its operation, the
 * transport, and, once the call has {@linkplain #ended() ended}, its {@code x-request-id} and its
 * error ({@link #getError()}, null after a success). It holds no image id, input or credential.
 */
public final class ImagesObservationContext extends Observation.Context {
  private final ImagesOperation operation;
  private final String transport;
  private volatile @Nullable String requestId;
  private volatile boolean ended;

  ImagesObservationContext(ImagesOperation operation, String transport) {
    this.operation = Objects.requireNonNull(operation, "operation == null");
    this.transport = Objects.requireNonNull(transport, "transport == null");
  }

  /** The call's operation. */
  public ImagesOperation operation() {
    return operation;
  }

  /** The transport's name, as given to {@link ImagesObservation.Builder#transport}. */
  public String transport() {
    return transport;
  }

  /**
   * The {@code x-request-id} of the attempt that got the final answer, once the call has ended; empty
   * before, or if no attempt was sent.
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Whether the call has ended: only then are its outcome, status class and request id known (a
   * convention asked earlier, e.g. for the {@code .active} long task timer Micrometer's meter handler
   * starts with the call, sees neither).
   */
  public boolean ended() {
    return ended;
  }

  void end(@Nullable String requestId) {
    this.requestId = requestId;
    this.ended = true;
  }
}
