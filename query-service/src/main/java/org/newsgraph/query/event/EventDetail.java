package org.newsgraph.query.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** An event with the evidence of every article that reports it. */
public record EventDetail(@JsonUnwrapped Event event, List<EventMention> mentions) {}
