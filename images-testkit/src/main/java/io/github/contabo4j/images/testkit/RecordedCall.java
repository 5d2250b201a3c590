package io.github.contabo4j.images.testkit;

import io.github.contabo4j.images.ImagesOperation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One call the {@link FakeImages} received: one attempt, recorded before latency and faults apply,
 * so calls that failed are recorded too. Calls rejected as bad input ({@code
 * InvalidRequestException}) never reach the fake's recording.
 *
 * @param operation the operation
 * @param requestId the {@code x-request-id} the attempt drew from its {@code CallContext}
 * @param traceId the {@code x-trace-id}, or null when the call had none
 * @param arguments a short, human-readable summary of the arguments, e.g. {@code imageId=...} or the
 *     query string; never a secret (the fake receives none)
 * @param at when the fake received it, by the fake's clock
 */
public record RecordedCall(
    ImagesOperation operation, String requestId, @Nullable String traceId, String arguments, Instant at) {

  /**
   * Creates the record.
   *
   * @throws NullPointerException if a non-null component is null
   */
  public RecordedCall {
    if (operation == null) {
      throw new NullPointerException("operation == null");
    }
    if (requestId == null) {
      throw new NullPointerException("requestId == null");
    }
    if (arguments == null) {
      throw new NullPointerException("arguments == null");
    }
    if (at == null) {
      throw new NullPointerException("at == null");
    }
  }
}
