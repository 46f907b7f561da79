package org.newsgraph.entity.place;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.newsgraph.entity.extraction.ActorDirectory;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Extractor;
import org.newsgraph.entity.extraction.KnownActor;

/**
 * Puts the places of another extractor's events on the map. The names of places stay what the text
 * says; each gets coordinates, its country, its first-level division and a precision from the
 * gazetteer, or none when the resolver abstains. An event whose sentence names no place takes one
 * from its paragraph, the dateline or the article's dominant place ({@link ArticleLocator}).
 * Metonyms that act ("Moscow said") were already told apart by the extractor and are actors, never
 * places, so they are never located.
 */
public final class LocatingExtractor implements Extractor {

  /** Bump whenever the gazetteer or the resolution changes, so stored results can be told apart. */
  static final int VERSION = 2;

  private final Extractor extractor;
  private final ActorDirectory directory;
  private final Supplier<Gazetteer> gazetteer;
  private volatile PlaceResolver resolver;
  private volatile Registry registry;

  /**
   * @param gazetteer loaded on the first extraction (the service's warm-up), not here: building the
   *     extractor bean must stay quick, as the readiness check asks it for its version
   */
  public LocatingExtractor(
      Extractor extractor, ActorDirectory directory, Supplier<Gazetteer> gazetteer) {
    this.extractor = extractor;
    this.directory = directory;
    this.gazetteer = gazetteer;
  }

  @Override
  public boolean extractsEvents(String language) {
    return extractor.extractsEvents(language);
  }

  @Override
  public String version() {
    return extractor.version() + "+places-" + VERSION;
  }

  @Override
  public Extraction extract(String text, LocalDate publishedAt, String language) {
    Extraction extraction = extractor.extract(text, publishedAt, language);
    if (extraction.events().isEmpty()) {
      return withVersion(extraction, extraction.events());
    }
    ArticleLocator locator =
        new ArticleLocator(
            resolver(), registry(), text, extraction.mentions(), extraction.events(), publishedAt);
    return withVersion(extraction, extraction.events().stream().map(locator::locate).toList());
  }

  private Extraction withVersion(Extraction extraction, List<ExtractedEvent> events) {
    return new Extraction(
        version(),
        extraction.language(),
        extraction.mentions(),
        List.copyOf(events),
        extraction.provisionalActors());
  }

  private PlaceResolver resolver() {
    PlaceResolver current = resolver;
    if (current == null) {
      synchronized (this) {
        current = resolver;
        if (current == null) {
          current = new PlaceResolver(gazetteer.get());
          resolver = current;
        }
      }
    }
    return current;
  }

  /**
   * What the resolver needs of the actor registry, for one revision of it.
   *
   * @param states the ids of the actors that are states
   */
  record Registry(
      long revision,
      Map<String, String> countries,
      Set<String> states,
      Map<String, String> stateNames,
      Map<String, String> metonyms) {}

  private Registry registry() {
    Registry current = registry;
    long revision = directory.revision();
    if (current == null || current.revision() != revision) {
      Map<String, String> countries = new HashMap<>();
      Map<String, String> stateNames = new HashMap<>();
      Map<String, String> metonyms = new HashMap<>();
      Set<String> states = new HashSet<>();
      for (KnownActor actor : directory.actors()) {
        if (actor.country() == null) {
          continue;
        }
        countries.put(actor.id(), actor.country());
        if ("STATE".equals(actor.type())) {
          states.add(actor.id());
          stateNames.putIfAbsent(Gazetteer.key(actor.name()), actor.country());
          for (String alias : actor.aliases()) {
            stateNames.putIfAbsent(Gazetteer.key(alias), actor.country());
          }
          for (String metonym : actor.metonyms()) {
            metonyms.putIfAbsent(Gazetteer.key(metonym), actor.country());
          }
        }
      }
      current =
          new Registry(
              revision,
              Map.copyOf(countries),
              Set.copyOf(states),
              Map.copyOf(stateNames),
              Map.copyOf(metonyms));
      registry = current;
    }
    return current;
  }
}
