package org.newsgraph.query.actor;

/** An actor named in another answer. */
public record ActorRef(String id, String name) {}
