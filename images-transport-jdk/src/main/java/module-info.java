/**
 * The JDK transport: {@code io.github.contabo4j.images.transport.jdk.JdkImagesClient}, an
 * {@code ImagesPort} on {@code java.net.http.HttpClient}. Exports its API package only; its
 * {@code internal} package is exported to no one.
 */
module io.github.contabo4j.images.transport.jdk {
  requires transitive io.github.contabo4j.images.core;
  requires transitive java.net.http; // JdkImagesClient.Builder#httpClient(HttpClient)
  requires org.jspecify;

  exports io.github.contabo4j.images.transport.jdk;
}
