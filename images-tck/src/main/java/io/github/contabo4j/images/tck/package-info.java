/**
 * The technology compatibility kit for transport authors: the suites a new transport of the Contabo
 * Images client extends to prove it speaks the wire, survives the fault matrix, never leaks a secret
 * and builds like the others ({@code tck.transport}, {@code tck.resilience}), the TRACE log capture
 * they run under ({@code tck.logging}) and {@link io.github.contabo4j.images.tck.SecretLeakScanner}.
 * Application developers testing code that uses the client want {@code images-testkit} instead.
 */
@NullMarked
package io.github.contabo4j.images.tck;

import org.jspecify.annotations.NullMarked;
