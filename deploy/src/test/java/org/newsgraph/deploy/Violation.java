package org.newsgraph.deploy;

/** One broken rule: which object, which rule, and what is wrong, worded for the operator. */
record Violation(String object, String rule, String message) {

  @Override
  public String toString() {
    return object + " [" + rule + "] " + message;
  }
}
