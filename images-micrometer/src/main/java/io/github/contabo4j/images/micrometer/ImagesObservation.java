package io.github.contabo4j.images.micrometer;

import io.github.contabo4j.images.ImagesInterceptor;
import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.client.ImagesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Micrometer binding of a client: create one, and register its two parts on a transport's
 * builder.
 *
 * <pre>{@code
 * ImagesObservation observation = ImagesObservation.builder(observationRegistry)
 *     .meterRegistry(meterRegistry).transport("jdk").build();
 * JdkImagesClient images = JdkImagesClient.builder().tokenSource(tokens)
 *     .addInterceptor(observation.interceptor())
 *     .addListener(observation.listener())
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #interceptor()}: an {@code Observation} {@value DefaultImagesObservationConvention#NAME}
 *       per call, once per call, outside the retries, so it sees the final outcome (a timer with the
 *       registry's default meter handler; a span with micrometer-tracing). Its names and tags are
 *       {@link DefaultImagesObservationConvention}'s, or those of the {@linkplain Builder#convention
 *       convention} given. It also times every {@code awaitDownloaded} as a long task timer, {@value
 *       #AWAIT_DOWNLOADED}.
 *   <li>{@link #listener()}: meters for what happens inside a call: {@value #RETRIES}, {@value
 *       #THROTTLE_WAITS}, {@value #RATE_LIMIT_WAITS}, {@value #RECONCILED_CREATES} and {@value
 *       #UNKNOWN_OUTCOMES}.
 * </ul>
 *
 * <p>Every meter and observation tag is low-cardinality: operation id, outcome or error (an
 * exception's simple name), HTTP status class, transport. No image id, request id or credential is a
 * tag; the final {@code x-request-id} is the observation's high-cardinality key {@code request.id}.
 * Without a {@linkplain Builder#meterRegistry meter registry} the listener and the long task timer
 * record nothing. Thread-safe: one instance may serve several clients of one transport.
 */
public final class ImagesObservation {
  /** Counter: attempts that failed and were repeated. Tags: operation, error, status.class, transport. */
  public static final String RETRIES = "contabo.images.client.retries";

  /** Timer: waits after the service answered 429. Tags: operation, transport. */
  public static final String THROTTLE_WAITS = "contabo.images.client.throttle.waits";

  /** Timer: waits for a permit of the client-side rate limiter. Tags: operation, transport. */
  public static final String RATE_LIMIT_WAITS = "contabo.images.client.rate.limit.waits";

  /** Counter: creates whose answer was lost, settled as successes through the audit log. Tag: transport. */
  public static final String RECONCILED_CREATES = "contabo.images.client.creates.reconciled";

  /** Counter: creates whose answer was lost and could not be settled. Tag: transport. */
  public static final String UNKNOWN_OUTCOMES = "contabo.images.client.creates.outcome.unknown";

  /** Long task timer: {@code awaitDownloaded} calls in progress and their durations. Tag: transport. */
  public static final String AWAIT_DOWNLOADED = "contabo.images.client.await.downloaded";

  /** The transport tag's value when none is given. */
  public static final String UNKNOWN_TRANSPORT = "unknown";

  private final String transport;
  private final boolean metered;
  private final ImagesInterceptor interceptor;
  private final ImagesListener listener;

  private ImagesObservation(Builder builder) {
    this.transport = builder.transport;
    this.metered = builder.meterRegistry != null;
    this.interceptor = new ObservingInterceptor(
        builder.observationRegistry, builder.convention, transport, builder.meterRegistry);
    this.listener = builder.meterRegistry == null
        ? ImagesListener.none() : new MeteringListener(builder.meterRegistry, transport);
  }

  /**
   * A binding that records observations in one registry and meters in the other, with the transport
   * tag {@value #UNKNOWN_TRANSPORT}: {@code builder(observations).meterRegistry(meters).build()}.
   *
   * @param observationRegistry where the observations go
   * @param meterRegistry where the listener's meters and the long task timer go
   * @return the binding
   */
  public static ImagesObservation create(ObservationRegistry observationRegistry, MeterRegistry meterRegistry) {
    return builder(observationRegistry).meterRegistry(meterRegistry).build();
  }

  /**
   * Starts a binding that records observations in this registry.
   *
   * @param observationRegistry where the observations go
   * @return the builder
   */
  public static Builder builder(ObservationRegistry observationRegistry) {
    return new Builder(observationRegistry);
  }

  /**
   * The interceptor to register first with the builder's {@code addInterceptor}, so it is outermost
   * and sees each call's final outcome.
   *
   * @return the interceptor
   */
  public ImagesInterceptor interceptor() {
    return interceptor;
  }

  /**
   * The listener to register with the builder's {@code addListener}; {@link ImagesListener#none()}
   * without a meter registry.
   *
   * @return the listener
   */
  public ImagesListener listener() {
    return listener;
  }

  /**
   * Binds this to a transport's builder in one call: adds {@link #interceptor()} (outermost of those
   * added so far) and {@link #listener()}.
   *
   * <pre>{@code
   * JdkImagesClient images = observation.bindTo(JdkImagesClient.builder().tokenSource(tokens)).build();
   * }</pre>
   *
   * @param builder any transport's builder
   * @param <B> the builder's type
   * @return the builder
   */
  public <B extends ImagesClientBuilder<B, ?>> B bindTo(B builder) {
    return builder.addInterceptor(interceptor).addListener(listener);
  }

  @Override
  public String toString() {
    return "ImagesObservation{transport=" + transport + ", meters=" + metered + "}";
  }

  /** Settings of an {@link ImagesObservation}. */
  public static final class Builder {
    private final ObservationRegistry observationRegistry;
    private @Nullable MeterRegistry meterRegistry;
    private @Nullable ImagesObservationConvention convention;
    private String transport = UNKNOWN_TRANSPORT;

    private Builder(ObservationRegistry observationRegistry) {
      this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry == null");
    }

    /**
     * Where the listener's meters and the {@code awaitDownloaded} long task timer go. Unset: they are
     * not recorded (the observations still are).
     *
     * @param meterRegistry the registry
     * @return this builder
     */
    public Builder meterRegistry(MeterRegistry meterRegistry) {
      this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry == null");
      return this;
    }

    /**
     * The value of every {@code transport} tag, e.g. {@code jdk} or {@code feign}: the binding does not
     * see the builder it is registered on, so name it here. Unset: {@value ImagesObservation#UNKNOWN_TRANSPORT}.
     *
     * @param transport a short, fixed name (a tag value: not per client or per call)
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder transport(String transport) {
      Objects.requireNonNull(transport, "transport == null");
      if (transport.isBlank()) {
        throw new IllegalArgumentException("transport must not be blank");
      }
      this.transport = transport;
      return this;
    }

    /**
     * Replaces {@link DefaultImagesObservationConvention} for the call observations. Unset: a global
     * convention registered on the observation registry for {@link ImagesObservationContext}, else the
     * default (Micrometer's rules).
     *
     * @param convention the convention
     * @return this builder
     */
    public Builder convention(ImagesObservationConvention convention) {
      this.convention = Objects.requireNonNull(convention, "convention == null");
      return this;
    }

    /**
     * Builds the binding.
     *
     * @return the binding
     */
    public ImagesObservation build() {
      return new ImagesObservation(this);
    }
  }
}
