package io.github.contabo4j.images.spring.boot;

/**
 * Changes the transport builder of the auto-configured client before it is built, after the
 * {@code contabo.images.*} properties were applied: declare a bean of this type for the transport
 * in use, e.g. to set a proxy or a TLS context, or to bind an instrumentation.
 *
 * <pre>{@code
 * @Bean
 * ImagesClientBuilderCustomizer<JdkImagesClient.Builder> proxy() {
 *   return builder -> builder.proxy(ProxySelector.of(new InetSocketAddress("proxy", 3128)));
 * }
 * }</pre>
 *
 * <p>The type argument picks the transport: {@code JdkImagesClient.Builder} or {@code
 * FeignImagesClient.Builder}; a customizer of the other transport's builder is not called. Several
 * run in {@code @Order} order.
 *
 * @param <B> the transport's builder type
 */
@FunctionalInterface
public interface ImagesClientBuilderCustomizer<B> {

  /**
   * Changes the builder.
   *
   * @param builder the builder, with the properties applied
   */
  void customize(B builder);
}
