/**
 * Not API. The server side of the wire format, for the fake's HTTP face, the TCK's fault matrix and
 * the benchmarks: it moved here from images-core, whose main code only speaks the client side.
 */
@NullMarked
package io.github.contabo4j.images.testkit.internal.wire;

import org.jspecify.annotations.NullMarked;
