/**
 * The Contabo Compute Images client core: the port, the domain types, the errors, authentication and
 * the resilience decorator.
 *
 * <p>Exported to everyone: {@code io.github.contabo4j.images}, {@code .auth}, {@code .client}, {@code .resilience} and {@code .upload}.
 * The {@code internal} packages that the transports, the testkit and the TCK are built on are exported to those
 * modules only; the rest is exported to no one. Jackson binds the domain records and the wire
 * envelopes reflectively, so their two packages are opened to it alone.
 *
 * <p>A new package is encapsulated until it is listed here: an API package gets an {@code exports}, an
 * {@code internal} one a qualified export to the project's modules that use it, and an {@code
 * opens ... to com.fasterxml.jackson.databind} if Jackson reads or writes its classes. The
 * images-jpms-check module proves the result on the module path.
 */
// "module": the qualified exports name modules built after this one; "requires-automatic": Resilience4j
// has only Automatic-Module-Names.
@SuppressWarnings({"module", "requires-automatic"})
module io.github.contabo4j.images.core {
  requires transitive org.jspecify;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  // Optional, as in the pom: only CredentialsChain's cntb config-file source reads YAML. On the module
  // path it is resolved when the application requires it or passes --add-modules.
  requires static com.fasterxml.jackson.dataformat.yaml;
  requires io.github.resilience4j.core;
  requires io.github.resilience4j.retry;
  requires java.net.http;
  requires org.slf4j;

  exports io.github.contabo4j.images;
  exports io.github.contabo4j.images.auth;
  exports io.github.contabo4j.images.client;
  exports io.github.contabo4j.images.resilience;
  exports io.github.contabo4j.images.upload;

  exports io.github.contabo4j.images.internal to
      io.github.contabo4j.images.testkit,
      io.github.contabo4j.images.tck,
      io.github.contabo4j.images.emulator;
  exports io.github.contabo4j.images.internal.transport to
      io.github.contabo4j.images.transport.jdk,
      io.github.contabo4j.images.transport.feign,
      io.github.contabo4j.images.tck;
  exports io.github.contabo4j.images.internal.wire to
      io.github.contabo4j.images.transport.jdk,
      io.github.contabo4j.images.transport.feign,
      io.github.contabo4j.images.testkit,
      io.github.contabo4j.images.tck;

  opens io.github.contabo4j.images to com.fasterxml.jackson.databind;
  opens io.github.contabo4j.images.internal.wire to com.fasterxml.jackson.databind;
}
