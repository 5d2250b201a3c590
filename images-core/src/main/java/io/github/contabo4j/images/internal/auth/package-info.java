/**
 * Not API. The OAuth2 token endpoint client and token cache behind {@link
 * io.github.contabo4j.images.auth.ContaboCredentials}, and the decorator that replays a call once
 * after a 401. It may change in any release without notice.
 */
@NullMarked
package io.github.contabo4j.images.internal.auth;

import org.jspecify.annotations.NullMarked;
