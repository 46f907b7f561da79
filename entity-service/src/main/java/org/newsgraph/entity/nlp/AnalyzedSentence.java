package org.newsgraph.entity.nlp;

import java.util.ArrayList;
import java.util.List;
import org.newsgraph.entity.extraction.Span;

/**
 * A sentence with its tokens and time expressions and, when it was selected for parsing, its
 * dependencies.
 */
public record AnalyzedSentence(
    int index,
    Span span,
    List<Token> tokens,
    List<TimeExpression> times,
    boolean parsed,
    List<Dependency> dependencies) {

  public AnalyzedSentence {
    tokens = List.copyOf(tokens);
    times = List.copyOf(times);
    dependencies = List.copyOf(dependencies);
  }

  public AnalyzedSentence withTimes(List<TimeExpression> found) {
    return new AnalyzedSentence(index, span, tokens, found, parsed, dependencies);
  }

  public AnalyzedSentence withDependencies(List<Dependency> parse) {
    return new AnalyzedSentence(index, span, tokens, times, true, parse);
  }

  /** The dependents of a token. */
  public List<Dependency> children(int governor) {
    List<Dependency> out = new ArrayList<>();
    for (Dependency d : dependencies) {
      if (d.governor() == governor) {
        out.add(d);
      }
    }
    return out;
  }

  /** The relations that attach a token to its heads (enhanced graphs may give several). */
  public List<Dependency> heads(int dependent) {
    List<Dependency> out = new ArrayList<>();
    for (Dependency d : dependencies) {
      if (d.dependent() == dependent) {
        out.add(d);
      }
    }
    return out;
  }

  /** The token span covering tokens first..last inclusive. */
  public Span span(int first, int last) {
    return new Span(tokens.get(first).span().start(), tokens.get(last).span().end());
  }
}
