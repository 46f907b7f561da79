package org.newsgraph.entity.nlp;

/** How much analysis a sentence gets beyond tokens, lemmas and named entities. */
public enum Depth {
  /** Nothing more: the sentence cannot hold an event. */
  NONE,
  /** Time expressions, for an event without actors to parse for. */
  TIMES,
  /** Time expressions and a dependency parse. */
  PARSE
}
