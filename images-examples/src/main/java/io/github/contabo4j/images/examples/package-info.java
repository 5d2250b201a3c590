/**
 * Examples, not published: the {@link io.github.contabo4j.images.examples.Quickstart} program and
 * {@link io.github.contabo4j.images.examples.ImageJanitor}, a small downstream-style service whose tests
 * show how to test code that uses the client.
 */
@NullMarked
package io.github.contabo4j.images.examples;

import org.jspecify.annotations.NullMarked;
