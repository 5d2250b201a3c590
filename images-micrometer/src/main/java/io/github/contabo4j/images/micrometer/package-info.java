/**
 * Micrometer observations for the Contabo Images client: {@link
 * io.github.contabo4j.images.micrometer.ImagesObservation} gives an interceptor (an {@code Observation}
 * per call, hence timers and, with micrometer-tracing, spans; a long task timer per {@code
 * awaitDownloaded}) and a listener (meters for retries, waits and settled or unsettled creates) to
 * register on a transport's builder.
 */
@NullMarked
package io.github.contabo4j.images.micrometer;

import org.jspecify.annotations.NullMarked;
