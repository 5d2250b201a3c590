package io.github.contabo4j.images.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.contabo4j.images.PageLinks;
import io.github.contabo4j.images.Pagination;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON envelopes the service wraps every answer in: read here, written by the testkit's server side. */
public final class Envelopes {
  private Envelopes() {}

  /**
   * {@code {"data": [...], "_links": {...}, "_pagination": {...} | ""}}: lists carry pagination,
   * single-object answers carry a one-element {@code data} array.
   */
  public record DataEnvelope<T>(
      @Nullable List<T> data,
      @JsonProperty("_links") @Nullable PageLinks links,
      @JsonProperty("_pagination") @Nullable Pagination pagination) {}
}
