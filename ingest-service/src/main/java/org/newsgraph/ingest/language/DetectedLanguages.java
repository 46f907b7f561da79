package org.newsgraph.ingest.language;

import java.util.Map;

/**
 * The detector's verdict.
 *
 * @param best ISO 639-1 code of the most likely language, or null when nothing was recognisable
 * @param confidence of {@code best}, 0..1
 * @param all every candidate language worth keeping, by code, most likely first
 */
public record DetectedLanguages(String best, Double confidence, Map<String, Double> all) {}
