package org.newsgraph.entity.place;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.entity.extraction.ActorDirectory;
import org.newsgraph.entity.extraction.ActorMention;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Extraction;
import org.newsgraph.entity.extraction.Extractor;
import org.newsgraph.entity.extraction.KnownActor;
import org.newsgraph.entity.extraction.Place;
import org.newsgraph.entity.extraction.Span;
import org.newsgraph.entity.place.PlaceResolver.Resolved;

/**
 * Puts the places of another extractor's events on the map. The names of places stay what the text
 * says; each gets coordinates, its country, its first-level division and a precision from the
 * gazetteer, or none when the resolver abstains. Metonyms that act ("Moscow said") were already
 * told apart by the extractor and are actors, never places, so they are never located.
 */
public final class LocatingExtractor implements Extractor {

  /** Bump whenever the gazetteer or the resolution changes, so stored results can be told apart. */
  static final int VERSION = 1;

  /** ", Pennsylvania" or ", Tver region" right after a place name. */
  private static final Pattern QUALIFIER =
      Pattern.compile(
          "^,\\s*(?:the\\s+)?(\\p{Lu}[\\p{L}\\p{M}.-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.-]*|"
              + "region|province|oblast|governorate|state|district|county|prefecture))*)");

  /** "Helmand province", "the Donetsk region", "Nad Ali district". */
  private static final Pattern DIVISION_AFTER =
      Pattern.compile(
          "^\\s+(?:province|region|oblast|governorate|district|county|prefecture|state)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The words between a site and the place that situates it: "concert venue near", ", in". */
  private static final Pattern LANDMARK_BEFORE =
      Pattern.compile(
          "(?:\\b(?:in|near|at|outside|of)(?:\\s+the)?|,)\\s*$", Pattern.CASE_INSENSITIVE);

  private static final int LANDMARK_WITHIN = 40;

  private static final Set<String> PLACE_NER =
      Set.of("LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE");

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
    PlaceResolver resolver = resolver();
    if (extraction.events().stream().noneMatch(e -> e.place() != null)) {
      return withVersion(extraction, extraction.events());
    }
    Registry known = registry();
    List<Evidence> evidence = evidence(resolver, text, extraction.mentions(), known);
    List<ExtractedEvent> events = new ArrayList<>();
    for (ExtractedEvent event : extraction.events()) {
      events.add(
          event.place() == null
              ? event
              : located(resolver, text, event, extraction.mentions(), evidence, known));
    }
    return withVersion(extraction, events);
  }

  private Extraction withVersion(Extraction extraction, List<ExtractedEvent> events) {
    return new Extraction(
        version(),
        extraction.language(),
        extraction.mentions(),
        List.copyOf(events),
        extraction.provisionalActors());
  }

  /**
   * One country (and maybe division) the article names at a span: an actor with a country, or a
   * place resolved without doubt on its own.
   */
  private record Evidence(Span span, String country, String division) {}

  private static List<Evidence> evidence(
      PlaceResolver resolver, String text, List<ActorMention> mentions, Registry known) {
    List<Evidence> out = new ArrayList<>();
    Map<String, Optional<Resolved>> alone = new HashMap<>();
    for (ActorMention m : mentions) {
      if (m.actorId() != null) {
        String country = known.countries().get(m.actorId());
        if (country != null) {
          out.add(new Evidence(m.span(), country, null));
        }
      } else if (PLACE_NER.contains(m.nerType())) {
        Clues clues =
            new Clues(
                qualifier(text, m.span()),
                divisionAfter(text, m.span()),
                null,
                Set.of(),
                Set.of(),
                Map.of(),
                Set.of());
        Optional<Resolved> resolved =
            clues.qualifier() == null && !clues.division()
                ? alone.computeIfAbsent(
                    m.text(), name -> resolver.resolve(name, clues, known.stateNames()))
                : resolver.resolve(m.text(), clues, known.stateNames());
        resolved
            .filter(Resolved::certain)
            .filter(r -> r.place().country() != null)
            .ifPresent(
                r -> out.add(new Evidence(m.span(), r.place().country(), r.place().admin1Code())));
      }
    }
    return out;
  }

