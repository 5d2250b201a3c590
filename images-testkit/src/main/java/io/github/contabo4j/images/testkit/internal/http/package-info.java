/**
 * Not API. The handlers behind {@code FakeImagesServer}: the API routes, the OAuth2 token endpoint and
 * the token store they share, on the JDK's {@code com.sun.net.httpserver}.
 */
@NullMarked
package io.github.contabo4j.images.testkit.internal.http;

import org.jspecify.annotations.NullMarked;
