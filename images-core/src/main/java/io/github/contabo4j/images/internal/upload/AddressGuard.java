package io.github.contabo4j.images.internal.upload;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the preflight may talk to a host: every address the host resolves to must be a
 * public unicast address. Refused: loopback (unless allowed, for tests), the unspecified address,
 * private ranges (10/8, 172.16/12, 192.168/16, IPv6 unique-local fc00::/7), link-local (169.254/16,
 * fe80::/10, which holds cloud metadata such as 169.254.169.254), carrier-grade NAT (100.64/10),
 * 0/8, multicast and broadcast.
 */
public final class AddressGuard {
  /** Resolves a host name to its addresses; the system resolver by default, a stub in tests. */
  @FunctionalInterface
  public interface Resolver {
    /**
     * Resolves a host.
     *
     * @param host a name or a literal address
     * @return every address
     * @throws UnknownHostException if it does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;
  private final boolean allowLoopback;

  /**
   * Creates a guard.
   *
   * @param resolver the resolver
   * @param allowLoopback true to allow loopback (tests only)
   */
  public AddressGuard(Resolver resolver, boolean allowLoopback) {
    this.resolver = resolver;
    this.allowLoopback = allowLoopback;
  }

  /**
   * Why the host is refused, or null when every address it resolves to is allowed.
   *
   * @param host the URI's host, an IPv6 literal with or without brackets
   * @return the reason, or null
   * @throws UnknownHostException if it does not resolve
   */
  public @Nullable String refusal(String host) throws UnknownHostException {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    for (InetAddress address : resolver.resolve(bare)) {
      String why = refusal(address);
      if (why != null) {
        return host + " resolves to " + address.getHostAddress() + ", " + why;
      }
    }
    return null;
  }

  private @Nullable String refusal(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return allowLoopback ? null : "a loopback address";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address && (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254 && (b[2] & 0xff) == 169
        && (b[3] & 0xff) == 254) {
      return "the cloud metadata address";
    }
    if (a.isAnyLocalAddress()) {
      return "the unspecified address";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (a.isSiteLocalAddress()) {
      return "a private address";
    }
    if (a.isMulticastAddress()) {
      return "a multicast address";
    }
    if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return "a private (unique-local) address";
    }
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "a 'this network' address";
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return "a carrier-grade NAT address";
      }
      if (first == 255) {
        return "the broadcast address";
      }
    }
    return null;
  }
}
