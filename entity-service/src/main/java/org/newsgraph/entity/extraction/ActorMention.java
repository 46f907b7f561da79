package org.newsgraph.entity.extraction;

/**
 * A name in the text and the actor it refers to.
 *
 * @param nerType the named-entity type the NLP backend gave the span (PERSON, ORGANIZATION, ...)
 * @param actorId the resolved actor, or null when the name is not an actor (a place, say)
 */
public record ActorMention(Span span, String text, String nerType, String actorId) {}
