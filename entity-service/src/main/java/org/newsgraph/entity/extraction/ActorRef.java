package org.newsgraph.entity.extraction;

/** An actor in an event role, with the span of the words that name it. */
public record ActorRef(String actorId, Span span) {}
