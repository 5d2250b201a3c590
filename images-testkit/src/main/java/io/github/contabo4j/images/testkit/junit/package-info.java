/**
 * A JUnit 5 extension that gives each test a fresh {@link io.github.contabo4j.images.testkit.FakeImages},
 * and on request a running {@link io.github.contabo4j.images.testkit.FakeImagesServer} with its URI and
 * a token. Needs JUnit Jupiter on the test classpath (the testkit declares it optional: a test that
 * uses the extension has it anyway).
 */
@NullMarked
package io.github.contabo4j.images.testkit.junit;

import org.jspecify.annotations.NullMarked;
