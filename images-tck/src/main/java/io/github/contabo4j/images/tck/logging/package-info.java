/**
 * Log capture for leak tests: {@link io.github.contabo4j.images.tck.logging.CapturingLogs}, an
 * SLF4J 2 provider that keeps every event of the test JVM in memory at TRACE, and {@link
 * io.github.contabo4j.images.tck.logging.TestSecrets}, the well-known credentials tests use so a
 * final test can prove none of them was ever logged. Nothing here is registered by the TCK itself:
 * a module opts in by naming the provider in its own test resources.
 */
@NullMarked
package io.github.contabo4j.images.tck.logging;

import org.jspecify.annotations.NullMarked;
