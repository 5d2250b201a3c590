/**
 * A consumer of the library on the module path: requires core and both transports, nothing internal.
 * It needs no opens of its own: it hands the library only the library's own types.
 */
module io.github.contabo4j.images.jpmscheck {
  requires io.github.contabo4j.images.core;
  requires io.github.contabo4j.images.transport.jdk;
  requires io.github.contabo4j.images.transport.feign;
  requires jdk.httpserver;
}
