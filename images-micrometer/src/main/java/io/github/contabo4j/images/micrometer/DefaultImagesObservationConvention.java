package io.github.contabo4j.images.micrometer;

import io.github.contabo4j.images.ImagesServiceException;
import io.github.contabo4j.images.OutcomeUnknownException;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default names and tags of a call's observation.
 *
 * <ul>
 *   <li>Name {@value #NAME}; contextual name (a span's name) the operation id, e.g. {@code
 *       retrieveImage}.
 *   <li>Low-cardinality keys (metric tags): {@code operation} (the operation id), {@code outcome}
 *       ({@code success}, or the simple name of the exception the call threw), {@code status.class}
 *       ({@code 2xx}, {@code 4xx}, {@code 5xx}, or {@code NONE} when no answer came: a transport
 *       failure, rejected input), {@code transport}. While the call runs (when Micrometer's meter
 *       handler starts the {@code .active} long task timer) only {@code operation} and {@code
 *       transport} are known.
 *   <li>High-cardinality key (spans only, never a metric tag): {@code request.id}, the {@code
 *       x-request-id} of the attempt that got the final answer, when one was sent.
 * </ul>
 *
 * <p>Extend it to add or change keys; {@link #INSTANCE} is the one the binding uses by default.
 */
public class DefaultImagesObservationConvention implements ImagesObservationConvention {
  /** The observation's name. */
  public static final String NAME = "contabo.images.client.requests";

  /** The shared instance. */
  public static final DefaultImagesObservationConvention INSTANCE = new DefaultImagesObservationConvention();

  /** The outcome of a call that returned. */
  public static final String SUCCESS = "success";

  /** The status class of a call that got no HTTP answer. */
  public static final String NO_STATUS = "NONE";

  /** For subclasses; use {@link #INSTANCE}. */
  protected DefaultImagesObservationConvention() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(ImagesObservationContext context) {
    return context.operation().operationId();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(ImagesObservationContext context) {
    if (!context.ended()) { // at the start: what is known then
      return KeyValues.of(KeyValue.of("operation", context.operation().operationId()),
          KeyValue.of("transport", context.transport()));
    }
    Throwable error = context.getError();
    return KeyValues.of(
        KeyValue.of("operation", context.operation().operationId()),
        KeyValue.of("outcome", error == null ? SUCCESS : error.getClass().getSimpleName()),
        KeyValue.of("status.class", statusClass(error)),
        KeyValue.of("transport", context.transport()));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(ImagesObservationContext context) {
    return context.requestId().map(id -> KeyValues.of("request.id", id)).orElse(KeyValues.empty());
  }

  /**
   * The HTTP status class of a call's final answer: {@code 2xx} after a success, the class of an
   * {@link ImagesServiceException}'s status (for an {@link OutcomeUnknownException}, of the failure
   * that made it ambiguous), else {@value #NO_STATUS}.
   *
   * @param error what the call threw, or null after a success
   * @return the status class
   */
  public static String statusClass(@Nullable Throwable error) {
    if (error == null) {
      return "2xx";
    }
    Throwable answered = error instanceof OutcomeUnknownException unknown ? unknown.ambiguousFailure() : error;
    if (answered instanceof ImagesServiceException service) {
      return service.statusCode() / 100 + "xx";
    }
    return NO_STATUS;
  }
}
