package io.github.contabo4j.images.internal.upload;

import io.github.contabo4j.images.internal.Redaction;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How source URLs are shown and compared, written once.
 *
 * <p><b>Shown:</b> scheme, host, port and path; a query string (a presigned URL's signature is a
 * credential) becomes {@code ?<redacted>}, a fragment and user-info are dropped.
 *
 * <p><b>Equal:</b> both parse as URIs; scheme and host compare ignoring case; an explicit default
 * port (80 for http, 443 for https) equals no port; an empty path equals {@code /}; the path and the
 * query compare exactly, as sent (no percent-decoding, no parameter reordering, case-sensitive); the
 * fragment is ignored, since it is never sent. With {@code ignoreQuery}, the query is not compared at
 * all (for presigned URLs whose signature changes on every issue).
 */
public final class SourceUrls {
  private SourceUrls() {}

  /**
   * The URL as it may be shown in findings, logs, exceptions and {@code toString()}.
   *
   * @param url the URL; text that does not parse is shown up to its first {@code ?} or {@code #}
   * @return the shown form
   */
  public static String display(@Nullable String url) {
    if (url == null) {
      return "";
    }
    try {
      return display(new URI(url));
    } catch (java.net.URISyntaxException e) {
      return cut(url);
    }
  }

  /**
   * The URI as it may be shown.
   *
   * @param uri the URI
   * @return the shown form
   */
  public static String display(URI uri) {
    if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
      return cut(uri.toString());
    }
    StringBuilder out = new StringBuilder();
    out.append(uri.getScheme()).append("://").append(uri.getHost() == null ? "" : uri.getHost());
    if (uri.getPort() >= 0) {
      out.append(':').append(uri.getPort());
    }
    out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      out.append('?').append(Redaction.REDACTED);
    }
    return out.toString();
  }

  /**
   * Whether two source URLs name the same source, by the rules above.
   *
   * @param a one URL
   * @param b the other
   * @param ignoreQuery true to leave the query out of the comparison
   * @return true if they are equal
   */
  public static boolean same(@Nullable String a, @Nullable String b, boolean ignoreQuery) {
    if (a == null || b == null) {
      return false;
    }
    String ka = key(a, ignoreQuery);
    return ka != null && ka.equals(key(b, ignoreQuery));
  }

  private static @Nullable String key(String url, boolean ignoreQuery) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return null;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
      port = -1;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = ignoreQuery || uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + path + query;
  }

  /**
   * Every part of a URL that is a secret and must not be shown: its raw and decoded query.
   *
   * @param uri the URI
   * @return the secrets, maybe empty strings
   */
  public static String[] secretsOf(URI uri) {
    return new String[] {Objects.toString(uri.getRawQuery(), ""), Objects.toString(uri.getQuery(), "")};
  }

  private static String cut(String url) {
    int cut = indexOfAny(url, '?', '#');
    return cut < 0 ? url : url.substring(0, cut) + (url.charAt(cut) == '?' ? "?" + Redaction.REDACTED : "");
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
