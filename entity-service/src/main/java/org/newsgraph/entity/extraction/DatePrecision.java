package org.newsgraph.entity.extraction;

public enum DatePrecision {
  DAY,
  MONTH,
  YEAR,
  UNKNOWN
}
