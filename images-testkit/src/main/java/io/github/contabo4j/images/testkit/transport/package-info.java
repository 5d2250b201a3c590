/**
 * Wire-level contract suites for transports: abstract JUnit 5 classes, run against WireMock, that
 * every HTTP transport extends with one hook, so the JDK and Feign transports are proven by the same
 * tests. Needs {@code wiremock-standalone}, {@code swagger-request-validator-core} and JUnit Jupiter on
 * the test classpath (optional dependencies of the testkit).
 */
@NullMarked
package io.github.contabo4j.images.testkit.transport;

import org.jspecify.annotations.NullMarked;
