/**
 * Not API. Code shared between this project's modules (validation rules used by the domain records,
 * the transports and the testkit's fake). It may change in any release without notice.
 */
@NullMarked
package io.github.contabo4j.images.internal;

import org.jspecify.annotations.NullMarked;
