package org.newsgraph.entity.extraction;

public enum Factuality {
  ASSERTED,
  POSSIBLE,
  NEGATED
}
