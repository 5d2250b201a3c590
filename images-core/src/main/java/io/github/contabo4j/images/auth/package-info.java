/**
 * OAuth2 credentials for the Contabo API: {@link io.github.contabo4j.images.auth.ContaboCredentials},
 * a {@link io.github.contabo4j.images.TokenSource} that runs Contabo's password grant, caches the
 * token and refreshes it, and the two exceptions its token endpoint can end in. Nothing here mentions
 * HTTP or JSON libraries.
 */
@NullMarked
package io.github.contabo4j.images.auth;

import org.jspecify.annotations.NullMarked;
