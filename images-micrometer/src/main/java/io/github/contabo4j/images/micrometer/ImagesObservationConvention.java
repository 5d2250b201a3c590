package io.github.contabo4j.images.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a call. Implement it (or extend {@link
 * DefaultImagesObservationConvention}) and give it to {@link ImagesObservation.Builder#convention}
 * to change them, or register it on the {@code ObservationRegistry} as a global convention, which
 * applies when the binding was given none.
 */
public interface ImagesObservationConvention extends ObservationConvention<ImagesObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof ImagesObservationContext;
  }
}
