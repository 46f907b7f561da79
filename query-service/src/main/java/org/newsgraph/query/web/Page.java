package org.newsgraph.query.web;

import java.util.List;

/** One page of a list: {@code {items, nextCursor}}; nextCursor is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {}
