/**
 * Contract suites for transports, so the JDK and Feign transports are proven by the same tests:
 * {@link io.github.contabo4j.images.tck.transport.TransportWireContract}, the wire level against
 * WireMock, and {@link io.github.contabo4j.images.tck.transport.TransportBuilderContract}, the
 * builder rules both share, and {@link io.github.contabo4j.images.tck.transport.CredentialsContract},
 * OAuth2 credentials end to end against the fake's token endpoint and redirects. Needs {@code wiremock-standalone}, {@code swagger-request-validator-core}
 * and JUnit Jupiter on the test classpath (the first two are optional dependencies of the TCK).
 */
@NullMarked
package io.github.contabo4j.images.tck.transport;

import org.jspecify.annotations.NullMarked;
