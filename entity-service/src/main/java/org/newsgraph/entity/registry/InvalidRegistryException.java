package org.newsgraph.entity.registry;

/** The registry files break a rule; the message names the file and the entry. */
public class InvalidRegistryException extends RuntimeException {

  public InvalidRegistryException(String message) {
    super(message);
  }

  public InvalidRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
