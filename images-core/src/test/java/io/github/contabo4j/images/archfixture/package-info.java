/** Test fixture for the architecture rules. */
@NullMarked
package io.github.contabo4j.images.archfixture;

import org.jspecify.annotations.NullMarked;
