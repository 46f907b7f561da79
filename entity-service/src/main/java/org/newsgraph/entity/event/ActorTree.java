package org.newsgraph.entity.event;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.entity.extraction.KnownActor;

/**
 * What grouping needs to know about actors: the parent of each actor that has one, and the country
 * of each actor that is a state or belongs to one (a ministry, an army), which lets an event span
 * the two countries of two named states.
 */
record ActorTree(Map<String, String> parents, Map<String, String> states) {

  ActorTree {
    parents = Map.copyOf(parents);
    states = Map.copyOf(states);
  }

  static ActorTree of(List<KnownActor> actors) {
    Map<String, String> parents = new HashMap<>();
    Map<String, KnownActor> byId = new HashMap<>();
    for (KnownActor actor : actors) {
      byId.put(actor.id(), actor);
      if (actor.parentId() != null) {
        parents.put(actor.id(), actor.parentId());
      }
    }
    Map<String, String> states = new HashMap<>();
    for (KnownActor actor : actors) {
      KnownActor current = actor;
      // bounded walk: a cycle in curated data must not hang the worker
      for (int depth = 0; current != null && depth < 10; depth++) {
        if ("STATE".equals(current.type()) && current.country() != null) {
          states.put(actor.id(), current.country());
          break;
        }
        current = current.parentId() == null ? null : byId.get(current.parentId());
      }
    }
    return new ActorTree(parents, states);
  }

  /** Whether the actor is a state itself, not a body or a person of one. */
  boolean isState(String actor) {
    String parent = parents.get(actor);
    return states.containsKey(actor) && (parent == null || !states.containsKey(parent));
  }

  /** The actors given and every parent above them. */
  Set<String> withAncestors(Set<String> actors) {
    Set<String> all = new HashSet<>();
    for (String actor : actors) {
      String current = actor;
      for (int depth = 0; current != null && depth < 10; depth++) {
        all.add(current);
        current = parents.get(current);
      }
    }
    return all;
  }
}
