/** Not API. The JDK transport's glue: a body handler that bounds the whole answer by a deadline and a size. */
@NullMarked
package io.github.contabo4j.images.transport.jdk.internal;

import org.jspecify.annotations.NullMarked;
