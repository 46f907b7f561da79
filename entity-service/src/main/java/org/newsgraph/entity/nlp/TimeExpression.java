package org.newsgraph.entity.nlp;

import org.newsgraph.entity.extraction.Span;

/**
 * A time expression normalised against the document date.
 *
 * @param firstToken index of its first token in the sentence
 * @param lastToken index of its last token in the sentence (inclusive)
 * @param type the TIMEX3 type: DATE, TIME, DURATION or SET
 * @param text the words of the expression
 * @param value the TIMEX3 value ("2024-03-22", "2024-03", "2003", "XXXX-03", "PAST_REF", ...)
 */
public record TimeExpression(
    int firstToken, int lastToken, Span span, String text, String type, String value) {}
