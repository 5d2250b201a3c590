package io.github.contabo4j.images;

/**
 * Bad input, rejected before any I/O: nothing was sent. The message names the field and the rule it
 * breaks, e.g. {@code "imageId must be a single path segment"}; it never echoes a secret.
 *
 * <p>Only for a request's own input (ids, names, URLs, queries, header values of one call). A
 * configuration mistake (a builder setting, a policy, options) is a plain {@link
 * IllegalArgumentException}; {@code docs/API-DESIGN.md} states the rule.
 */
public final class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the name of the offending field, as the API spells it
   * @param rule the rule it breaks, phrased to follow the field name
   */
  public InvalidRequestException(String field, String rule) {
    super(field + " " + rule);
    this.field = field;
    this.rule = rule;
  }

  /** The offending field, as the API spells it (e.g. {@code imageId}, {@code url}, {@code x-trace-id}). */
  public String field() {
    return field;
  }

  /** The rule the field breaks (e.g. {@code must not be blank}). */
  public String rule() {
    return rule;
  }
}
