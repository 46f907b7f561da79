package org.newsgraph.entity.nlp;

/** The analysing thread was interrupted (its time ran out); the analysis stopped between pieces. */
public class AnalysisInterruptedException extends RuntimeException {

  AnalysisInterruptedException() {
    super("the analysis was interrupted");
  }
}
