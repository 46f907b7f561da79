package org.newsgraph.entity.place;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.entity.extraction.ActorMention;
import org.newsgraph.entity.extraction.ActorRef;
import org.newsgraph.entity.extraction.ExtractedEvent;
import org.newsgraph.entity.extraction.Place;
import org.newsgraph.entity.extraction.Place.Precision;
import org.newsgraph.entity.extraction.Span;
import org.newsgraph.entity.place.LocatingExtractor.Registry;
import org.newsgraph.entity.place.PlaceResolver.Resolved;

/**
 * Where the events of one article happened. Each event takes the first place of this chain that is
 * on the map:
 *
 * <ol>
 *   <li>the place the extractor found in the trigger's sentence, else a place that sentence names;
 *   <li>the nearest earlier sentence of the same paragraph that names a place;
 *   <li>the dateline ("KYIV, Ukraine (AP) —");
 *   <li>the article's dominant place: the finest place that more than half of the article's places
 *       lie in.
 * </ol>
 *
 * The dateline and the dominant place say where the article's story is, so only the article's main
 * events take them (those of its most frequent event type or with its most frequent actors, and not
 * dated long before it; fights, assaults and mass violence count as one type, statements do not
 * vote); a background event mentioned in passing abstains. Historical events take a place from
 * their own sentence only. A place that gives only a country (a country's name, or a reference
 * point such as "northwest of Moscow") is refined by a finer place of the same country further down
 * the chain.
 *
 * <p>A sentence names a place when it has a place name that is not an actor, or a country's name
 * after a locative preposition ("in Ukraine"): a country that acts ("Ukraine said") is no place.
 */
final class ArticleLocator {

  private static final Set<String> PLACE_NER =
      Set.of("LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE");

  /**
   * Statements ("said", "announced") report the story rather than make it: they do not vote for the
   * article's main type, unless the article has nothing else.
   */
  private static final String STATEMENT = "01";

  private static final Set<String> VIOLENT = Set.of("18", "19", "20");

  /** Events dated further than this from the article's date are background. */
  private static final long BACKGROUND_DAYS = 31;

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

  /**
   * A locative preposition and what may stand between it and a name: "in", "near the village of",
   * "in Russia's", "across eastern"; and the prepositions of the other languages events are
   * extracted from.
   */
  private static final Pattern LOCATIVE_BEFORE =
      Pattern.compile(
          "(?:^|[\\s(])(?i:in|at|near|inside|outside|across|throughout|around|en|à|au|aux|près de"
              + "|cerca de|im|bei|em|no|na|nos|nas|в|во|на|под|у|під|біля)"
              + "(?:\\s+(?:(?i:the|a|an|northern|southern|eastern|western|central|north-eastern"
              + "|north-western|south-eastern|south-western|northeastern|northwestern"
              + "|southeastern|southwestern|village|town|city|region|province|district|outskirts"
              + "|suburbs?|centre|center|port|capital|area|of)|\\p{Lu}[\\p{L}\\p{M}-]*['’]s)){0,4}"
              + "\\s+$");

  /** A place named only as a reference point: "northwest of", "40 km south of", "30 miles from". */
  private static final Pattern REFERENCE_BEFORE =
      Pattern.compile(
          "(?i:\\b(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\\s+of"
              + "|\\b\\d[\\d,.]*\\s*(?:km|kilometres|kilometers|miles)\\s+(?:\\p{L}+\\s+)?"
              + "(?:of|from))\\s+(?:the\\s+)?$");

  /** The end of a sentence inside a paragraph: a full stop before a capital or a digit. */
  private static final Pattern SENTENCE_END =
      Pattern.compile("[.!?]+[\"”’)\\]]*\\s+(?=[\"“‘(\\[]?[\\p{Lu}\\d])");

  /** A place of the text on the map, and whether it is only a country. */
  private record Located(Place place) {
    boolean coarse() {
      return place.geo().precision() == Precision.COUNTRY;
    }

    String country() {
      return place.country();
    }
  }

  /**
   * One country (and maybe division) the article names at a span: an actor with a country, or a
   * place resolved without doubt on its own.
   */
  private record Evidence(Span span, String country, String division) {}

