package io.github.contabo4j.images.internal;

import io.github.contabo4j.images.InvalidRequestException;
import io.github.contabo4j.images.OsType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The validation rules, written once. Every failure is an {@link InvalidRequestException} whose
 * message names the field and the rule; messages never echo the rejected value, which may be a
 * secret.
 */
public final class Checks {
  /** The spec's pattern for {@code x-request-id}. */
  public static final Pattern REQUEST_ID =
      Pattern.compile(
          "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-5][0-9A-Fa-f]{3}-[089abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$");

  /** Longest image id accepted. */
  public static final int MAX_IMAGE_ID_LENGTH = 128;
  /** Longest name or version accepted. */
  public static final int MAX_NAME_LENGTH = 255;
  /** Longest description accepted. */
  public static final int MAX_DESCRIPTION_LENGTH = 1024;
  /** Longest image URL accepted. */
  public static final int MAX_URL_LENGTH = 2048;
  /** Longest header value accepted. */
  public static final int MAX_HEADER_LENGTH = 1024;

  private static final Pattern SORT_FIELD = Pattern.compile("[A-Za-z0-9_.]{1,64}");

  private Checks() {}

  /**
   * An image id a caller passes: one safe path segment that cannot reach a sibling route.
   *
   * @param field the field name for the message
   * @param imageId the id
   * @return the id
   */
  public static String requireImageId(String field, @Nullable String imageId) {
    if (imageId == null) {
      throw new InvalidRequestException(field, "must not be null");
    }
    if (imageId.isBlank()) {
      throw new InvalidRequestException(field, "must not be blank");
    }
    if (imageId.length() > MAX_IMAGE_ID_LENGTH) {
      throw new InvalidRequestException(field, "must be at most " + MAX_IMAGE_ID_LENGTH + " characters");
    }
    for (int i = 0; i < imageId.length(); i++) {
      char c = imageId.charAt(i);
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (!unreserved) {
        throw new InvalidRequestException(
            field, "must be a single path segment of A-Z a-z 0-9 - . _ ~ (no '/', '%', spaces or other characters)");
      }
    }
    if (imageId.equals(".") || imageId.equals("..")) {
      throw new InvalidRequestException(field, "must not be '.' or '..'");
    }
    String lower = imageId.toLowerCase(Locale.ROOT);
    if (lower.equals("stats") || lower.equals("audits")) {
      throw new InvalidRequestException(field, "must not name the sibling route 'stats' or 'audits'");
    }
    return imageId;
  }

