/**
 * Not API. The resilience decorator's helpers: the retry classification and backoff, and the
 * monotonic default clock. It may change in any release without notice.
 */
@NullMarked
package io.github.contabo4j.images.internal.resilience;

import org.jspecify.annotations.NullMarked;
