package io.github.contabo4j.images.internal.auth;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The only user of {@code jackson-dataformat-yaml}, loaded only once {@link CntbConfigFile} has seen
 * it on the class path. It streams the top-level mapping and keeps each scalar's text as written, so
 * a password such as {@code 0123} stays {@code 0123} (a tree would make it the number 123).
 */
final class CntbYaml {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private CntbYaml() {}

  /** A rule the file breaks, in our own words (never the file's content). */
  private static final class BadFile extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadFile(String message) {
      super(message);
    }
  }

  static Map<String, String> parse(Path file, byte[] bytes, Set<String> keys) {
    Map<String, String> values = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken token = parser.nextToken();
      if (token == null || token == JsonToken.VALUE_NULL) {
        return values; // empty, or only comments
      }
      if (token != JsonToken.START_OBJECT) {
        throw new BadFile(file + " must hold a YAML mapping of keys such as oauth2-clientid");
      }
      Set<String> seen = new HashSet<>();
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        if (!seen.add(key)) {
          throw new BadFile(file + " has the key " + printable(key) + " twice");
        }
        token = parser.nextToken();
        if (token != null && token.isScalarValue()) {
          if (token != JsonToken.VALUE_NULL) {
            values.put(key, parser.getText());
          }
        } else if (keys.contains(key)) {
          throw new BadFile(key + " in " + file + " must be a single value, not a list or mapping");
        } else {
          parser.skipChildren();
        }
      }
      return values;
    } catch (JsonProcessingException e) {
      // Never e.getMessage() nor the cause: both quote the file around the error, which may be a secret.
      throw new BadFile(file + " is not valid YAML" + where(e.getLocation()));
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadFile bad) {
        throw bad; // our own message; any other exception's message may quote the file
      }
      throw new BadFile(file + " is not valid YAML (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String where(@Nullable JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? "" : " (syntax error at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** A key is named in a message only if it is one of the plain keys cntb uses; else it may be a pasted value. */
  private static String printable(String key) {
    return key.matches("[a-z0-9-]{1,40}") ? key : "(a key)";
  }
}