  /**
   * A required name-like value (name, version).
   *
   * @param field the field name for the message
   * @param value the value
   */
  public static void requireName(String field, @Nullable String value) {
    if (value == null) {
      throw new InvalidRequestException(field, "is required");
    }
    if (value.isBlank()) {
      throw new InvalidRequestException(field, "must not be blank");
    }
    if (value.length() > MAX_NAME_LENGTH) {
      throw new InvalidRequestException(field, "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (hasControl(value, false)) {
      throw new InvalidRequestException(field, "must not contain control characters");
    }
    requireWellFormed(field, value);
  }

  /**
   * An optional description.
   *
   * @param field the field name for the message
   * @param value the value, or null
   */
  public static void requireDescription(String field, @Nullable String value) {
    if (value == null) {
      return;
    }
    if (value.length() > MAX_DESCRIPTION_LENGTH) {
      throw new InvalidRequestException(field, "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
    }
    if (hasControl(value, true)) {
      throw new InvalidRequestException(field, "must not contain control characters other than tab and line breaks");
    }
    requireWellFormed(field, value);
  }

  /**
   * The download URL of a custom image.
   *
   * @param field the field name for the message
   * @param url the URL
   */
  public static void requireImageUrl(String field, @Nullable String url) {
    if (url == null) {
      throw new InvalidRequestException(field, "is required");
    }
    if (url.isBlank()) {
      throw new InvalidRequestException(field, "must not be blank");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw new InvalidRequestException(field, "must be at most " + MAX_URL_LENGTH + " characters");
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new InvalidRequestException(field, "must not contain spaces or control characters");
      }
    }
    requireWellFormed(field, url);
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidRequestException(field, "must be a valid absolute URL");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new InvalidRequestException(field, "must use http or https");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidRequestException(field, "must have a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidRequestException(field, "must not carry user-info (credentials) before the host");
    }
    String path = uri.getPath();
    String lowerPath = path == null ? "" : path.toLowerCase(Locale.ROOT);
    if (!(lowerPath.endsWith(".iso") || lowerPath.endsWith(".qcow2"))) {
      throw new InvalidRequestException(field, "path must end in .iso or .qcow2 (any case; a query string is allowed)");
    }
  }

  /**
   * The OS type of a create: the spec's request enum.
   *
   * @param field the field name for the message
   * @param osType the value
   */
  public static void requireCreatableOsType(String field, @Nullable OsType osType) {
    if (osType == null) {
      throw new InvalidRequestException(field, "is required");
    }
    if (!(osType.value().equals(OsType.LINUX.value()) || osType.value().equals(OsType.WINDOWS.value()))) {
      throw new InvalidRequestException(field, "must be Windows or Linux");
    }
  }

  /**
   * Paging values.
   *
   * @param page the page, or null
   * @param size the size, or null
   */
  public static void requirePaging(@Nullable Integer page, @Nullable Integer size) {
    if (page != null && page < 1) {
      throw new InvalidRequestException("page", "must be at least 1");
    }
    if (size != null && size < 1) {
      throw new InvalidRequestException("size", "must be at least 1");
    }
  }

  /**
   * Free text sent as a query parameter.
   *
   * @param field the field name for the message
   * @param value the value, or null
   */
  public static void requireQueryText(String field, @Nullable String value) {
    if (value == null) {
      return;
    }
    if (value.length() > MAX_NAME_LENGTH) {
      throw new InvalidRequestException(field, "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (hasControl(value, false)) {
      throw new InvalidRequestException(field, "must not contain control characters");
    }
    requireWellFormed(field, value);
  }

  /**
   * A sort field.
   *
   * @param field the field name for the message
   * @param value the sort field
   */
  public static void requireSortField(String field, @Nullable String value) {
    if (value == null || !SORT_FIELD.matcher(value).matches()) {
      throw new InvalidRequestException(field, "field must be 1-64 characters of A-Z a-z 0-9 _ .");
    }
  }

  /**
   * A header value: no CR, LF, NUL or other control characters, at most 1024 characters.
   *
   * @param field the header name for the message
   * @param value the value
   */
  public static void requireHeaderValue(String field, @Nullable String value) {
    if (value == null) {
      throw new InvalidRequestException(field, "must not be null");
    }
    if (value.length() > MAX_HEADER_LENGTH) {
      throw new InvalidRequestException(field, "must be at most " + MAX_HEADER_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new InvalidRequestException(field, "must not contain CR, LF or NUL");
      }
      if (c < ' ' && c != '\t' || c == 0x7f || c > 0x7e && c < 0xa0 || c > 0xff) {
        throw new InvalidRequestException(field, "must hold only visible ISO-8859-1 characters, spaces and tabs");
      }
    }
  }

  /**
   * A request id: the spec's UUID pattern.
   *
   * @param field the header name for the message
   * @param value the value
   */
  public static void requireRequestId(String field, @Nullable String value) {
    if (value == null || !REQUEST_ID.matcher(value).matches()) {
      throw new InvalidRequestException(field, "must be a UUID matching the spec's pattern");
    }
  }

  /**
   * A bearer token: non-blank, no whitespace or control characters. The message never shows it.
   *
   * @param field the field name for the message
   * @param value the token
   */
  public static void requireToken(String field, @Nullable String value) {
    if (value == null) {
      throw new InvalidRequestException(field, "must not be null");
    }
    if (value.isEmpty()) {
      throw new InvalidRequestException(field, "must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new InvalidRequestException(field, "must hold only visible ASCII characters (no CR, LF or spaces)");
      }
    }
  }

  /**
   * {@link #requireBaseUri(String, URI)} for text; a malformed URI is rejected without echoing it
   * (it may carry credentials).
   *
   * @param field the setting's name for the message
   * @param text the base URI as text
   * @return the URI
   */
  public static URI requireBaseUri(String field, @Nullable String text) {
    if (text == null) {
      throw new NullPointerException(field + " == null");
    }
    try {
      return requireBaseUri(field, new URI(text));
    } catch (java.net.URISyntaxException e) {
      throw new InvalidRequestException(field, "must be a valid absolute URI");
    }
  }

  /**
   * A transport's base URI: absolute, with a host, no user-info, no query or fragment, and {@code
   * https}, except that {@code http} is allowed on a loopback host ({@code localhost}, {@code
   * 127.0.0.0/8}, {@code ::1}) for tests and local fakes. Never resolves a name: only the literal
   * host is looked at. Both transports apply this one rule.
   *
   * @param field the setting's name for the message
   * @param uri the base URI
   * @return the URI
   */
  public static URI requireBaseUri(String field, @Nullable URI uri) {
    if (uri == null) {
      throw new InvalidRequestException(field, "must not be null");
    }
    String scheme = uri.getScheme();
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidRequestException(field, "must be an absolute URI with a host, e.g. https://api.contabo.com");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidRequestException(field, "must not carry user-info (credentials) before the host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidRequestException(field, "must not have a query or fragment");
    }
    boolean https = scheme.equalsIgnoreCase("https");
    boolean http = scheme.equalsIgnoreCase("http");
    if (!https && !(http && isLoopbackHost(uri.getHost()))) {
      throw new InvalidRequestException(
          field, "must use https (http only on a loopback host: localhost, 127.0.0.0/8 or ::1)");
    }
    return uri;
  }

  /**
   * Whether a literal host is loopback: {@code localhost}, an IPv4 literal in {@code 127.0.0.0/8}
   * or the IPv6 literal {@code ::1} (in brackets, any spelling). No name is resolved.
   */
  private static boolean isLoopbackHost(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      String v6 = host.substring(1, host.length() - 1);
      if (!v6.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return false; // e.g. a zone id: not worth the risk
      }
      try {
        // A literal with ':' is parsed, never looked up.
        return java.net.InetAddress.getByName(v6).isLoopbackAddress();
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    String[] octets = host.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return octets[0].equals("127");
  }

  /**
   * Text sent as UTF-8 must be well-formed UTF-16 first: an unpaired surrogate cannot be encoded, and
   * would reach the wire as {@code ?} in a query or as an invalid escape in JSON.
   */
  private static void requireWellFormed(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidRequestException(field, "must be well-formed Unicode (no unpaired surrogates)");
      }
    }
  }

  private static boolean hasControl(String value, boolean allowLineBreaks) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) {
        continue;
      }
      if (Character.isISOControl(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Applies a rule to a configuration setting rather than to request input: a breach is the
   * configuration mistake it is, an {@link IllegalArgumentException} with the same message (see
   * {@code docs/API-DESIGN.md}), not an {@link InvalidRequestException}.
   *
   * @param rule the check, e.g. {@code () -> requireBaseUri("tokenUri", text)}
   * @param <T> what the check returns
   * @return what the check returned
   */
  public static <T> T setting(Supplier<T> rule) {
    try {
      return rule.get();
    } catch (InvalidRequestException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }
}
