package org.newsgraph.entity.extraction;

import java.util.List;

/**
 * One event as one text reports it.
 *
 * @param type the CAMEO root code, "01" to "20"
 * @param historical true for a background mention ("banned since 2003") rather than news
 * @param place null when the sentence names no place
 * @param fatalities null when the text gives no figure
 */
public record ExtractedEvent(
    String type,
    Span trigger,
    String triggerText,
    Span sentence,
    List<ActorRef> sources,
    List<ActorRef> targets,
    EventDate date,
    Place place,
    Figure fatalities,
    Figure injuries,
    Factuality factuality,
    boolean historical,
    double confidence) {

  /** The same event placed elsewhere (or nowhere, with null). */
  public ExtractedEvent withPlace(Place newPlace) {
    return new ExtractedEvent(
        type,
        trigger,
        triggerText,
        sentence,
        sources,
        targets,
        date,
        newPlace,
        fatalities,
        injuries,
        factuality,
        historical,
        confidence);
  }
}
