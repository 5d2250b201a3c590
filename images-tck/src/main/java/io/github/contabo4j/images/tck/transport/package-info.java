/**
 * Contract suites for transports, so the JDK and Feign transports are proven by the same tests:
 * {@link io.github.contabo4j.images.testkit.transport.TransportWireContract}, the wire level against
 * WireMock, and {@link io.github.contabo4j.images.testkit.transport.TransportBuilderContract}, the
 * builder rules both share, and {@link io.github.contabo4j.images.testkit.transport.CredentialsContract},
 * OAuth2 credentials end to end against the fake's token endpoint and redirects. Needs {@code wiremock-standalone}, {@code swagger-request-validator-core}
 * and JUnit Jupiter on the test classpath (optional dependencies of the testkit).
 */
@NullMarked
package io.github.contabo4j.images.testkit.transport;

import org.jspecify.annotations.NullMarked;
