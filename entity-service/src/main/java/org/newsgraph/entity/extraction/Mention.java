package org.newsgraph.entity.extraction;

/**
 * A resolved name in one sentence, over tokens first..last.
 *
 * @param actor the known actor, or null for places and unknown names
 * @param provisionalId the normalised key of an unknown person or organisation, else null
 * @param country for places, the country they lie in when known
 */
record Mention(
    int sentence,
    int first,
    int last,
    Span span,
    String nerType,
    KnownActor actor,
    String provisionalId,
    boolean place,
    String country) {

  String actorId() {
    return actor != null ? actor.id() : provisionalId;
  }

  boolean covers(int token) {
    return first <= token && token <= last;
  }
}
