package org.newsgraph.entity.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The known actors by id, and the states by their ISO 3166-1 alpha-3 code. */
final class ActorIndex {

  private final Map<String, KnownActor> byId = new HashMap<>();
  private final Map<String, KnownActor> stateByCountry = new HashMap<>();

  ActorIndex(List<KnownActor> actors) {
    for (KnownActor actor : actors) {
      byId.put(actor.id(), actor);
      if ("STATE".equals(actor.type()) && actor.country() != null) {
        stateByCountry.putIfAbsent(actor.country(), actor);
      }
    }
  }

  /** The known actor, or null for a provisional one. */
  KnownActor actor(String id) {
    return byId.get(id);
  }

  /** The state of an ISO alpha-3 code, or null. */
  KnownActor state(String country) {
    return country == null ? null : stateByCountry.get(country);
  }

  /** The country an actor belongs to: its own, else its parent's; null when unknown. */
  String countryOf(String id) {
    KnownActor actor = byId.get(id);
    for (int hop = 0; actor != null && hop < 4; hop++) {
      if (actor.country() != null) {
        return actor.country();
      }
      actor = actor.parentId() == null ? null : byId.get(actor.parentId());
    }
    return null;
  }
}
