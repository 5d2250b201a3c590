/**
 * A consumer of the library on the module path; see {@link io.github.contabo4j.images.jpmscheck.ModulePathCheck}.
 */
@NullMarked
package io.github.contabo4j.images.jpmscheck;

import org.jspecify.annotations.NullMarked;
