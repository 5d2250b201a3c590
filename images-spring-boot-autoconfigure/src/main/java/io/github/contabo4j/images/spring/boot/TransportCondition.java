package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.spring.boot.ContaboImagesProperties.Transport;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Which transport the client bean uses: {@code contabo.images.transport} when set, else Feign when
 * its module is on the classpath, else the JDK transport. Each nested condition matches one case.
 */
abstract class TransportCondition extends SpringBootCondition {
  static final String PROPERTY = ContaboImagesProperties.PREFIX + ".transport";
  static final String JDK_CLIENT = "io.github.contabo4j.images.transport.jdk.JdkImagesClient";
  static final String FEIGN_CLIENT = "io.github.contabo4j.images.transport.feign.FeignImagesClient";

  /** The transport chosen, or null when no transport module is on the classpath at all. */
  static @Nullable Transport chosen(ConditionContext context) {
    return chosen(context.getEnvironment(), context.getClassLoader());
  }

  static @Nullable Transport chosen(Environment environment, @Nullable ClassLoader loader) {
    Transport configured = Binder.get(environment).bind(PROPERTY, Transport.class).orElse(null);
    if (configured != null) {
      return configured;
    }
    if (ClassUtils.isPresent(FEIGN_CLIENT, loader)) {
      return Transport.FEIGN;
    }
    return ClassUtils.isPresent(JDK_CLIENT, loader) ? Transport.JDK : null;
  }

  static boolean present(String className, ConditionContext context) {
    return ClassUtils.isPresent(className, context.getClassLoader());
  }

  static String className(Transport transport) {
    return transport == Transport.JDK ? JDK_CLIENT : FEIGN_CLIENT;
  }

  /** The transport is {@code transport()} and its module is present. */
  abstract Transport transport();

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Transport chosen = chosen(context);
    boolean match = chosen == transport() && present(className(chosen), context);
    return new ConditionOutcome(match, "contabo.images transport " + chosen + " (wanted " + transport() + ")");
  }

  static final class Jdk extends TransportCondition {
    @Override
    Transport transport() {
      return Transport.JDK;
    }
  }

  static final class Feign extends TransportCondition {
    @Override
    Transport transport() {
      return Transport.FEIGN;
    }
  }

  /** The chosen transport's module is missing (or there is none): start-up must fail, saying which. */
  static final class Missing extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Transport chosen = chosen(context);
      boolean missing = chosen == null || !present(className(chosen), context);
      return new ConditionOutcome(missing, "contabo.images transport " + chosen + " module missing: " + missing);
    }

    static String message(Environment environment, @Nullable ClassLoader loader) {
      Transport chosen = chosen(environment, loader);
      if (chosen == null) {
        return "No Contabo Images transport on the classpath: add io.github.contabo4j:images-transport-jdk "
            + "(images-spring-boot-starter brings it) or images-transport-feign";
      }
      String module = chosen == Transport.JDK ? "images-transport-jdk" : "images-transport-feign";
      return PROPERTY + "=" + chosen.name().toLowerCase(java.util.Locale.ROOT) + " but io.github.contabo4j:"
          + module + " is not on the classpath: add it, or unset " + PROPERTY;
    }
  }
}
