package io.github.contabo4j.images.internal.transport;

import io.github.contabo4j.images.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The https-or-loopback rule for every base URI this library talks to (API and token endpoint). */
public final class BaseUris {
  private BaseUris() {}

  /**
   * Validates a base URI: absolute {@code https}, or {@code http} only on a loopback host ({@code
   * localhost}, {@code 127.0.0.0/8}, {@code ::1}); no user-info, no query, no fragment.
   *
   * @param setting the setting's name, for the message
   * @param value the URI
   * @return the URI as a string without a trailing slash
   * @throws InvalidRequestException naming the setting and the rule
   */
  public static String require(String setting, String value) {
    if (value == null) {
      throw new NullPointerException(setting + " == null");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidRequestException(setting, "must be a valid absolute URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!uri.isAbsolute() || host == null || host.isEmpty()) {
      throw new InvalidRequestException(setting, "must be an absolute URI with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidRequestException(setting, "must not carry user-info (credentials go in the token source)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidRequestException(setting, "must not have a query or fragment");
    }
    if (scheme.equals("http")) {
      if (!isLoopback(host)) {
        throw new InvalidRequestException(setting, "must use https unless the host is loopback (localhost, 127.0.0.0/8, ::1)");
      }
    } else if (!scheme.equals("https")) {
      throw new InvalidRequestException(setting, "must use https (or http on a loopback host)");
    }
    String s = uri.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Whether a host is loopback by name or literal address: {@code localhost}, {@code 127.x.y.z},
   * {@code ::1}. No DNS lookup is made.
   *
   * @param host the host from a URI, possibly in brackets
   * @return true for a loopback host
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
