package org.newsgraph.entity.extraction;

import java.util.List;

/**
 * An actor the extractor can recognise, with every way the text may name it.
 *
 * @param type STATE, PERSON, ORGANIZATION, ARMED_GROUP, GOVERNMENT_BODY or IGO
 * @param country ISO 3166-1 alpha-3, or null (for IGOs and transnational groups)
 * @param parentId the actor this one belongs to (a ministry's state, a branch's group), or null
 * @param aliases names and abbreviations, in any language ("Daesh", "ISIS", "IS")
 * @param demonyms adjectives that stand for the actor when they modify an agent noun ("Russian
 *     authorities")
 * @param metonyms places or buildings that stand for the actor when they act ("Moscow said", "the
 *     Kremlin said") but stay places otherwise
 */
public record KnownActor(
    String id,
    String name,
    String type,
    String country,
    String parentId,
    List<String> aliases,
    List<String> demonyms,
    List<String> metonyms) {

  public KnownActor {
    aliases = List.copyOf(aliases);
    demonyms = List.copyOf(demonyms);
    metonyms = List.copyOf(metonyms);
  }
}
