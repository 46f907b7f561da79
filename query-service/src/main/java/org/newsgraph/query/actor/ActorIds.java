package org.newsgraph.query.actor;

import java.util.List;

/**
 * One actor as the data knows it: its canonical id and every id merged into it (which old mentions
 * and events may still carry).
 */
public record ActorIds(String canonical, List<String> all) {}
