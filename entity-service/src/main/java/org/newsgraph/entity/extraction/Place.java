package org.newsgraph.entity.extraction;

/**
 * Where an event happened.
 *
 * @param country ISO 3166-1 alpha-3 or null
 * @param span the place name in the text, or null when only the country was inferred
 */
public record Place(String place, String country, Span span) {}