  private static ExtractedEvent located(
      PlaceResolver resolver,
      String text,
      ExtractedEvent event,
      List<ActorMention> mentions,
      List<Evidence> evidence,
      Registry known) {
    Place place = event.place();
    Span own = place.span();
    Set<String> sentence = new HashSet<>();
    Map<String, Double> article = new HashMap<>();
    Set<String> divisions = new HashSet<>();
    int counted = 0;
    for (Evidence e : evidence) {
      if (own != null && overlaps(e.span(), own)) {
        continue;
      }
      if (event.sentence().contains(e.span())) {
        sentence.add(e.country());
      }
      article.merge(e.country(), 1.0, Double::sum);
      if (e.division() != null) {
        divisions.add(e.division());
      }
      counted++;
    }
    int total = counted;
    article.replaceAll((country, count) -> count / total);
    Set<String> actors = new HashSet<>();
    for (ActorRef ref : concat(event.sources(), event.targets())) {
      if (own != null && overlaps(ref.span(), own)) {
        continue; // "a bar in Georgia" with Georgia as the target: the name, not evidence
      }
      String country = known.countries().get(ref.actorId());
      if (country != null) {
        actors.add(country);
      }
    }
    // "Tripoli" is a metonym of Libya in the registry, so the extractor gave it LBY: that comes
    // from
    // the name, which the gazetteer weighs on its own, and is no evidence of where this Tripoli is
    String key = Gazetteer.key(place.place());
    boolean byName =
        place.country() != null
            && (place.country().equals(known.stateNames().get(key))
                || place.country().equals(known.metonyms().get(key)));
    Clues clues =
        new Clues(
            own == null ? null : qualifier(text, own),
            own != null && divisionAfter(text, own),
            byName ? null : place.country(),
            sentence,
            actors,
            article,
            divisions);
    Optional<GeoPlace> resolved =
        resolver.resolve(place.place(), clues, known.stateNames()).map(Resolved::place);
    if (resolved.isEmpty() && own != null) {
      resolved = landmark(resolver, text, own, event.sentence(), mentions, clues, known);
    }
    if (resolved.isEmpty()) {
      // a site the gazetteer does not hold, in a country the text gives: at least the country
      resolved = Optional.ofNullable(resolver.gazetteer().country(place.country()));
    }
    if (resolved.isEmpty()) {
      return event;
    }
    GeoPlace at = resolved.get();
    GeoPlace division = resolver.gazetteer().division(at.admin1Code());
    Place.Geo geo =
        new Place.Geo(
            at.lat(),
            at.lon(),
            division == null ? null : division.name(),
            at.admin1Code(),
            at.geonamesId(),
            at.precision());
    return event.withPlace(new Place(place.place(), at.country(), own, geo));
  }

  /**
   * "Crocus City Hall near Moscow", "the Zaporizhzhia plant in Enerhodar": a site the gazetteer
   * does not hold lies at or near the next place the sentence names after it, which then gives the
   * point (at that place's precision: the site is in it or beside it).
   */
  private static Optional<GeoPlace> landmark(
      PlaceResolver resolver,
      String text,
      Span site,
      Span sentence,
      List<ActorMention> mentions,
      Clues clues,
      Registry known) {
    for (ActorMention m : mentions) {
      if (m.actorId() != null
          || !PLACE_NER.contains(m.nerType())
          || m.span().start() < site.end()
          || !sentence.contains(m.span())) {
        continue;
      }
      String between = text.substring(site.end(), m.span().start());
      if (between.length() > LANDMARK_WITHIN || !LANDMARK_BEFORE.matcher(between).find()) {
        return Optional.empty();
      }
      Clues own =
          new Clues(
              qualifier(text, m.span()),
              divisionAfter(text, m.span()),
              clues.attachedCountry(),
              clues.sentenceCountries(),
              clues.actorCountries(),
              clues.articleCountries(),
              clues.articleDivisions());
      return resolver.resolve(m.text(), own, known.stateNames()).map(Resolved::place);
    }
    return Optional.empty();
  }

  private static List<ActorRef> concat(List<ActorRef> a, List<ActorRef> b) {
    List<ActorRef> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static boolean overlaps(Span a, Span b) {
    return a.start() < b.end() && b.start() < a.end();
  }

  static String qualifier(String text, Span span) {
    Matcher m =
        QUALIFIER.matcher(text.substring(span.end(), Math.min(text.length(), span.end() + 80)));
    return m.find() ? m.group(1) : null;
  }

  static boolean divisionAfter(String text, Span span) {
    return DIVISION_AFTER
        .matcher(text.substring(span.end(), Math.min(text.length(), span.end() + 20)))
        .find();
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

  /** What the resolver needs of the actor registry, for one revision of it. */
  private record Registry(
      long revision,
      Map<String, String> countries,
      Map<String, String> stateNames,
      Map<String, String> metonyms) {}

  private Registry registry() {
    Registry current = registry;
    long revision = directory.revision();
    if (current == null || current.revision() != revision) {
      Map<String, String> countries = new HashMap<>();
      Map<String, String> stateNames = new HashMap<>();
      Map<String, String> metonyms = new HashMap<>();
      for (KnownActor actor : directory.actors()) {
        if (actor.country() == null) {
          continue;
        }
        countries.put(actor.id(), actor.country());
        if ("STATE".equals(actor.type())) {
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
              revision, Map.copyOf(countries), Map.copyOf(stateNames), Map.copyOf(metonyms));
      registry = current;
    }
    return current;
  }
}
