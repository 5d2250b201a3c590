/**
 * The Feign transport: {@code io.github.contabo4j.images.transport.feign.FeignImagesClient}, an
 * {@code ImagesPort} on Feign over Apache HttpClient 5. Exports its API package only; its
 * {@code internal} package (the Feign interface and codec) is exported to no one.
 */
// Apache HttpClient 5 and HttpCore 5 have only Automatic-Module-Names.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.contabo4j.images.transport.feign {
  requires transitive io.github.contabo4j.images.core;
  requires transitive org.apache.httpcomponents.client5.httpclient5; // Builder#httpClient(CloseableHttpClient)
  requires org.apache.httpcomponents.core5.httpcore5;
  requires feign.core;
  requires org.jspecify;
  // Apache HttpClient 5 needs these at run time but, as an automatic module, cannot say so: without
  // them `java -m` (and Maven's module-path tooling) leave them out and the first connection fails
  // (jdk.net.Sockets; org.apache.hc.core5.http2.HttpVersionPolicy in TlsConfig).
  requires jdk.net;
  requires org.apache.httpcomponents.core5.httpcore5.h2;

  exports io.github.contabo4j.images.transport.feign;
}
