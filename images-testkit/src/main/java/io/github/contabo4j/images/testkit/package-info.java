/**
 * Test support for code that uses the Contabo Images client: an in-memory fake of the {@code
 * ImagesPort}, its HTTP face, a JUnit 5 extension, the vendor-spec validator and the port contract
 * suites every adapter passes. Put this module in test scope; it depends on no transport. The suites
 * for transport authors are in {@code images-tck}.
 */
@NullMarked
package io.github.contabo4j.images.testkit;

import org.jspecify.annotations.NullMarked;
