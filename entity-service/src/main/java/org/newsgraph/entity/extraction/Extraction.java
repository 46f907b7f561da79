package org.newsgraph.entity.extraction;

import java.util.List;

/** Everything extracted from one text: all offsets refer to that exact text. */
public record Extraction(
    String extractorVersion,
    String language,
    List<ActorMention> mentions,
    List<ExtractedEvent> events,
    List<ProvisionalActor> provisionalActors) {}
