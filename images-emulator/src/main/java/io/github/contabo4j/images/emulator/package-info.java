/**
 * The Contabo Images emulator: the testkit's {@code FakeImages} behind its HTTP face, run as a
 * standalone process. Its public interface is the command line ({@link
 * io.github.contabo4j.images.emulator.Emulator#main}), the Images API, the OAuth2 token endpoint and
 * the control API under {@code /__emulator/}; every class but {@code Emulator} is internal.
 */
@NullMarked
package io.github.contabo4j.images.emulator;

import org.jspecify.annotations.NullMarked;
