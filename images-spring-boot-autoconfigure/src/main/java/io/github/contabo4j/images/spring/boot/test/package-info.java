/**
 * Spring tests against the testkit's fake Contabo API: {@link
 * io.github.contabo4j.images.spring.boot.test.AutoConfigureContaboImagesFake} and {@link
 * io.github.contabo4j.images.spring.boot.test.ContaboImagesFake}. Needs images-testkit (and, for the
 * annotation, spring-test) on the classpath.
 */
@NullMarked
package io.github.contabo4j.images.spring.boot.test;

import org.jspecify.annotations.NullMarked;
