package org.newsgraph.entity.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Groups event mentions into events. The result depends only on the set of mentions, never on the
 * order they arrived in:
 *
 * <ol>
 *   <li>anchored mentions (a date and a country) start as one group each, taken in an order given
 *       by their content; two groups merge when a mention of one is {@link Compatibility#compatible
 *       compatible} with a mention of the other and the union is {@link Compatibility#coherent
 *       coherent}, the best-linked pair first (the share of compatible pairs, then their number),
 *       until no pair can merge;
 *   <li>every other mention joins at most one group: the one with most compatible mentions among
 *       those it is coherent with. Such mentions never merge two groups, so an undated or unplaced
 *       report cannot chain happenings that would not join on their own. Mentions that join a group
 *       let others join it in the next round, never in the same one; two that choose one group in a
 *       round join it only if the group stays coherent, in content order;
 *   <li>mentions left over are grouped among themselves as in 1.
 * </ol>
 */
final class EventGrouping {

  /** An order of mentions that depends on what they say, not on their ids. */
  static final Comparator<MentionFacts> CONTENT =
      Comparator.comparing(MentionFacts::date, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(m -> m.precision().ordinal())
          .thenComparing(m -> !m.dateFromText())
          .thenComparing(MentionFacts::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(MentionFacts::country, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(MentionFacts::place, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(MentionFacts::type)
          .thenComparing(m -> sorted(m.actors()))
          .thenComparing(m -> sorted(m.sources()))
          .thenComparing(m -> sorted(m.context()))
          .thenComparing(MentionFacts::factuality)
          .thenComparing(MentionFacts::historical)
          .thenComparingInt(MentionFacts::triggerStart);

  private final Compatibility compatibility;

  EventGrouping(Compatibility compatibility) {
    this.compatibility = compatibility;
  }

  /** The events the mentions form; each group is in {@link #CONTENT} order. */
  List<List<MentionFacts>> group(List<MentionFacts> mentions) {
    List<MentionFacts> ordered = mentions.stream().sorted(CONTENT).toList();
    List<List<MentionFacts>> groups =
        agglomerate(ordered.stream().filter(compatibility::anchored).toList());
    List<MentionFacts> loose =
        new ArrayList<>(ordered.stream().filter(m -> !compatibility.anchored(m)).toList());
    while (!loose.isEmpty()) {
      List<Integer> choices = new ArrayList<>();
      for (MentionFacts m : loose) {
        choices.add(best(groups, m));
      }
      List<MentionFacts> left = new ArrayList<>();
      boolean joined = false;
      for (int i = 0; i < loose.size(); i++) {
        int choice = choices.get(i);
        // two that chose one group must fit it together (two attackers of one target do not):
        // the one first in content order joins, the other waits for the next round
        if (choice >= 0 && compatibility.coherent(groups.get(choice), List.of(loose.get(i)))) {
          groups.get(choice).add(loose.get(i));
          joined = true;
        } else {
          left.add(loose.get(i));
        }
      }
      loose = left;
      if (!joined) {
        break;
      }
    }
    groups.addAll(agglomerate(loose));
    groups.forEach(group -> group.sort(CONTENT));
    return groups;
  }

  /** The group a loose mention joins, or -1: most compatible members, then the larger group. */
  private int best(List<List<MentionFacts>> groups, MentionFacts m) {
    int best = -1;
    long bestLinks = 0;
    for (int g = 0; g < groups.size(); g++) {
      List<MentionFacts> group = groups.get(g);
      long links = group.stream().filter(o -> compatibility.compatible(m, o)).count();
      if (links == 0 || !compatibility.coherent(group, List.of(m))) {
        continue;
      }
      if (links > bestLinks || (links == bestLinks && group.size() > groups.get(best).size())) {
        best = g;
        bestLinks = links;
      }
    }
    return best;
  }

  private List<List<MentionFacts>> agglomerate(List<MentionFacts> mentions) {
    int n = mentions.size();
    boolean[][] linked = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        linked[i][j] = compatibility.compatible(mentions.get(i), mentions.get(j));
        linked[j][i] = linked[i][j];
      }
    }
    List<List<Integer>> groups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>(List.of(i)));
    }
    while (true) {
      int bestX = -1;
      int bestY = -1;
      double bestShare = 0;
      int bestLinks = 0;
      for (int x = 0; x < groups.size(); x++) {
        for (int y = x + 1; y < groups.size(); y++) {
          int links = 0;
          for (int i : groups.get(x)) {
            for (int j : groups.get(y)) {
              links += linked[i][j] ? 1 : 0;
            }
          }
          if (links == 0) {
            continue;
          }
          double share = links / (double) (groups.get(x).size() * groups.get(y).size());
          boolean better = share > bestShare || (share == bestShare && links > bestLinks);
          if (better
              && compatibility.coherent(
                  facts(mentions, groups.get(x)), facts(mentions, groups.get(y)))) {
            bestX = x;
            bestY = y;
            bestShare = share;
            bestLinks = links;
          }
        }
      }
      if (bestX < 0) {
        break;
      }
      groups.get(bestX).addAll(groups.remove(bestY));
    }
    List<List<MentionFacts>> result = new ArrayList<>();
    for (List<Integer> group : groups) {
      result.add(new ArrayList<>(facts(mentions, group)));
    }
    return result;
  }

  private static List<MentionFacts> facts(List<MentionFacts> mentions, List<Integer> indexes) {
    return indexes.stream().map(mentions::get).toList();
  }

  private static String sorted(java.util.Set<String> values) {
    return values.stream().sorted().collect(Collectors.joining(","));
  }
}
