package io.github.contabo4j.images.archfixture;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.util.List;

/** Breaks the public-API rule on purpose, to prove the rule can fail. Not imported by the real rule. */
public class Leaky {
  /** A leaked HTTP type in a generic parameter. */
  public List<HttpClient> clients() {
    return List.of();
  }

  /**
   * A leaked JSON type in a parameter.
   *
   * @param node the node
   */
  public void accept(JsonNode node) {}
}
