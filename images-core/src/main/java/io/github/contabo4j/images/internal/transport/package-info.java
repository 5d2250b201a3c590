/**
 * Not API. What both transports' builders share: the settings, their defaults and their validation
 * (the https-or-loopback rule for base URIs among them), written once.
 */
@NullMarked
package io.github.contabo4j.images.internal.transport;

import org.jspecify.annotations.NullMarked;
