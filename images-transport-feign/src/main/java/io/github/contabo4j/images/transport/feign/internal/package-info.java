/**
 * Not API. Feign glue: the declarative interface and core's wire format plugged in as Feign's
 * {@code Encoder}, {@code Decoder} and {@code ErrorDecoder}.
 */
@NullMarked
package io.github.contabo4j.images.transport.feign.internal;

import org.jspecify.annotations.NullMarked;
