package org.newsgraph.entity.extraction;

/** How a reported figure relates to the true one ("over 140" is OVER, "143" EXACT). */
public enum Qualifier {
  EXACT,
  AT_LEAST,
  AT_MOST,
  ABOUT,
  OVER
}