  private final PlaceResolver resolver;
  private final Registry known;
  private final String text;
  private final List<ActorMention> mentions;
  private final List<Evidence> evidence;
  private final List<Span> sentences;
  private final Map<Span, Optional<Located>> sites = new LinkedHashMap<>();
  private final List<Span> datelines = new ArrayList<>();
  private final Located dateline;
  private final Located dominant;
  private final Map<String, Integer> countriesNamed = new HashMap<>();
  private final LocalDate publishedAt;

  /** The {@link #family} of the article's most frequent event type. */
  private final String mainType;

  private final Set<String> mainActors;

  ArticleLocator(
      PlaceResolver resolver,
      Registry known,
      String text,
      List<ActorMention> mentions,
      List<ExtractedEvent> events,
      LocalDate publishedAt) {
    this.resolver = resolver;
    this.known = known;
    this.text = text;
    this.mentions = mentions;
    this.publishedAt = publishedAt;
    this.evidence = evidence();
    this.sentences = sentences(text);
    for (ActorMention m : mentions) {
      if (names(m)) {
        Optional<Located> at = site(m.text(), m.span());
        sites.put(m.span(), at);
        at.filter(Located::coarse)
            .ifPresent(l -> countriesNamed.merge(l.country(), 1, Integer::sum));
      }
    }
    Located filed = null;
    for (Dateline candidate : Dateline.candidates(text)) {
      // every opening read as a dateline, even one rejected as the story's place ("MOSCOW/SEOUL
      // -"), is no sentence naming a place
      datelines.add(candidate.span());
      if (filed == null) {
        filed = dateline(candidate);
      }
    }
    this.dateline = filed;
    this.dominant = dominant();
    Map<String, Integer> types = new LinkedHashMap<>();
    Map<String, Integer> actors = new HashMap<>();
    for (ExtractedEvent e : events) {
      if (background(e)) {
        continue;
      }
      if (!e.type().equals(STATEMENT)) {
        types.merge(family(e.type()), 1, Integer::sum);
      }
      for (String actor : actorsOf(e)) {
        actors.merge(actor, 1, Integer::sum);
      }
    }
    this.mainType = types.isEmpty() ? STATEMENT : mostFrequent(types);
    int most = actors.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Set<String> main = new HashSet<>();
    if (most >= 2) {
      actors.forEach(
          (actor, count) -> {
            if (count == most) {
              main.add(actor);
            }
          });
    }
    this.mainActors = main;
  }

  /** The event with its place on the map, or as it was when no place can be told. */
  ExtractedEvent locate(ExtractedEvent event) {
    Place own = event.place();
    Located found;
    if (own != null && own.span() != null && inDateline(own.span())) {
      // the extractor read the dateline as part of the sentence: it is the dateline's to place
      own = null;
      event = event.withPlace(null);
    }
    if (own != null) {
      Optional<Located> resolved = own(event);
      if (resolved.isEmpty()) {
        return event; // a place the gazetteer does not know: its name, and no point rather than a
        // guess
      }
      found = resolved.get();
      if (found.coarse() && own.span() != null) {
        Located finer = inSentence(event);
        if (finer != null
            && !finer.coarse()
            && (actsIn(own.span(), event)
                || distance(finer.place().span(), event.trigger())
                    < distance(own.span(), event.trigger()))) {
          // "came down near a village in the Tver region, killing a pilot who had fought in
          // Ukraine": the place that situates the event, not a country named beside it
          found = finer;
        }
      }
    } else {
      found = inSentence(event);
    }
    if (found != null && !found.coarse() || event.historical()) {
      return found == null ? event : event.withPlace(found.place());
    }
    boolean main = main(event);
    Located named = found;
    for (Located next :
        new Located[] {previous(event), main ? dateline : null, main ? dominant : null}) {
      if (next == null) {
        continue;
      }
      if (found == null) {
        found = next;
      } else if (!next.coarse()
          && next.country() != null
          && next.country().equals(found.country())) {
        found = next; // "in Russia", then "in the Tver region": the finer place of the same country
      }
      if (!found.coarse()) {
        break;
      }
    }
    if (named != null
        && named == found
        && main
        && dominant != null
        && !VIOLENT.contains(event.type())
        && dominant.country() != null
        && !dominant.country().equals(named.country())
        && countriesNamed.getOrDefault(named.country(), 0) <= 1) {
      // "they discussed the war in Ukraine" at a summit in Russia: a country named once in passing
      // does not outweigh where the whole article is
      found = dominant;
    }
    return found == null ? event : event.withPlace(found.place());
  }

