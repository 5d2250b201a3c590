package io.github.contabo4j.images.internal.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.contabo4j.images.AuditAction;
import io.github.contabo4j.images.AuditEntry;
import io.github.contabo4j.images.CreateCustomImage;
import io.github.contabo4j.images.Image;
import io.github.contabo4j.images.ImageFormat;
import io.github.contabo4j.images.ImageRef;
import io.github.contabo4j.images.ImageStats;
import io.github.contabo4j.images.ImageStatus;
import io.github.contabo4j.images.ImageUpdate;
import io.github.contabo4j.images.OsType;
import io.github.contabo4j.images.TenantId;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The one configured {@link ObjectMapper}: tolerant in what it reads (unknown properties, {@code ""}
 * for an object, missing properties), strict in what it writes (NON_NULL, ISO-8601 dates). Built once;
 * Jackson mappers and readers are thread-safe.
 */
public final class WireJson {
  /** The shared mapper. */
  public static final ObjectMapper MAPPER = build();

  private WireJson() {}

  private static ObjectMapper build() {
    SimpleModule openEnums = new SimpleModule("contabo-open-enums");
    openEnum(openEnums, OsType.class, OsType::value, OsType.knownValues(), OsType::new);
    openEnum(openEnums, ImageFormat.class, ImageFormat::value, ImageFormat.knownValues(), ImageFormat::new);
    openEnum(openEnums, ImageStatus.class, ImageStatus::value, ImageStatus.knownValues(), ImageStatus::new);
    openEnum(openEnums, TenantId.class, TenantId::value, TenantId.knownValues(), TenantId::new);
    openEnum(openEnums, AuditAction.class, AuditAction::value, AuditAction.knownValues(), AuditAction::new);
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(openEnums)
        .addMixIn(Image.class, ImageMixin.class)
        .addMixIn(Image.Builder.class, BuilderMixin.class)
        .addMixIn(CreateCustomImage.class, CreateCustomImageMixin.class)
        .addMixIn(CreateCustomImage.Builder.class, BuilderMixin.class)
        .addMixIn(ImageUpdate.class, ImageUpdateMixin.class)
        .addMixIn(ImageUpdate.Builder.class, BuilderMixin.class)
        .addMixIn(ImageRef.class, ImageRefMixin.class)
        .addMixIn(ImageRef.Builder.class, BuilderMixin.class)
        .addMixIn(ImageStats.class, ImageStatsMixin.class)
        .addMixIn(ImageStats.Builder.class, BuilderMixin.class)
        .addMixIn(AuditEntry.class, AuditEntryMixin.class)
        .addMixIn(AuditEntry.Builder.class, BuilderMixin.class)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
        // Records are read through their canonical constructors, value classes through their builders
        // (the mix-ins below), and both are written from their fields; helper methods such as
        // Image.isDownloaded() must never become JSON properties.
        .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .build();
  }

  // The value classes are read through their builders, so their checks apply; the domain types name
  // no Jackson type.

  @JsonDeserialize(builder = Image.Builder.class)
  private abstract static class ImageMixin {}

  @JsonDeserialize(builder = CreateCustomImage.Builder.class)
  private abstract static class CreateCustomImageMixin {}

  @JsonDeserialize(builder = ImageUpdate.Builder.class)
  private abstract static class ImageUpdateMixin {}

  @JsonDeserialize(builder = ImageRef.Builder.class)
  private abstract static class ImageRefMixin {}

  @JsonDeserialize(builder = ImageStats.Builder.class)
  private abstract static class ImageStatsMixin {}

  @JsonDeserialize(builder = AuditEntry.Builder.class)
  private abstract static class AuditEntryMixin {}

  /** The builders' setters are named after the properties, without a {@code with} prefix. */
  @JsonPOJOBuilder(withPrefix = "")
  private abstract static class BuilderMixin {}

  private static <T> void openEnum(
      SimpleModule module, Class<T> type, Function<T, String> value, List<T> known, Function<String, T> create) {
    module.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T v, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(value.apply(v));
      }
    });
    module.addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getValueAsString();
        if (text == null) {
          return ctxt.reportInputMismatch(type, "expected a string for %s", type.getSimpleName());
        }
        for (T k : known) {
          if (value.apply(k).equals(text)) {
            return k;
          }
        }
        return create.apply(text); // an unknown value is kept as sent, never an error
      }
    });
  }
}
