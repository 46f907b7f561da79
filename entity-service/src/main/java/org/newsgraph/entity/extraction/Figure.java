package org.newsgraph.entity.extraction;

/** A number of people killed or injured, as one sentence reports it. */
public record Figure(int value, Qualifier qualifier, Span span) {}
