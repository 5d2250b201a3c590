/**
 * The contract in code: abstract JUnit 5 suites, split by concern, that every {@code ImagesPort}
 * adapter extends. Each suite makes a fresh {@link io.github.contabo4j.images.testkit.FakeImages} per
 * test and asks the adapter, through the one hook {@link
 * io.github.contabo4j.images.testkit.contract.PortContract#portFor}, for the port under test in front
 * of it. {@link io.github.contabo4j.images.testkit.contract.HttpFaceFixture} runs a suite over the
 * fake's spec-validated HTTP face. Needs {@code junit-jupiter-api} on the test classpath (an optional
 * dependency of the testkit), and {@code swagger-request-validator-core} for the fixture.
 */
@NullMarked
package io.github.contabo4j.images.testkit.contract;

import org.jspecify.annotations.NullMarked;
