package org.newsgraph.entity.extraction;

/**
 * An actor the text names that the registry does not know yet; stored under its normalised key so
 * that every later mention of the same name resolves to it.
 */
public record ProvisionalActor(String id, String name, String type, String country) {}
