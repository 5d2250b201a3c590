/**
 * The fault matrix: one abstract JUnit 5 suite, {@link
 * io.github.contabo4j.images.tck.resilience.FaultMatrixContract}, that every adapter (the fake
 * wrapped in the resilience decorator, and each HTTP transport against WireMock) passes on virtual
 * time. Needs JUnit Jupiter, and for {@link
 * io.github.contabo4j.images.tck.resilience.WireFaultMatrixContract} also {@code
 * wiremock-standalone} and {@code swagger-request-validator-core} (optional dependencies of the TCK).
 */
@NullMarked
package io.github.contabo4j.images.tck.resilience;

import org.jspecify.annotations.NullMarked;
