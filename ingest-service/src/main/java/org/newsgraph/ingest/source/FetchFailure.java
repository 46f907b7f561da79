package org.newsgraph.ingest.source;

/**
 * A feed or page that could not be fetched or read. The message is shown to users in the source's
 * state, so it says what happened in their terms and never holds internals.
 */
class FetchFailure extends Exception {

  private final boolean mayPass;

  /**
   * @param mayPass whether trying again later may succeed (a timeout, a 5xx), as opposed to a
   *     refusal that will stand (a 404, a forbidden address, a body too large)
   */
  FetchFailure(String message, boolean mayPass) {
    super(message);
    this.mayPass = mayPass;
  }

  boolean mayPass() {
    return mayPass;
  }
}
