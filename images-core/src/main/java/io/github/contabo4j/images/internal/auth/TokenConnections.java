package io.github.contabo4j.images.internal.auth;

import io.github.contabo4j.images.TokenSource;
import java.net.ProxySelector;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Hands a transport builder's connection settings (proxy, TLS context, connect timeout) to the token
 * source it was given, so that a {@code ContaboCredentials} fetches its tokens the way the client
 * reaches the API. {@code ContaboCredentials} registers itself here when its class initialises (any
 * instance a builder holds has done so); the transport builder calls {@link #bind}. The dependency
 * runs from the public {@code auth} package to this one only, never back.
 */
public final class TokenConnections {
  /**
   * A transport builder's connection settings, each null where that builder left it unset.
   *
   * @param connectTimeout the connect timeout, or null
   * @param proxy the proxy selector, or null
   * @param sslContext the TLS context, or null
   */
  public record Connection(
      @Nullable Duration connectTimeout, @Nullable ProxySelector proxy, @Nullable SSLContext sslContext) {
    /** Whether nothing was set. */
    public boolean isEmpty() {
      return connectTimeout == null && proxy == null && sslContext == null;
    }
  }

  /** Binds a token source of the kind it knows to a connection. */
  @FunctionalInterface
  public interface Binder {
    /**
     * The token source that fetches through {@code connection}.
     *
     * @param source the token source a transport builder was given
     * @param connection that builder's connection settings, not empty
     * @return the bound source, or null if {@code source} is not of this binder's kind
     */
    @Nullable TokenSource bind(TokenSource source, Connection connection);
  }

  private static volatile @Nullable Binder binder;

  private TokenConnections() {}

  /**
   * Registers the binder (the credentials class does, once).
   *
   * @param credentialsBinder the binder
   */
  public static void register(Binder credentialsBinder) {
    binder = credentialsBinder;
  }

  /**
   * The token source a client built with these connection settings uses.
   *
   * @param source the token source set on the builder
   * @param connection the builder's connection settings
   * @return {@code source} bound to the connection if it fetches tokens over HTTP, else {@code source}
   */
  public static TokenSource bind(TokenSource source, Connection connection) {
    Binder current = binder;
    if (connection.isEmpty() || current == null) {
      return source;
    }
    TokenSource bound = current.bind(source, connection);
    return bound == null ? source : bound;
  }
}
