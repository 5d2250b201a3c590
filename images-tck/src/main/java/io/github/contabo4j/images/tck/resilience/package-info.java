/**
 * The fault matrix: one abstract JUnit 5 suite, {@link
 * io.github.contabo4j.images.testkit.resilience.FaultMatrixContract}, that every adapter (the fake
 * wrapped in the resilience decorator, and each HTTP transport against WireMock) passes on virtual
 * time. Needs JUnit Jupiter on the test classpath, and for {@link
 * io.github.contabo4j.images.testkit.resilience.WireFaultMatrixContract} also {@code
 * wiremock-standalone} and {@code swagger-request-validator-core} (optional dependencies of the
 * testkit).
 */
@NullMarked
package io.github.contabo4j.images.testkit.resilience;

import org.jspecify.annotations.NullMarked;
