package org.newsgraph.entity.nlp;

/**
 * A typed dependency between two tokens of a sentence (Universal Dependencies, enhanced++: the
 * relation carries its preposition, as in "obl:on" or "nmod:of").
 *
 * @param governor the head token index, or -1 for the root
 */
public record Dependency(String relation, int governor, int dependent) {

  /** The relation without its specifier: "obl" for "obl:on". */
  public String base() {
    int colon = relation.indexOf(':');
    return colon < 0 ? relation : relation.substring(0, colon);
  }

  /** The relation's specifier: "on" for "obl:on", "" for a relation without one. */
  public String specifier() {
    int colon = relation.indexOf(':');
    return colon < 0 ? "" : relation.substring(colon + 1);
  }
}
