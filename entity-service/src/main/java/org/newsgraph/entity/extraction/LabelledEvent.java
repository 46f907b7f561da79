package org.newsgraph.entity.extraction;

import java.util.List;
import org.newsgraph.entity.nlp.AnalyzedSentence;

/**
 * An event as role labelling left it, with what the later stages of the pipeline read: the lemmas
 * of its trigger and its analysed sentence.
 */
record LabelledEvent(ExtractedEvent event, List<String> triggerLemmas, AnalyzedSentence sentence) {

  LabelledEvent {
    triggerLemmas = List.copyOf(triggerLemmas);
  }

  LabelledEvent with(ExtractedEvent refined) {
    return new LabelledEvent(refined, triggerLemmas, sentence);
  }

  LabelledEvent withRoles(List<ActorRef> sources, List<ActorRef> targets) {
    ExtractedEvent e = event;
    return with(
        new ExtractedEvent(
            e.type(),
            e.trigger(),
            e.triggerText(),
            e.sentence(),
            List.copyOf(sources),
            List.copyOf(targets),
            e.date(),
            e.place(),
            e.fatalities(),
            e.injuries(),
            e.factuality(),
            e.historical(),
            e.confidence()));
  }

  LabelledEvent withType(String type) {
    ExtractedEvent e = event;
    return with(
        new ExtractedEvent(
            type,
            e.trigger(),
            e.triggerText(),
            e.sentence(),
            e.sources(),
            e.targets(),
            e.date(),
            e.place(),
            e.fatalities(),
            e.injuries(),
            e.factuality(),
            e.historical(),
            e.confidence()));
  }

  boolean triggeredBy(java.util.Set<String> lemmas) {
    return triggerLemmas.stream().anyMatch(lemmas::contains);
  }
}