  // ---------------------------------------------------------------- the chain

  private Optional<Located> own(ExtractedEvent event) {
    Place place = event.place();
    Span own = place.span();
    // "Tripoli" is a metonym of Libya in the registry, so the extractor gave it LBY: that comes
    // from
    // the name, which the gazetteer weighs on its own, and is no evidence of where this Tripoli is
    String key = Gazetteer.key(place.place());
    boolean byName =
        place.country() != null
            && (place.country().equals(known.stateNames().get(key))
                || place.country().equals(known.metonyms().get(key)));
    Optional<GeoPlace> at =
        geo(
            place.place(),
            byName ? null : place.country(),
            own == null ? null : qualifier(text, own),
            own,
            event.sentence(),
            concat(event.sources(), event.targets()));
    if (at.isEmpty()) {
      // a site the gazetteer does not hold, in a country the text gives: at least the country
      at = Optional.ofNullable(resolver.gazetteer().country(place.country()));
    }
    return at.map(g -> located(place.place(), own, g));
  }

  /** A place the trigger's sentence names that the extractor did not take: the finest, nearest. */
  private Located inSentence(ExtractedEvent event) {
    Located best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<Span, Optional<Located>> site : sites.entrySet()) {
      Span span = site.getKey();
      if (site.getValue().isEmpty() || !event.sentence().contains(span) || inDateline(span)) {
        continue;
      }
      Located at = site.getValue().get();
      int distance = distance(span, event.trigger()) + (at.coarse() ? text.length() : 0);
      if (distance < bestDistance) {
        best = at;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The nearest earlier sentence of the trigger's paragraph that names a place: its finest one. */
  private Located previous(ExtractedEvent event) {
    int paragraph = text.lastIndexOf('\n', Math.max(event.sentence().start() - 1, 0)) + 1;
    for (int i = sentences.size() - 1; i >= 0; i--) {
      Span sentence = sentences.get(i);
      if (sentence.start() >= event.sentence().start()) {
        continue;
      }
      if (sentence.end() <= paragraph) {
        return null;
      }
      Located coarse = null;
      for (Map.Entry<Span, Optional<Located>> site : sites.entrySet()) {
        Span span = site.getKey();
        if (site.getValue().isEmpty()
            || !sentence.contains(span)
            || span.end() > event.sentence().start()
            || inDateline(span)) {
          continue;
        }
        Located at = site.getValue().get();
        if (!at.coarse()) {
          return at;
        }
        coarse = coarse == null ? at : coarse;
      }
      if (coarse != null) {
        return coarse;
      }
    }
    return null;
  }

  private static int distance(Span span, Span trigger) {
    return Math.max(span.start() - trigger.end(), trigger.start() - span.end());
  }

  /** Whether the name at span is one of the event's actors. */
  private static boolean actsIn(Span span, ExtractedEvent event) {
    return concat(event.sources(), event.targets()).stream()
        .anyMatch(ref -> ref.span() != null && overlaps(ref.span(), span));
  }

  private Located dateline(Dateline line) {
    List<Located> places = new ArrayList<>();
    for (int i = 0; i < line.names().size(); i++) {
      String name = line.names().get(i);
      Span span = line.nameSpans().get(i);
      Optional<GeoPlace> at =
          geo(name, null, i == 0 ? line.qualifier() : null, span, line.span(), List.of());
      if (at.isEmpty()) {
        return null;
      }
      Located place = located(name, span, at.get());
      if (place == null) {
        return null;
      }
      places.add(place);
    }
    if (places.size() == 1) {
      return places.get(0);
    }
    // "MOSCOW/SEOUL": filed from several places, which say where the story is only if they share a
    // country
    String country = places.get(0).country();
    if (country == null || places.stream().anyMatch(p -> !country.equals(p.country()))) {
      return null;
    }
    GeoPlace state = resolver.gazetteer().country(country);
    return state == null ? null : located(state.name(), null, state);
  }

  /**
   * The finest place (a city, then a first-level division, then a country) that more than half of
   * the article's located places lie in, named at least twice; or null.
   */
  private Located dominant() {
    List<Located> all = new ArrayList<>();
    sites.values().forEach(at -> at.ifPresent(all::add));
    if (dateline != null) {
      all.add(dateline);
    }
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Located> firsts = new HashMap<>();
    for (Located at : all) {
      Place.Geo geo = at.place().geo();
      List<String> keys = new ArrayList<>();
      if (at.country() != null) {
        keys.add("C" + at.country());
      }
      if (geo.admin1Code() != null) {
        keys.add("A" + geo.admin1Code());
      }
      if (geo.precision() == Precision.CITY || geo.precision() == Precision.SITE) {
        keys.add("P" + (geo.geonamesId() != null ? geo.geonamesId() : geo.lat() + "," + geo.lon()));
      }
      for (String key : keys) {
        counts.merge(key, 1, Integer::sum);
        firsts.putIfAbsent(key, at);
      }
    }
    for (String level : List.of("P", "A", "C")) {
      for (Map.Entry<String, Integer> c : counts.entrySet()) {
        if (c.getKey().startsWith(level) && c.getValue() >= 2 && c.getValue() * 2 > all.size()) {
          Located first = firsts.get(c.getKey());
          return switch (level) {
            case "P" -> first;
            case "A" -> region(first.place().geo().admin1Code(), first);
            default -> {
              GeoPlace state = resolver.gazetteer().country(first.country());
              yield state == null ? null : located(state.name(), null, state);
            }
          };
        }
      }
    }
    return null;
  }

  /** The division as a place, or the place that gave it when that is the division itself. */
  private Located region(String admin1Code, Located first) {
    if (first.place().geo().precision() == Precision.REGION) {
      return first;
    }
    GeoPlace division = resolver.gazetteer().division(admin1Code);
    return division == null ? null : located(division.name(), null, division);
  }

  // ---------------------------------------------------------------- the article's main events

  private boolean main(ExtractedEvent event) {
    if (background(event)) {
      return false;
    }
    if (family(event.type()).equals(mainType)) {
      return true;
    }
    for (String actor : actorsOf(event)) {
      if (mainActors.contains(actor)) {
        return true;
      }
    }
    return false;
  }

  /** Fights, assaults and mass violence are one kind of story; every other root its own. */
  private static String family(String type) {
    return VIOLENT.contains(type) ? "violence" : type;
  }

  private boolean background(ExtractedEvent event) {
    if (event.historical()) {
      return true;
    }
    LocalDate date = event.date() == null ? null : event.date().date();
    return publishedAt != null
        && date != null
        && event.date().fromText()
        && Math.abs(ChronoUnit.DAYS.between(date, publishedAt)) > BACKGROUND_DAYS;
  }

  private static Set<String> actorsOf(ExtractedEvent event) {
    Set<String> out = new HashSet<>();
    for (ActorRef ref : concat(event.sources(), event.targets())) {
      if (ref.actorId() != null) {
        out.add(ref.actorId());
      }
    }
    return out;
  }

  /** The most frequent key, the first one seen among equals; null when there is none. */
  private static String mostFrequent(Map<String, Integer> counts) {
    String best = null;
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      if (best == null || c.getValue() > counts.get(best)) {
        best = c.getKey();
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- the places the text names

  /** Whether the mention names a place: a place that is not an actor, or a country after "in". */
  private boolean names(ActorMention m) {
    if (m.actorId() == null) {
      return PLACE_NER.contains(m.nerType());
    }
    return known.states().contains(m.actorId()) && locative(m.span());
  }

  private boolean locative(Span span) {
    int from = Math.max(0, span.start() - 60);
    return LOCATIVE_BEFORE.matcher(text.substring(from, span.start())).find();
  }

  private boolean reference(Span span) {
    int from = Math.max(0, span.start() - 40);
    return REFERENCE_BEFORE.matcher(text.substring(from, span.start())).find();
  }

  private boolean inDateline(Span span) {
    return datelines.stream().anyMatch(d -> d.contains(span));
  }

  /** A place name of the text on the map; a reference point ("north of Kyiv") only as a country. */
  private Optional<Located> site(String name, Span span) {
    Optional<GeoPlace> at =
        geo(name, null, qualifier(text, span), span, sentenceOf(span), List.of());
    return at.map(g -> located(name, span, g));
  }

  private Located located(String name, Span span, GeoPlace at) {
    if (span != null && at.kind() != GeoPlace.Kind.COUNTRY && reference(span)) {
      GeoPlace state = resolver.gazetteer().country(at.country());
      if (state == null) {
        return null;
      }
      at = state;
      name = state.name();
      span = null;
    }
    GeoPlace division = resolver.gazetteer().division(at.admin1Code());
    Place.Geo geo =
        new Place.Geo(
            at.lat(),
            at.lon(),
            division == null ? null : division.name(),
            at.admin1Code(),
            at.geonamesId(),
            at.precision());
    return new Located(new Place(name, at.country(), span, geo));
  }

  private Span sentenceOf(Span span) {
    for (Span s : sentences) {
      if (s.contains(span)) {
        return s;
      }
    }
    return span;
  }

  /** The text's sentences, approximately: lines, cut at a full stop before a capital or digit. */
  static List<Span> sentences(String text) {
    List<Span> out = new ArrayList<>();
    int line = 0;
    while (line <= text.length()) {
      int end = text.indexOf('\n', line);
      end = end < 0 ? text.length() : end;
      int start = line;
      Matcher m = SENTENCE_END.matcher(text).region(line, end);
      while (m.find()) {
        out.add(new Span(start, m.end()));
        start = m.end();
      }
      if (start < end) {
        out.add(new Span(start, end));
      }
      line = end + 1;
    }
    return out;
  }

  // ---------------------------------------------------------------- resolution

  private List<Evidence> evidence() {
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

  /**
   * The gazetteer entry for a name with the evidence around it.
   *
   * @param attached the country the extractor placed the name in, or null
   * @param qualifier the words that place the name ("Butler, Pennsylvania"), or null
   * @param own the name's span, or null when the text does not name it there
   * @param sentence the sentence whose countries count as the name's context
   * @param actors the actors of the event that happened there, whose countries are evidence
   */
  private Optional<GeoPlace> geo(
      String name,
      String attached,
      String qualifier,
      Span own,
      Span sentence,
      List<ActorRef> actors) {
    Set<String> inSentence = new HashSet<>();
    Map<String, Double> article = new HashMap<>();
    Set<String> divisions = new HashSet<>();
    int counted = 0;
    for (Evidence e : evidence) {
      if (own != null && overlaps(e.span(), own)) {
        continue;
      }
      if (sentence.contains(e.span())) {
        inSentence.add(e.country());
      }
      article.merge(e.country(), 1.0, Double::sum);
      if (e.division() != null) {
        divisions.add(e.division());
      }
      counted++;
    }
    int total = counted;
    article.replaceAll((country, count) -> count / total);
    Set<String> actorCountries = new HashSet<>();
    for (ActorRef ref : actors) {
      if (own != null && overlaps(ref.span(), own)) {
        continue; // "a bar in Georgia" with Georgia as the target: the name, not evidence
      }
      String country = known.countries().get(ref.actorId());
      if (country != null) {
        actorCountries.add(country);
      }
    }
    Clues clues =
        new Clues(
            qualifier,
            own != null && divisionAfter(text, own),
            attached,
            inSentence,
            actorCountries,
            article,
            divisions);
    Optional<GeoPlace> resolved =
        resolver.resolve(name, clues, known.stateNames()).map(Resolved::place);
    if (resolved.isEmpty() && own != null) {
      resolved = landmark(own, sentence, clues);
    }
    return resolved;
  }

  /**
   * "Crocus City Hall near Moscow", "the Zaporizhzhia plant in Enerhodar": a site the gazetteer
   * does not hold lies at or near the next place the sentence names after it, which then gives the
   * point (at that place's precision: the site is in it or beside it).
   */
  private Optional<GeoPlace> landmark(Span site, Span sentence, Clues clues) {
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
}
