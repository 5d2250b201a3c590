package io.github.contabo4j.images.spring.boot;

import io.github.contabo4j.images.ImagesListener;
import io.github.contabo4j.images.ImagesPort;
import io.github.contabo4j.images.auth.CredentialsChain;
import io.github.contabo4j.images.transport.feign.FeignImagesClient;
import io.github.contabo4j.images.transport.jdk.JdkImagesClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The Contabo Images client bean, from the {@code contabo.images.*} properties.
 *
 * <ul>
 *   <li>One client, a {@link JdkImagesClient} or a {@link FeignImagesClient} (see {@code
 *       contabo.images.transport}), injectable as {@link ImagesPort} or as its own type, closed
 *       when the context closes.
 *   <li>Backs off entirely when the application defines its own {@link ImagesPort} bean.
 *   <li>Credentials: the four {@code contabo.images.credentials.*} properties, else the default
 *       credentials chain (a {@link CredentialsChain} bean replaces the default one). None found
 *       fails start-up with a message naming every place looked at, unless {@code
 *       contabo.images.credentials.required=false}.
 *   <li>Every {@link ImagesListener} bean hears the client's events; every {@link
 *       ImagesClientBuilderCustomizer} bean of the transport's builder type changes the builder last.
 * </ul>
 */
@AutoConfiguration
@ConditionalOnMissingBean(ImagesPort.class)
@EnableConfigurationProperties(ContaboImagesProperties.class)
public final class ContaboImagesAutoConfiguration {
  /** The bean name of the client. */
  public static final String CLIENT_BEAN = "contaboImagesClient";

  /** Created by Spring. */
  public ContaboImagesAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  ImagesConnection contaboImagesConnection(ContaboImagesProperties properties, ObjectProvider<CredentialsChain> chain) {
    return ImagesConnection.resolve(properties, chain.getIfAvailable(CredentialsChain::defaults));
  }

  @Bean
  ImagesActivity contaboImagesActivity() {
    return new ImagesActivity(Clock.systemUTC());
  }

  @Bean
  ClientSettings contaboImagesClientSettings(ContaboImagesProperties properties, ImagesConnection connection,
      ImagesActivity activity, ObjectProvider<ImagesListener> listeners) {
    return new ClientSettings(activity.record(connection.tokens()), properties.resiliencePolicy(),
        activity.listener(listeners.orderedStream().toList()), connection.baseUri(), properties.getConnectTimeout(),
        properties.getMaxResponseBytes());
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(TransportCondition.Feign.class)
  static class FeignTransport {
    @Bean(name = CLIENT_BEAN, destroyMethod = "close")
    FeignImagesClient contaboImagesClient(ClientSettings settings, ContaboImagesProperties properties,
        ObjectProvider<ImagesClientBuilderCustomizer<FeignImagesClient.Builder>> customizers) {
      FeignImagesClient.Builder builder = FeignImagesClient.builder().tokenSource(settings.tokens())
          .resilience(settings.resilience()).listener(settings.listener());
      settings.ifSet(builder::baseUri, builder::connectTimeout, builder::maxResponseBytes);
      Integer maxConnections = properties.getFeign().getMaxConnections();
      if (maxConnections != null) {
        builder.maxConnections(maxConnections);
      }
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      return builder.build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(TransportCondition.Jdk.class)
  static class JdkTransport {
    @Bean(name = CLIENT_BEAN, destroyMethod = "close")
    JdkImagesClient contaboImagesClient(ClientSettings settings,
        ObjectProvider<ImagesClientBuilderCustomizer<JdkImagesClient.Builder>> customizers) {
      JdkImagesClient.Builder builder = JdkImagesClient.builder().tokenSource(settings.tokens())
          .resilience(settings.resilience()).listener(settings.listener());
      settings.ifSet(builder::baseUri, builder::connectTimeout, builder::maxResponseBytes);
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      return builder.build();
    }
  }

  /** Fails start-up when the chosen transport's module is absent, naming it. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(TransportCondition.Missing.class)
  static class MissingTransport {
    MissingTransport(Environment environment, ResourceLoader loader) {
      throw new IllegalStateException(TransportCondition.Missing.message(environment, loader.getClassLoader()));
    }
  }
}
